//! `chiso copy`, `chiso changes` and `chiso apply`: copies of a database and the packages of
//! changes they exchange (`store::exchange`).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};

use crate::store::Store;
use crate::store::exchange::{
    Change, ChangeAction, Choice, Conflict, Decisions, Package, Plan, Since, value_text,
};

/// `chiso copy FILE COPY --for NAME`.
pub fn copy(
    file: &Path,
    target: &Path,
    name: &str,
    editor: &str,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if name.trim().is_empty() {
        bail!("--for needs a name: whom the copy is for (a province, an office)");
    }
    let mut store = Store::open(file)?;
    let made = store
        .make_copy(target, name.trim(), editor)
        .with_context(|| file.display().to_string())?;
    writeln!(
        out,
        "Made {} for \"{}\": a copy of {} (database {}, copy {}). Send its changes back with \
         `chiso changes {} --out FILE`",
        target.display(),
        name.trim(),
        file.display(),
        made.database_id,
        made.copy_id,
        target.display()
    )?;
    Ok(())
}

/// `chiso changes FILE --out PACKAGE [--to NAME] [--since copy|last]`.
pub fn changes(
    file: &Path,
    target: &Path,
    to: Option<&str>,
    since: &str,
    editor: &str,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let since = match since {
        "copy" => Since::Copy,
        "last" => Since::Last,
        other => bail!(
            "--since {other}: say copy (since the copy was made) or last (since the last package)"
        ),
    };
    if std::fs::symlink_metadata(target).is_ok() {
        bail!(
            "{}: a file is already there; choose another name (nothing was overwritten)",
            target.display()
        );
    }
    let mut store = Store::open(file)?;
    let header = store
        .make_package(target, to, since, editor)
        .with_context(|| file.display().to_string())?;
    let counts: Vec<String> = header
        .counts
        .iter()
        .map(|(kind, n)| format!("{n} {}(s)", kind.name()))
        .collect();
    writeln!(
        out,
        "Wrote {}: {} change(s) {} for \"{}\"{}",
        target.display(),
        header.changes(),
        match since {
            Since::Copy => "since the copy was made",
            Since::Last => "since the last package",
        },
        header.to_name,
        if counts.is_empty() {
            String::new()
        } else {
            format!(" ({})", counts.join(", "))
        }
    )?;
    Ok(())
}

/// `chiso apply FILE PACKAGE [--dry-run] [--prefer package|centre]`.
pub fn apply(
    file: &Path,
    package: &Path,
    dry_run: bool,
    prefer: Option<&str>,
    show: usize,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let all = match prefer {
        None => None,
        Some("package" | "theirs") => Some(Choice::Package),
        Some("centre" | "center" | "here" | "ours") => Some(Choice::Here),
        Some(other) => bail!(
            "--prefer {other}: say package (the package's value wins) or centre (this file's value stays)"
        ),
    };
    let package = Package::read(package)?;
    let decisions = Decisions {
        all,
        ..Decisions::default()
    };
    if !dry_run {
        let mut store = Store::open(file)?;
        match store.apply_package(&package, &decisions) {
            Ok(plan) => {
                write_plan(&plan, show, out)?;
                if plan.applied_before.is_none() {
                    writeln!(
                        out,
                        "Applied: {} change(s) written to {}, audited as {}'s",
                        plan.changes.len(),
                        file.display(),
                        plan.header.editor
                    )?;
                }
                return Ok(());
            }
            Err(refused) => {
                // What stopped it is listed (the conflicts, the codes missing here) before
                // the reason; nothing was written.
                if let Ok(plan) = store.plan(&package, &decisions) {
                    write_plan(&plan, show, out)?;
                }
                return Err(anyhow::Error::new(refused).context(file.display().to_string()));
            }
        }
    }
    let plan = Store::open_read_only(file)?
        .plan(&package, &decisions)
        .with_context(|| file.display().to_string())?;
    write_plan(&plan, show, out)?;
    writeln!(out, "Nothing was written (dry run).")?;
    let undecided = plan.undecided(&decisions).count();
    if undecided > 0 {
        bail!(
            "{undecided} conflict(s) to decide: apply with --prefer package or --prefer centre, \
             or merge in the window (File → Merge changes…) to choose each"
        );
    }
    Ok(())
}

fn write_plan(plan: &Plan, show: usize, out: &mut impl Write) -> anyhow::Result<()> {
    let h = &plan.header;
    writeln!(
        out,
        "Package {} from \"{}\" by {}, made {}, for \"{}\"",
        &h.package_id[..8.min(h.package_id.len())],
        h.from_name,
        h.editor,
        h.made_at,
        h.to_name
    )?;
    if let Some(at) = &plan.applied_before {
        writeln!(out, "Already applied here on {at}: nothing to do.")?;
        return Ok(());
    }
    writeln!(
        out,
        "Adds {}, changes {}, deletes {}; {} already made here; {} conflict(s)",
        plan.count(ChangeAction::Add),
        plan.count(ChangeAction::Change),
        plan.count(ChangeAction::Delete),
        plan.already,
        plan.conflicts.len()
    )?;
    for change in plan.changes.iter().take(show) {
        writeln!(out, "  {}", change_line(change))?;
    }
    if plan.changes.len() > show {
        writeln!(out, "  … and {} more (--show N)", plan.changes.len() - show)?;
    }
    for conflict in &plan.conflicts {
        write_conflict(conflict, out)?;
    }
    for missing in &plan.missing {
        writeln!(
            out,
            "Not defined here: {} `{}` (named by {} row(s))",
            missing.table, missing.code, missing.rows
        )?;
    }
    Ok(())
}

fn key_text(change_key: &[rusqlite::types::Value]) -> String {
    change_key
        .iter()
        .map(value_text)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn change_line(change: &Change) -> String {
    let (mark, values) = match change.action {
        ChangeAction::Add => ("+", values_text(&change.values, &[])),
        ChangeAction::Change => ("~", values_text(&change.values, &change.before)),
        ChangeAction::Delete => ("-", String::new()),
    };
    format!(
        "{mark} {} {}{}{values}",
        change.row.name(),
        key_text(&change.key),
        if values.is_empty() { "" } else { ": " }
    )
}

fn values_text(
    values: &[(&str, rusqlite::types::Value)],
    before: &[(&str, rusqlite::types::Value)],
) -> String {
    values
        .iter()
        .filter(|(_, v)| !value_text(v).is_empty())
        .map(
            |(column, v)| match before.iter().find(|(c, _)| c == column) {
                Some((_, old)) => format!("{column} {} → {}", value_text(old), value_text(v)),
                None => format!("{column} {}", value_text(v)),
            },
        )
        .collect::<Vec<_>>()
        .join(", ")
}

fn write_conflict(conflict: &Conflict, out: &mut impl Write) -> anyhow::Result<()> {
    writeln!(
        out,
        "! conflict: {} {} — {}",
        conflict.row.name(),
        key_text(&conflict.key),
        conflict.kind
    )?;
    let side = |v: &Option<rusqlite::types::Value>| match v {
        Some(v) => format!("{:?}", value_text(v)),
        None => "(none)".to_owned(),
    };
    for cell in &conflict.cells {
        writeln!(
            out,
            "    {}: started from {}, package {}, here {}",
            cell.column,
            side(&cell.base),
            side(&cell.package),
            side(&cell.here)
        )?;
    }
    Ok(())
}
