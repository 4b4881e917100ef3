//! The commands that write a file: `new`, `gen-sample`, `import`, `set`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::store::import::{ImportOptions, ImportReport, Progress};
use crate::store::{Refusal, Store, StoreError};
use crate::workspace::sample;

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
    let outcome = report.outcome(options);
    if options.dry_run && report.problem_count > 0 && !options.skip_problems {
        bail!("{} problem(s) in the input", report.problem_count);
    }
    if !outcome.succeeded() {
        // The report said it on its last line; the exit status says it to a script.
        bail!("{}: {outcome}", file.display());
    }
    Ok(())
}

/// `chiso import FILE FORM.xlsx`: a filled entry form, through the grid's checks. Exits
/// non-zero when a cell is unreadable or refused (nothing is then written, unless
/// `--skip-problems`).
pub fn import_form(
    file: &Path,
    form: &Path,
    options: &ImportOptions,
    by: Option<&str>,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    use crate::workspace::entry_form::{FormOptions, import_form};
    let mut store = Store::open(file)?;
    let choices = FormOptions {
        dry_run: options.dry_run,
        skip_problems: options.skip_problems,
        by: by.map(str::to_owned),
    };
    let report =
        import_form(&mut store, form, &choices).with_context(|| format!("{}", form.display()))?;
    let f = &report.form;
    writeln!(
        out,
        "{}: Chiso entry form for {} ({}), subgroup {}, source {}, made from {}",
        form.display(),
        f.indicator,
        f.for_whom,
        f.subgroup,
        f.source,
        f.database
    )?;
    let here = file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    if !f.database.is_empty() && f.database != here {
        writeln!(
            out,
            "note: the form was made from {}, and is imported into {here}",
            f.database
        )?;
    }
    for p in &f.problems {
        writeln!(out, "  unreadable {} {:?}: {}", p.cell, p.raw, p.reason)?;
    }
    for (cell, refusal) in &report.refused {
        writeln!(out, "  refused {cell}: {refusal}")?;
    }
    for (cell, warning) in &report.warned {
        writeln!(out, "  warning {cell}: {warning}")?;
    }
    let verb = if report.written { "" } else { "would be " };
    writeln!(
        out,
        "{} {verb}added, {} {verb}changed, {} unchanged, by \"{}\"",
        report.added, report.changed, report.unchanged, report.editor
    )?;
    let problems = report.problem_count();
    if problems > 0 && !options.skip_problems {
        writeln!(
            out,
            "Nothing imported: {problems} cell(s) refused or unreadable; correct them in the form, or give --skip-problems to import the rest"
        )?;
        bail!(
            "{}: {problems} cell(s) refused or unreadable",
            form.display()
        );
    }
    if options.dry_run {
        writeln!(out, "Dry run: nothing was written")?;
    } else if report.added + report.changed == 0 {
        writeln!(
            out,
            "Already up to date: {} figures unchanged",
            report.unchanged
        )?;
    } else {
        writeln!(
            out,
            "Imported: {} added, {} changed",
            report.added, report.changed
        )?;
    }
    Ok(())
}

/// `chiso template FILE --indicator CODE … --out FORM.xlsx`: an entry form for the provinces.
pub fn template(
    file: &Path,
    request: &crate::workspace::entry_form::TemplateRequest,
    out: &Path,
    notes: &mut impl Write,
) -> anyhow::Result<()> {
    let store = Store::open_read_only(file)?;
    let rows = crate::workspace::entry_form::write_template(&store, file, request, out)
        .with_context(|| format!("{}", file.display()))?;
    writeln!(
        notes,
        "Wrote an entry form of {rows} rows to {}",
        out.display()
    )?;
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
    if !report.unknown_area_names.is_empty() {
        let names = report.unknown_area_names.join(", ");
        writeln!(
            out,
            "note: {} area name(s) match no area of the database (add them, or import with codes): {}",
            report.unknown_area_names.len(),
            crate::text::clip(names, 200)
        )?;
    }
    if report.left_out_problems > 0 {
        writeln!(
            out,
            "note: {} bad cell(s) in rows and columns not imported (areas, aggregates or indicators not chosen), ignored",
            report.left_out_problems
        )?;
    }
    if !report.unmatched_indicators.is_empty() {
        // One a line, so that a line stays readable and each key can be copied.
        writeln!(
            out,
            "note: not imported, not in the database (choose with --indicators, or --map FILE_CODE=CODE):"
        )?;
        for (key, name) in &report.unmatched_indicators {
            let line = if key == name {
                key.clone()
            } else {
                format!("{key} ({name})")
            };
            writeln!(out, "  {}", crate::text::clip(line, 290))?;
        }
    }
    for (key, code) in &report.name_matches {
        writeln!(
            out,
            "note: `{key}` has the name of {code} in the database, in a unit that agrees: to import onto it, --map '{key}={code}'; to keep it apart, --indicators '{key}'"
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
    writeln!(out, "{}", report.outcome(options))
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

/// Reads a value given on the command line: a plain machine number (`0.77`, `334000`), or,
/// with `--lang vi|en`, one written that language's way (`0,77`, `334.000`).
pub fn parse_value(text: &str, lang: Option<crate::locale::Language>) -> anyhow::Result<f64> {
    let parsed = match lang {
        Some(language) => crate::locale::Numbers::new(language).parse(text),
        None => crate::locale::parse_plain(text),
    };
    parsed.map_err(|e| match e {
        crate::locale::NumberError::NotPlain { .. } => {
            anyhow::anyhow!("{e} with --lang vi or --lang en")
        }
        e => anyhow::anyhow!("{e}"),
    })
}
