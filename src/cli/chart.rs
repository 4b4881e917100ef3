//! `chiso export`: charts drawn to files, no window needed.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use crate::export::{self, ExportOptions, Format};
use crate::locale::Language;
use crate::store::Store;
use crate::workspace::{ChartRequest, Workspace};

/// What `chiso export` was asked, beyond the chart itself.
pub struct ExportArgs {
    /// PNG or SVG; `None` with `pdf`, or to go by the file's name.
    pub format: Option<Format>,
    /// One PDF document: the deck's pages, or the one chart.
    pub pdf: bool,
    pub deck: bool,
    /// A PDF deck's first page: its title, the date and the slides.
    pub title_page: bool,
    /// A PDF deck's title (default: the file's name).
    pub deck_title: Option<String>,
    pub options: ExportOptions,
    /// The language of the words and numbers drawn.
    pub language: Language,
}

/// `chiso export`: one chart to `out`, or (with `all`) every indicator into `out_dir`.
pub fn export_chart(
    file: &Path,
    request: Option<ChartRequest>,
    args: &ExportArgs,
    out: Option<&Path>,
    out_dir: Option<&Path>,
    notes: &mut impl Write,
) -> anyhow::Result<()> {
    let store = Store::open_read_only(file)?;
    let mut ws = Workspace::new(store).with_context(|| format!("{}", file.display()))?;
    ws.set_language(args.language);
    if args.deck && args.pdf {
        let out =
            out.ok_or_else(|| anyhow::anyhow!("a PDF deck is one file: give --out DECK.pdf"))?;
        let t = crate::locale::Messages::of(args.language);
        let name = file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let title = args
            .deck_title
            .clone()
            .unwrap_or_else(|| t.with("deck-document-title", &[("file", name.into())]));
        let author = crate::store::edit::default_editor();
        let pages = ws.export_deck_pdf(
            out,
            &args.options,
            args.language,
            (&title, &author),
            args.title_page,
        )?;
        writeln!(notes, "Wrote {pages} pages to {}", out.display())?;
        return Ok(());
    }
    if args.title_page {
        anyhow::bail!("--title-page is for a PDF deck: add --format pdf");
    }
    if args.deck {
        let dir = out_dir.ok_or_else(|| {
            anyhow::anyhow!("--deck needs --out-dir DIR, or --format pdf with --out DECK.pdf")
        })?;
        let format = args.format.unwrap_or(Format::Png);
        let files = ws.export_deck(dir, format, &args.options, args.language)?;
        writeln!(notes, "Wrote {} slides into {}", files.len(), dir.display())?;
        return Ok(());
    }
    match (request, out) {
        (Some(request), Some(out)) if args.pdf => {
            let description = ws.chart_for(&request)?;
            let svg = export::svg(&description, &args.options)?;
            let info = export::pdf::DeckInfo {
                title: &description.title,
                author: &crate::store::edit::default_editor(),
                language: args.language,
            };
            let page = export::pdf::Page {
                svg: &svg,
                name: &description.title,
            };
            let bytes = export::pdf::deck(&[page], &info)?;
            export::write_bytes(out, &bytes)?;
            writeln!(notes, "Wrote {}", out.display())?;
        }
        (Some(request), Some(out)) => {
            let format = args
                .format
                .or_else(|| Format::from_path(out))
                .unwrap_or(Format::Png);
            let description = ws.chart_for(&request)?;
            export::write_file(&description, format, &args.options, out)?;
            writeln!(notes, "Wrote {}", out.display())?;
        }
        _ => {
            let dir = out_dir
                .ok_or_else(|| anyhow::anyhow!("give --out FILE, or --all with --out-dir DIR"))?;
            std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
            let format = args.format.unwrap_or(Format::Png);
            let codes: Vec<String> = ws
                .catalogue()
                .iter()
                .filter(|r| r.entry.latest.is_some())
                .map(|r| r.entry.indicator.code.clone())
                .collect();
            let mut taken = std::collections::HashSet::new();
            for code in &codes {
                let request = ChartRequest {
                    indicator: code.clone(),
                    ..Default::default()
                };
                let description = ws.chart_for(&request)?;
                let ext = if format == Format::Svg { "svg" } else { "png" };
                let path = dir.join(crate::text::file_name(code, ext, &mut taken));
                export::write_file(&description, format, &args.options, &path)?;
            }
            writeln!(notes, "Wrote {} charts into {}", codes.len(), dir.display())?;
        }
    }
    Ok(())
}
