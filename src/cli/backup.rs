//! The commands of a file's safety: `backups`, `restore`, `check`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::store::backup::{BackupFile, Backups, KEEP_MONTHS, KEEP_NEWEST, Place, save_place};
use crate::store::{Store, restore_advice};

/// `chiso backups FILE [--keep PLACE]`: where the file's backups are and which there are.
pub fn backups(file: &Path, keep: Option<&str>, out: &mut impl Write) -> anyhow::Result<()> {
    if let Some(place) = keep {
        let place = Place::parse(place.into());
        save_place(&place).context("cannot save where backups go")?;
        match &place {
            Place::Off => writeln!(out, "Backups are off from now on.")?,
            _ => writeln!(out, "Backups go there from now on.")?,
        }
    }
    let place = Place::chosen();
    let Some(backups) = Backups::of(file, &place) else {
        writeln!(
            out,
            "Backups are off ({}); `chiso backups FILE --keep data` turns them on.",
            if std::env::var_os(crate::store::backup::PLACE_VARIABLE).is_some() {
                "CHISO_BACKUPS=off"
            } else {
                "your choice"
            }
        )?;
        return Ok(());
    };
    writeln!(
        out,
        "Backups of {} in {} (Chiso takes one before the first change of each session, and keeps \
         the newest {KEEP_NEWEST} and the first of each of the last {KEEP_MONTHS} months):",
        file.display(),
        backups.folder().display()
    )?;
    let list = backups.list();
    if list.is_empty() {
        writeln!(out, "  none yet")?;
    }
    for backup in &list {
        writeln!(
            out,
            "  {}  {:>9}  {}",
            backup.taken.format("%Y-%m-%d %H:%M:%S"),
            size(backup.bytes),
            backup.name()
        )?;
    }
    Ok(())
}

fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 * 1024 => format!("{:.0} KB", (b as f64 / 1024.0).ceil()),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

/// `chiso restore FILE BACKUP`: BACKUP is a path, or a name `chiso backups` lists.
pub fn restore(file: &Path, backup: &Path, out: &mut impl Write) -> anyhow::Result<()> {
    let backups = Backups::for_restore(file)
        .with_context(|| format!("{}: not a file name", file.display()))?;
    let chosen = resolve(&backups, backup)?;
    let restored = backups
        .restore(&chosen)
        .with_context(|| format!("{}: not restored, nothing was changed", file.display()))?;
    if let Some(previous) = &restored.previous {
        writeln!(
            out,
            "The file as it was is kept as backup {}.",
            previous.path.display()
        )?;
    }
    writeln!(
        out,
        "Restored {} from {}.",
        file.display(),
        chosen.display()
    )?;
    Ok(())
}

/// A backup named on the command line: a path that exists, else a name in the folder.
fn resolve(backups: &Backups, backup: &Path) -> anyhow::Result<PathBuf> {
    if backup.is_file() {
        return Ok(backup.to_path_buf());
    }
    let listed: Vec<BackupFile> = backups.list();
    if let Some(found) = listed
        .iter()
        .find(|b| b.path.file_name() == Some(backup.as_os_str()))
    {
        return Ok(found.path.clone());
    }
    bail!(
        "{}: no such backup. `chiso backups FILE` lists them ({} in {})",
        backup.display(),
        listed.len(),
        backups.folder().display()
    )
}

/// `chiso check FILE`: SQLite's full check, read-only; fails on damage.
pub fn check(file: &Path, out: &mut impl Write) -> anyhow::Result<()> {
    let store = Store::open_read_only(file)?;
    match store
        .full_check()
        .with_context(|| format!("{}: the check could not run", file.display()))?
    {
        None => {
            writeln!(
                out,
                "{}: ok (SQLite's full integrity check)",
                file.display()
            )?;
            Ok(())
        }
        Some(damage) => {
            let backup = store.backups().and_then(Backups::newest_good);
            bail!(
                "{}: damaged: {damage}. {}",
                file.display(),
                restore_advice(backup.as_ref().map(|b| b.path.as_path()))
            )
        }
    }
}
