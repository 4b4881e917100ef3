//! The command line: the arguments of each subcommand and what it prints.
//!
//! | module  | holds                                                          |
//! |---------|----------------------------------------------------------------|
//! | (this)  | [`run`]: a parsed subcommand turned into its call              |
//! | `args`  | [`Args`] and [`Command`] (clap), and the conversions of their text |
//! | `read`  | `info`, `list`, `series`, `audit`, `export-data`                |
//! | `write` | `new`, `gen-sample`, `import`, `set`                            |
//! | `chart` | `export`: charts and decks to files                             |
//! | `backup`| `backups`, `restore`, `check`: a file's safety                  |
//! | `exchange` | `copy`, `changes`, `apply`: packages of changes between copies |
//!
//! Each command writes to any `impl Write`, so tests read its output without a process.
//! Errors are returned, never printed here: `main` prints each once, on stderr. The words
//! the terminal shows are written here, apart from the window's.

mod args;
mod backup;
mod chart;
mod exchange;
mod read;
mod write;

use std::io::Write;
use std::path::PathBuf;

pub use args::{Args, Command, ExportCommand, SetCommand};
pub use backup::{backups, check, restore};
pub use chart::{ExportArgs, export_chart};
pub use exchange::{apply, changes, copy};
pub use read::{audit, export_data, export_workbook, info, list, series};
pub use write::{gen_sample, import, import_form, new, parse_value, set, template, write_report};

use crate::export::{ExportOptions, Format};
use crate::model::selection::{ChartKind, RankingColour, RankingSpec};
use crate::model::{Qualifier, Status};
use crate::store::edit::{SetRequest, default_editor};
use crate::store::import::ImportOptions;
use crate::store::query::SeriesFilter;
use crate::workspace::ChartRequest;

/// Runs a subcommand, its arguments converted to the requests of the layers below.
pub fn run(command: Command, out: &mut impl Write, err: &mut impl Write) -> anyhow::Result<()> {
    match command {
        Command::New { file, sample } => new(&file, sample, out),
        Command::GenSample {
            file,
            observations,
            indicators,
            seed,
        } => gen_sample(
            &file,
            &crate::store::generate::GenerateOptions {
                observations,
                indicators,
                seed,
            },
            out,
        ),
        Command::Info { file } => info(&file, out, err),
        Command::Copy {
            file,
            copy: target,
            for_name,
            by,
        } => copy(
            &file,
            &target,
            &for_name,
            &by.unwrap_or_else(default_editor),
            out,
        ),
        Command::Changes {
            file,
            out: target,
            to,
            since,
            by,
        } => changes(
            &file,
            &target,
            to.as_deref(),
            &since,
            &by.unwrap_or_else(default_editor),
            out,
        ),
        Command::Apply {
            file,
            package,
            dry_run,
            prefer,
            show,
        } => apply(&file, &package, dry_run, prefer.as_deref(), show, out),
        Command::Check { file } => check(&file, out),
        Command::Backups { file, keep } => backups(&file, keep.as_deref(), out),
        Command::Restore { file, backup } => restore(&file, &backup, out),
        Command::List { file, lang } => list(&file, language_or_system(lang.as_deref())?, out, err),
        Command::Import {
            file,
            inputs,
            dry_run,
            areas,
            indicators,
            mappings,
            replace,
            skip_problems,
            unit,
            sheet,
            by,
        } => {
            let options = ImportOptions {
                areas,
                indicators,
                mappings,
                replace,
                dry_run,
                skip_problems,
                unit,
                sheet,
            };
            // Entry forms go through the grid's checks, each on its own; other files through
            // the importers, together.
            let (forms, files): (Vec<PathBuf>, Vec<PathBuf>) = inputs
                .into_iter()
                .partition(|p| crate::import::form::is_form(p));
            for form in &forms {
                import_form(&file, form, &options, by.as_deref(), out)?;
            }
            if files.is_empty() {
                return Ok(());
            }
            let editor = by.unwrap_or_else(default_editor);
            import(&file, &files, &options, &editor, out)
        }
        Command::Template {
            file,
            indicator,
            area_level,
            area,
            years,
            subgroup,
            source,
            out: target,
        } => {
            let request = crate::workspace::entry_form::TemplateRequest {
                indicator,
                area_level: Some(area_level),
                area,
                years,
                subgroup,
                source,
            };
            template(&file, &request, &target, err)
        }
        Command::ExportData {
            file,
            indicator,
            out: target,
            format,
            excel,
            lang,
        } => {
            let target = target.as_deref();
            if format == "xlsx" {
                let Some(target) = target else {
                    anyhow::bail!("a workbook is a file: give it with --out FILE.xlsx");
                };
                if excel {
                    anyhow::bail!("--excel is for CSV: a workbook needs no byte-order mark");
                }
                let language = language_or_system(lang.as_deref())?;
                export_workbook(&file, indicator, target, language, err)
            } else {
                if lang.is_some() {
                    anyhow::bail!(
                        "--lang is for a workbook: Chiso's long CSV is written with codes and plain numbers"
                    );
                }
                export_data(&file, indicator, target, excel, out, err)
            }
        }
        Command::Export(command) => {
            let (file, request, args, target, out_dir) = export_args(command)?;
            export_chart(
                &file,
                request,
                &args,
                target.as_deref(),
                out_dir.as_deref(),
                err,
            )
        }
        Command::Set(command) => {
            let (file, request, editor) = set_args(command)?;
            set(&file, &request, &editor, out)
        }
        Command::Audit { file, limit } => audit(&file, limit, out, err),
        Command::Series {
            file,
            code,
            area,
            subgroup,
            source,
        } => {
            let filter = SeriesFilter {
                area,
                subgroup,
                source,
            };
            series(&file, &code, &filter, out, err)
        }
    }
}

/// `chiso export`'s arguments as the chart asked for and how to draw it.
type ExportParts = (
    PathBuf,
    Option<ChartRequest>,
    ExportArgs,
    Option<PathBuf>,
    Option<PathBuf>,
);

fn export_args(command: ExportCommand) -> anyhow::Result<ExportParts> {
    let ExportCommand {
        file,
        indicator,
        area,
        subgroup,
        source,
        from,
        to,
        relative,
        log,
        kind,
        year,
        since,
        boundaries,
        colour,
        classes,
        also_years,
        format,
        size,
        scale,
        dark,
        title,
        out: target,
        all,
        deck,
        title_page,
        out_dir,
        lang,
    } = command;
    // A PDF is asked by name or by file: `--out deck.pdf` says it as well as `--format pdf`.
    let pdf = format.as_deref() == Some("pdf")
        || (format.is_none()
            && target
                .as_deref()
                .and_then(|p| p.extension())
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf")));
    if pdf && all {
        anyhow::bail!("--all writes one file per indicator: use png or svg, or --deck for one PDF");
    }
    let by_province = kind == "ranking" || kind == "map";
    if (classes.is_some() || !also_years.is_empty()) && kind != "map" {
        anyhow::bail!("--classes and --also-years shape a map: add --kind map");
    }
    if also_years.len() >= crate::model::selection::MAX_MAP_YEARS {
        anyhow::bail!(
            "--also-years takes at most {} years: more maps side by side do not read",
            crate::model::selection::MAX_MAP_YEARS - 1
        );
    }
    if !by_province && (year.is_some() || since.is_some() || boundaries.is_some()) {
        anyhow::bail!(
            "--year, --since and --boundaries choose what a ranking or a map shows: add --kind ranking or --kind map"
        );
    }
    if by_province && (relative || log || from.is_some() || to.is_some()) {
        anyhow::bail!(
            "--from, --to, --relative and --log shape a time series: a {kind} shows one --year"
        );
    }
    let deck_title = deck.then(|| title.clone()).flatten();
    let request = (!all && !deck).then(|| ChartRequest {
        indicator: indicator.unwrap_or_default(),
        area,
        subgroup,
        source,
        from,
        to,
        relative,
        log,
        title,
        kind: match kind.as_str() {
            "ranking" => ChartKind::Ranking,
            "map" => ChartKind::Map,
            _ => ChartKind::TimeSeries,
        },
        ranking: RankingSpec {
            year,
            since,
            boundaries,
            colour: if colour == "nation" {
                RankingColour::VersusNation
            } else {
                RankingColour::Region
            },
        },
        map: crate::model::selection::MapSpec {
            classes: classes.clone().unwrap_or_default(),
            also_years: also_years.clone(),
        },
    });
    let args = ExportArgs {
        deck,
        pdf,
        title_page,
        deck_title,
        language: language_or_system(lang.as_deref())?,
        format: format.as_deref().and_then(|f| match f {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }),
        options: ExportOptions {
            width: size.0,
            height: size.1,
            scale,
            dark,
            presentation: false,
            value_labels: true,
        },
    };
    Ok((file, request, args, target, out_dir))
}

/// `chiso set`'s arguments as the figure to write and who writes it.
fn set_args(command: SetCommand) -> anyhow::Result<(PathBuf, SetRequest, String)> {
    let SetCommand {
        file,
        code,
        year,
        value,
        area,
        subgroup,
        source,
        status,
        qualifier,
        footnote,
        expect,
        by,
        lang,
    } = command;
    let lang = lang.as_deref().map(language_of).transpose()?;
    let status = Status::from_word(&status).ok_or_else(|| {
        anyhow::anyhow!(
            "unknown status {status:?}: use normal, estimated, provisional, forecast or break"
        )
    })?;
    let qualifier = Qualifier::from_word(&qualifier).ok_or_else(|| {
        anyhow::anyhow!(
            "unknown qualifier {qualifier:?}: use about, more_than, less_than, at_least or at_most"
        )
    })?;
    let expect = match expect.as_deref() {
        None => None,
        Some("none") => Some(None),
        Some(v) => Some(Some(parse_value(v, lang)?)),
    };
    let request = SetRequest {
        indicator: code,
        area,
        subgroup,
        source,
        year,
        value: parse_value(&value, lang)?,
        status,
        qualifier,
        footnote,
        expect,
        clear: false,
    };
    let editor = by.unwrap_or_else(default_editor);
    Ok((file, request, editor))
}

/// `--lang`'s value; without it, the window's language, else the system's.
fn language_or_system(code: Option<&str>) -> anyhow::Result<crate::locale::Language> {
    match code {
        Some(code) => language_of(code),
        None => Ok(crate::workspace::preferences::saved_language()
            .unwrap_or_else(crate::locale::Language::from_system)),
    }
}

/// `--lang`'s value.
fn language_of(code: &str) -> anyhow::Result<crate::locale::Language> {
    crate::locale::Language::from_code(code)
        .ok_or_else(|| anyhow::anyhow!("unknown language {code:?}: use vi or en"))
}
