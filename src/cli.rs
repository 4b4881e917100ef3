//! The command line: argument definitions and what each subcommand prints.
//!
//! Each command writes to any `impl Write`, so tests read its output without a process.
//! Errors are returned, never printed here: `main` prints each once, on stderr.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::export::long_csv::spreadsheet_safe;
use crate::export::{self, ExportOptions, Format, Preset};
use crate::model::{Observation, format_value};
use crate::store::export::ExportFilter;
use crate::store::import::{ImportOptions, ImportReport, Progress};
use crate::store::query::{CatalogueEntry, SeriesFilter};
use crate::store::{Refusal, SCHEMA_VERSION, Store, StoreError};
use crate::workspace::{ChartRequest, Workspace, export_long_csv, export_long_csv_to, sample};

#[derive(Debug, Parser)]
#[command(
    name = "chiso",
    version,
    about = "Offline dashboard for social-welfare indicators"
)]
pub struct Args {
    /// The Chiso database to open in the window (default: your copy of the sample database)
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty Chiso database, or a copy of the sample with --sample
    New {
        file: PathBuf,
        /// Fill it with the sample data (Viet Nam's headline indicators and their sources)
        #[arg(long)]
        sample: bool,
    },
    /// Create a large generated database for measuring (not real figures): the country, 6
    /// regions and 63 provinces, subgroups, several sources, 40 years
    GenSample {
        file: PathBuf,
        /// How many figures in all
        #[arg(long, default_value_t = 1_000_000)]
        observations: u64,
        /// How many indicators they are spread over
        #[arg(long, default_value_t = 200)]
        indicators: usize,
        /// The same seed makes the same figures
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Schema version, counts, sources and an integrity check
    Info { file: PathBuf },
    /// Each indicator with its latest value, year, unit and source
    List { file: PathBuf },
    /// Import figures from publishers' files (WDI CSV or API JSON, UNDP HDR, OWID) or Chiso's CSV
    Import {
        file: PathBuf,
        /// The files to import, in any of the formats Chiso reads (detected from their content)
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Show what would be added, changed and skipped, and every problem; write nothing
        #[arg(long)]
        dry_run: bool,
        /// Areas to bring in, by code, created if missing (default: those already in the database)
        #[arg(long, value_delimiter = ',')]
        areas: Option<Vec<String>>,
        /// Indicators to bring in, by the file's code (hdi, le, SH.DYN.MORT), created if missing
        /// (default: those that match indicators already in the database)
        #[arg(long, value_delimiter = ',')]
        indicators: Option<Vec<String>>,
        /// Map a file's indicator onto an existing one: --map le=LIFE_EXPECTANCY (repeatable)
        #[arg(long = "map", value_parser = parse_mapping)]
        mappings: Vec<(String, String)>,
        /// Overwrite figures that differ from those already stored for the same source
        #[arg(long)]
        replace: bool,
        /// Write the good rows even when some rows have problems (default: all or nothing)
        #[arg(long)]
        skip_problems: bool,
        /// The editor named in the audit log (default: the operating-system user)
        #[arg(long)]
        by: Option<String>,
    },
    /// Write figures as Chiso's long CSV (to standard output unless --out is given)
    ExportData {
        file: PathBuf,
        /// Only this indicator
        #[arg(long)]
        indicator: Option<String>,
        /// Write to this file instead of standard output
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Draw a chart to a PNG or SVG file, with no window (or every indicator with --all)
    Export {
        file: PathBuf,
        /// Indicator code
        #[arg(long, required_unless_present_any = ["all", "deck"])]
        indicator: Option<String>,
        /// Area code (default: the headline area)
        #[arg(long)]
        area: Option<String>,
        /// Subgroup code (default: the headline subgroup)
        #[arg(long)]
        subgroup: Option<String>,
        /// Only this source (default: every source, side by side)
        #[arg(long)]
        source: Option<String>,
        /// First year shown
        #[arg(long)]
        from: Option<i32>,
        /// Last year shown
        #[arg(long)]
        to: Option<i32>,
        /// As an index, the first year shown = 100
        #[arg(long)]
        relative: bool,
        /// Logarithmic value axis
        #[arg(long)]
        log: bool,
        /// png or svg (default: from the file name, else png)
        #[arg(long, value_parser = ["png", "svg"])]
        format: Option<String>,
        /// WIDTHxHEIGHT in px, or wide (1920x1080), standard (1600x1200), square (1080x1080)
        #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
        size: (u32, u32),
        /// PNG pixels per px, for high-DPI screens
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// Dark background (the default is light, for projectors)
        #[arg(long)]
        dark: bool,
        /// Replace the chart's title
        #[arg(long)]
        title: Option<String>,
        /// The file to write
        #[arg(long, required_unless_present_any = ["all", "deck"])]
        out: Option<PathBuf>,
        /// One chart per indicator, named by code, into --out-dir
        #[arg(long, requires = "out_dir", conflicts_with = "deck")]
        all: bool,
        /// The deck of saved views, one slide per file numbered in deck order, into --out-dir
        #[arg(long, requires = "out_dir")]
        deck: bool,
        #[arg(long)]
        out_dir: Option<PathBuf>,
    },
    /// Write one figure, through the same checks and audit as the window
    Set {
        file: PathBuf,
        /// Indicator code
        code: String,
        year: i32,
        value: String,
        /// Area code (default: the country)
        #[arg(long)]
        area: Option<String>,
        /// Subgroup code (default: T, the total)
        #[arg(long)]
        subgroup: Option<String>,
        /// Source code (default: the source of your last figure)
        #[arg(long)]
        source: Option<String>,
        /// normal, estimated, provisional, forecast or break
        #[arg(long, default_value = "normal")]
        status: String,
        /// about, more_than, less_than, at_least or at_most
        #[arg(long, default_value = "")]
        qualifier: String,
        #[arg(long)]
        footnote: Option<String>,
        /// Refuse unless the stored value is this one (`none`: unless there is none)
        #[arg(long)]
        expect: Option<String>,
        /// The editor named in the audit log (default: the operating-system user)
        #[arg(long)]
        by: Option<String>,
    },
    /// The latest changes recorded in the audit log, newest first
    Audit {
        file: PathBuf,
        /// How many changes to show
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// The figures of one indicator, as CSV on standard output
    Series {
        file: PathBuf,
        /// Indicator code, as `chiso list` shows it (e.g. U5MR)
        code: String,
        /// Only this area (code, e.g. VNM)
        #[arg(long)]
        area: Option<String>,
        /// Only this subgroup (code, e.g. T for total)
        #[arg(long)]
        subgroup: Option<String>,
        /// Only this source (code, as `chiso info` lists them)
        #[arg(long)]
        source: Option<String>,
    },
}

/// Opens a file for a command that only reads, saying on `notes` when it is read-only.
fn open_for_reading(path: &Path, notes: &mut impl Write) -> anyhow::Result<Store> {
    let store = Store::open_read_only(path)?;
    if let Some(reason) = store
        .read_only()
        .filter(|r| **r != crate::store::ReadOnlyReason::Requested)
    {
        writeln!(notes, "note: {}: {reason}", path.display())?;
    }
    Ok(store)
}

/// `chiso new FILE [--sample]`.
pub fn new(file: &Path, with_sample: bool, out: &mut impl Write) -> anyhow::Result<()> {
    if with_sample {
        sample::create_sample(file)?;
        writeln!(out, "Created {} with the sample data", file.display())?;
    } else {
        Store::create(file)?;
        writeln!(out, "Created {} (empty)", file.display())?;
    }
    Ok(())
}

/// `chiso gen-sample FILE`.
pub fn gen_sample(
    file: &Path,
    options: &crate::store::generate::GenerateOptions,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let report = crate::store::generate::generate(file, options)?;
    writeln!(
        out,
        "Created {} with {} generated figures: {} indicators, {} areas, {} subgroups, {} sources \
         (for measuring; not real figures)",
        file.display(),
        report.observations,
        report.indicators,
        report.areas,
        report.subgroups,
        report.sources
    )?;
    Ok(())
}

/// `chiso info FILE`. Fails when the integrity check finds a problem.
pub fn info(file: &Path, out: &mut impl Write, notes: &mut impl Write) -> anyhow::Result<()> {
    let store = open_for_reading(file, notes)?;
    let summary = store
        .summary()
        .with_context(|| file.display().to_string())?;
    writeln!(out, "File:            {}", file.display())?;
    writeln!(
        out,
        "Schema version:  {} (this Chiso knows up to {SCHEMA_VERSION})",
        summary.schema_version
    )?;
    let writable = std::fs::metadata(file).is_ok_and(|m| !m.permissions().readonly());
    writeln!(
        out,
        "Access:          {}",
        if writable && summary.schema_version <= SCHEMA_VERSION {
            "read-write"
        } else {
            "read-only"
        }
    )?;
    for (table, count) in &summary.counts {
        writeln!(out, "{:<16} {count}", format!("{}:", plural(table)))?;
    }
    writeln!(out, "Sources:")?;
    for s in &summary.sources {
        let edition = if s.edition.is_empty() {
            String::new()
        } else {
            format!(", {}", s.edition)
        };
        writeln!(
            out,
            "  {:<18} {} — {}{edition} ({})",
            s.code, s.publisher, s.title, s.published
        )?;
    }
    let ok = summary.integrity == ["ok"];
    writeln!(out, "Integrity check: {}", summary.integrity.join("; "))?;
    if !ok {
        bail!(
            "{}: the integrity check found problems (see above)",
            file.display()
        );
    }
    Ok(())
}

fn plural(table: &str) -> String {
    match table {
        "audit_log" => "Audit entries".to_owned(),
        "saved_view" => "Saved views".to_owned(),
        other => {
            let mut name = other[..1].to_uppercase() + &other[1..];
            name.push('s');
            name
        }
    }
}

/// The latest figure as a person reads it: "about 11 %", "more than 100,000 apartments".
pub fn latest_text(entry: &CatalogueEntry) -> String {
    match &entry.latest {
        Some(o) => format!(
            "{}{}",
            o.qualifier.prefix(),
            format_value(o.value, entry.indicator.decimals)
        ),
        None => "no figures".to_owned(),
    }
}

/// `chiso list FILE`.
pub fn list(file: &Path, out: &mut impl Write, notes: &mut impl Write) -> anyhow::Result<()> {
    let store = open_for_reading(file, notes)?;
    let catalogue = store
        .catalogue()
        .with_context(|| file.display().to_string())?;
    let sources = store
        .sources()
        .with_context(|| file.display().to_string())?;
    let source_name = |code: &str| {
        sources
            .iter()
            .find(|s| s.code == code)
            .map_or(code.to_owned(), |s| s.short_name.clone())
    };
    let rows: Vec<[String; 6]> = catalogue
        .iter()
        .map(|entry| {
            let latest: Option<&Observation> = entry.latest.as_ref();
            [
                entry.indicator.code.clone(),
                entry.indicator.name.clone(),
                latest_text(entry),
                entry.indicator.unit.symbol.clone(),
                latest.map_or(String::new(), |o| o.period.to_string()),
                latest.map_or(String::new(), |o| {
                    let area = if o.area_code == "VNM" {
                        String::new()
                    } else {
                        format!(" [{}]", o.area_code)
                    };
                    format!("{}{area}", source_name(&o.source_code))
                }),
            ]
        })
        .collect();
    let header = ["CODE", "INDICATOR", "LATEST", "UNIT", "PERIOD", "SOURCE"];
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    widths[1] = widths[1].min(48);
    let line = |cells: [&str; 6]| {
        let mut text = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let cell: String = if cell.chars().count() > w {
                cell.chars().take(w - 1).chain(['…']).collect()
            } else {
                (*cell).to_owned()
            };
            let pad = w - cell.chars().count();
            if i == 2 {
                text.push_str(&" ".repeat(pad));
                text.push_str(&cell);
            } else {
                text.push_str(&cell);
                if i + 1 < cells.len() {
                    text.push_str(&" ".repeat(pad));
                }
            }
            if i + 1 < cells.len() {
                text.push_str("  ");
            }
        }
        text
    };
    writeln!(out, "{}", line(header))?;
    for row in &rows {
        writeln!(out, "{}", line(row.each_ref().map(String::as_str)))?;
    }
    Ok(())
}

fn parse_size(text: &str) -> Result<(u32, u32), String> {
    let preset = match text.to_ascii_lowercase().as_str() {
        "wide" | "16:9" => Some(Preset::Wide),
        "standard" | "4:3" => Some(Preset::Standard),
        "square" => Some(Preset::Square),
        _ => None,
    };
    if let Some(p) = preset {
        return Ok(p.size());
    }
    text.split_once(['x', 'X', '×'])
        .and_then(|(w, h)| Some((w.trim().parse().ok()?, h.trim().parse().ok()?)))
        .ok_or_else(|| {
            format!("{text:?}: write WIDTHxHEIGHT, e.g. 1920x1080, or wide, standard, square")
        })
}

/// What `chiso export` was asked, beyond the chart itself.
pub struct ExportArgs {
    pub format: Option<Format>,
    pub deck: bool,
    pub options: ExportOptions,
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
    if args.deck {
        let dir = out_dir.ok_or_else(|| anyhow::anyhow!("--deck needs --out-dir DIR"))?;
        let files = ws.export_deck(dir, args.format.unwrap_or(Format::Png), &args.options)?;
        writeln!(notes, "Wrote {} slides into {}", files.len(), dir.display())?;
        return Ok(());
    }
    match (request, out) {
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
            for code in &codes {
                let request = ChartRequest {
                    indicator: code.clone(),
                    ..Default::default()
                };
                let description = ws.chart_for(&request)?;
                let ext = if format == Format::Svg { "svg" } else { "png" };
                let path = dir.join(format!("{}.{ext}", file_safe(code)));
                export::write_file(&description, format, &args.options, &path)?;
            }
            writeln!(notes, "Wrote {} charts into {}", codes.len(), dir.display())?;
        }
    }
    Ok(())
}

/// An indicator code as a file name: letters, digits, `-` and `_` only.
fn file_safe(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn parse_mapping(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((from, to)) if !from.trim().is_empty() && !to.trim().is_empty() => {
            Ok((from.trim().to_owned(), to.trim().to_owned()))
        }
        _ => Err(format!(
            "{text:?}: write FILE_CODE=CHISO_CODE, e.g. le=LIFE_EXPECTANCY"
        )),
    }
}

/// `chiso import DB FILE…`: prints the report; fails when there were problems, unless the
/// user chose to skip them.
pub fn import(
    file: &Path,
    inputs: &[PathBuf],
    options: &ImportOptions,
    editor: &str,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let mut store = Store::open(file)?;
    let report =
        crate::workspace::import(&mut store, inputs, options, editor, &Progress::default())
            .with_context(|| format!("{}", file.display()))?;
    write_report(&report, options, out)?;
    if report.problem_count > 0 && !options.skip_problems {
        bail!(
            "{} problem(s) in the input{}",
            report.problem_count,
            if options.dry_run {
                ""
            } else {
                "; nothing was imported (fix them, or use --skip-problems)"
            }
        );
    }
    Ok(())
}

/// The import report as text: what the preview dialog shows, for the terminal.
pub fn write_report(
    report: &ImportReport,
    options: &ImportOptions,
    out: &mut impl Write,
) -> std::io::Result<()> {
    for f in &report.files {
        writeln!(
            out,
            "{}: {}{}",
            f.path.display(),
            f.format.unwrap_or("not read"),
            f.source
                .as_ref()
                .map_or(String::new(), |s| format!(", source {s}"))
        )?;
    }
    let verb = if report.committed { "" } else { "would be " };
    writeln!(
        out,
        "{} {verb}added, {} {verb}changed, {} unchanged, {} skipped, {} missing values",
        report.added,
        report.changed,
        report.unchanged,
        report.skipped_total(),
        report.missing_values
    )?;
    for (reason, n) in &report.skipped {
        writeln!(out, "  skipped {n}: {reason}")?;
    }
    for note in &report.notes {
        writeln!(out, "note: {note}")?;
    }
    if !report.unmatched_indicators.is_empty() {
        let list: Vec<String> = report
            .unmatched_indicators
            .iter()
            .map(|(k, n)| format!("{k} ({n})"))
            .collect();
        writeln!(
            out,
            "note: not imported, not in the database (choose with --indicators, or --map FILE_CODE=CODE): {}",
            list.join(", ")
        )?;
    }
    if report.problem_count > 0 {
        writeln!(out, "{} problem(s):", report.problem_count)?;
        for p in &report.problems {
            writeln!(out, "  {p}")?;
        }
        if report.problem_count > report.problems.len() as u64 {
            writeln!(
                out,
                "  … and {} more",
                report.problem_count - report.problems.len() as u64
            )?;
        }
    }
    let outcome = if options.dry_run {
        "Dry run: nothing was written"
    } else if report.committed {
        "Imported"
    } else {
        "Nothing was imported"
    };
    writeln!(out, "{outcome}")
}

/// `chiso export-data DB [--indicator CODE] [--out FILE]`.
pub fn export_data(
    file: &Path,
    indicator: Option<String>,
    target: Option<&Path>,
    out: &mut impl Write,
    notes: &mut impl Write,
) -> anyhow::Result<()> {
    let store = open_for_reading(file, notes)?;
    let filter = ExportFilter {
        indicator,
        series: None,
    };
    match target {
        None => {
            export_long_csv(&store, &filter, out).with_context(|| file.display().to_string())?;
        }
        Some(path) => {
            let n = export_long_csv_to(&store, &filter, path)
                .with_context(|| file.display().to_string())?;
            writeln!(notes, "Wrote {n} figures to {}", path.display())?;
        }
    }
    Ok(())
}

/// `chiso set`: prints what was written and any warning; fails when refused.
pub fn set(
    file: &Path,
    request: &crate::store::edit::SetRequest,
    editor: &str,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    use crate::store::edit::SetOutcome;
    let mut store = Store::open(file)?;
    let (outcome, warnings) = store
        .set_figure(editor, request)
        .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), refusal_text(&e)))?;
    match outcome {
        SetOutcome::Added => writeln!(
            out,
            "Added {} {} = {}",
            request.indicator, request.year, request.value
        )?,
        SetOutcome::Changed { old } => writeln!(
            out,
            "Changed {} {}: {old} → {}",
            request.indicator, request.year, request.value
        )?,
        SetOutcome::Unchanged => writeln!(
            out,
            "Unchanged: {} {} is already {}",
            request.indicator, request.year, request.value
        )?,
        SetOutcome::Deleted { old } => writeln!(
            out,
            "Deleted {} {} (was {old})",
            request.indicator, request.year
        )?,
    }
    for w in warnings {
        writeln!(out, "warning: {w}")?;
    }
    Ok(())
}

/// A refused write in the terminal's words: what the store says, and which option to give.
fn refusal_text(error: &StoreError) -> String {
    match error {
        StoreError::Refused(Refusal::NoCountryArea) => format!("{error}: give --area"),
        StoreError::Refused(Refusal::NoSource) => format!("{error}: give --source"),
        error => error.to_string(),
    }
}

/// Reads a value as editors type it (see [`crate::model::parse_number`]).
pub fn parse_value(text: &str) -> anyhow::Result<f64> {
    crate::model::parse_number(text).ok_or_else(|| anyhow::anyhow!("{text:?} is not a number"))
}

/// `chiso audit FILE`: who changed what, when, old → new.
pub fn audit(
    file: &Path,
    limit: usize,
    out: &mut impl Write,
    notes: &mut impl Write,
) -> anyhow::Result<()> {
    let store = open_for_reading(file, notes)?;
    for entry in store
        .audit_log(limit)
        .with_context(|| file.display().to_string())?
    {
        writeln!(
            out,
            "{}  {}  {} {} #{}",
            entry.at, entry.editor, entry.action, entry.table, entry.row_id
        )?;
        if let Some(old) = &entry.old_values {
            writeln!(out, "    old: {old}")?;
        }
        if let Some(new) = &entry.new_values {
            writeln!(out, "    new: {new}")?;
        }
    }
    Ok(())
}

/// `chiso series FILE CODE`: CSV, one row per figure.
pub fn series(
    file: &Path,
    code: &str,
    filter: &SeriesFilter,
    out: &mut impl Write,
    notes: &mut impl Write,
) -> anyhow::Result<()> {
    let store = open_for_reading(file, notes)?;
    let figures = store
        .series(code, filter)
        .with_context(|| format!("{}", file.display()))?;
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record([
        "indicator",
        "area",
        "subgroup",
        "year",
        "period",
        "value",
        "status",
        "qualifier",
        "footnote",
        "source",
    ])?;
    for o in &figures {
        csv.write_record([
            spreadsheet_safe(&o.indicator_code).as_ref(),
            &spreadsheet_safe(&o.area_code),
            &spreadsheet_safe(&o.subgroup_code),
            &o.period.year.to_string(),
            &o.period.to_string(),
            &o.value.to_string(),
            o.status.as_str(),
            o.qualifier.as_str(),
            &spreadsheet_safe(&o.footnote),
            &spreadsheet_safe(&o.source_code),
        ])?;
    }
    csv.flush()?;
    Ok(())
}
