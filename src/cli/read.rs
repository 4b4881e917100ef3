//! The commands that only read a file: `info`, `list`, `series`, `audit`, `export-data`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};

use crate::chart::qualifier_prefix;
use crate::export::long_csv::spreadsheet_safe;
use crate::locale::{Language, Messages, Numbers};
use crate::model::Observation;
use crate::store::export::ExportFilter;
use crate::store::query::{CatalogueEntry, SeriesFilter};
use crate::store::{SCHEMA_VERSION, Store};
use crate::text::terminal_safe;
use crate::workspace::{export_long_csv, export_long_csv_to, export_workbook_to};

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
    // Opened for reading only because `info` only reads: any other reason is the file's.
    let writable = store
        .read_only()
        .is_none_or(|r| *r == crate::store::ReadOnlyReason::Requested);
    writeln!(
        out,
        "Access:          {}",
        if writable && summary.schema_version <= SCHEMA_VERSION {
            "read-write"
        } else {
            "read-only"
        }
    )?;
    write_identity(&store, out)?;
    for (table, count) in &summary.counts {
        writeln!(out, "{:<16} {count}", format!("{}:", plural(table)))?;
    }
    writeln!(out, "Sources:")?;
    for s in &summary.sources {
        let edition = if s.edition.is_empty() {
            String::new()
        } else {
            format!(", {}", s.edition.get(Language::English))
        };
        let line = format!(
            "  {:<18} {} — {}{edition} ({})",
            s.code,
            s.publisher.get(Language::English),
            s.title.get(Language::English),
            s.published
        );
        writeln!(out, "{}", terminal_safe(&line))?;
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

/// Which database a file is, whether it is a copy, and whom it exchanges packages with.
fn write_identity(store: &Store, out: &mut impl Write) -> anyhow::Result<()> {
    // A file of an older schema opened for reading has no identity yet: it gets one when
    // it is first opened for writing.
    let Ok(identity) = store.identity() else {
        writeln!(
            out,
            "Database:        (no identity yet: schema older than 5)"
        )?;
        return Ok(());
    };
    writeln!(out, "Database:        {}", identity.database_id)?;
    match (&identity.copied_for, &identity.copied_at) {
        (Some(name), Some(at)) => writeln!(
            out,
            "This file:       copy {} for \"{}\", made {at} from copy {}",
            identity.copy_id,
            terminal_safe(name),
            identity.copied_from.as_deref().unwrap_or("?")
        )?,
        _ => writeln!(
            out,
            "This file:       copy {} (the original, created {})",
            identity.copy_id, identity.created_at
        )?,
    }
    for peer in &identity.peers {
        let role = if peer.origin {
            "the file it was copied from, on"
        } else {
            "a copy made on"
        };
        let sent = peer
            .sent_at
            .as_deref()
            .map_or("no package made for it yet".to_owned(), |at| {
                format!("last package made for it {at}")
            });
        writeln!(
            out,
            "Exchanges with:  \"{}\" ({role} {}; {sent})",
            terminal_safe(&peer.name),
            peer.copied_at
        )?;
    }
    writeln!(out, "Packages applied: {}", identity.packages_applied)?;
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

/// The latest figure as a person reads it, in `language`: "about 11", "khoảng 334.000".
pub fn latest_text(entry: &CatalogueEntry, language: Language) -> String {
    let t = Messages::of(language);
    match &entry.latest {
        Some(o) => format!(
            "{}{}",
            qualifier_prefix(t, o.qualifier),
            Numbers::of(language).format(o.value, entry.indicator.decimals)
        ),
        None => t.get("catalogue-no-figures"),
    }
}

/// `chiso list FILE`, its numbers and words in `language`.
pub fn list(
    file: &Path,
    language: Language,
    out: &mut impl Write,
    notes: &mut impl Write,
) -> anyhow::Result<()> {
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
            .map_or(code.to_owned(), |s| s.short_name.get(language).to_owned())
    };
    let mut catalogue = catalogue;
    crate::workspace::sort_entries(&mut catalogue, language, |entry| entry);
    let rows: Vec<[String; 6]> = catalogue
        .iter()
        .map(|entry| {
            let latest: Option<&Observation> = entry.latest.as_ref();
            [
                entry.indicator.code.clone(),
                entry.indicator.name.get(language).to_owned(),
                latest_text(entry, language),
                entry.indicator.unit.symbol.get(language).to_owned(),
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
        writeln!(
            out,
            "{}",
            terminal_safe(&line(row.each_ref().map(String::as_str)))
        )?;
    }
    Ok(())
}

/// `chiso export-data DB [--indicator CODE] [--out FILE]`.
pub fn export_data(
    file: &Path,
    indicator: Option<String>,
    target: Option<&Path>,
    excel: bool,
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
            if excel {
                out.write_all(crate::workspace::UTF8_BOM)?;
            }
            export_long_csv(&store, &filter, out).with_context(|| file.display().to_string())?;
        }
        Some(path) => {
            let n = export_long_csv_to(&store, &filter, path, excel)
                .with_context(|| file.display().to_string())?;
            writeln!(notes, "Wrote {n} figures to {}", path.display())?;
        }
    }
    Ok(())
}

/// `chiso export-data FILE --format xlsx --out FILE.xlsx`: the figures as a workbook.
pub fn export_workbook(
    file: &Path,
    indicator: Option<String>,
    target: &Path,
    language: crate::locale::Language,
    notes: &mut impl Write,
) -> anyhow::Result<()> {
    let store = open_for_reading(file, notes)?;
    let filter = ExportFilter {
        indicator,
        series: None,
    };
    let written = export_workbook_to(&store, &filter, target, language)
        .with_context(|| file.display().to_string())?;
    writeln!(
        notes,
        "Wrote {} figures of {} indicator{} to {}",
        written.figures,
        written.indicators,
        if written.indicators == 1 { "" } else { "s" },
        target.display()
    )?;
    Ok(())
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
            terminal_safe(&entry.at),
            terminal_safe(&entry.editor),
            entry.action,
            entry.table,
            entry.row_id
        )?;
        if let Some(old) = &entry.old_values {
            writeln!(out, "    old: {}", terminal_safe(old))?;
        }
        if let Some(new) = &entry.new_values {
            writeln!(out, "    new: {}", terminal_safe(new))?;
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
            terminal_safe(&spreadsheet_safe(&o.indicator_code)).as_ref(),
            &terminal_safe(&spreadsheet_safe(&o.area_code)),
            &terminal_safe(&spreadsheet_safe(&o.subgroup_code)),
            &o.period.year.to_string(),
            &terminal_safe(&o.period.to_string()),
            &o.value.to_string(),
            o.status.as_str(),
            o.qualifier.as_str(),
            &terminal_safe(&spreadsheet_safe(&o.footnote)),
            &terminal_safe(&spreadsheet_safe(&o.source_code)),
        ])?;
    }
    csv.flush()?;
    Ok(())
}
