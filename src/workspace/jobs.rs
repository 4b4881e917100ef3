//! Work that runs beside the window, so that it never freezes: an import in a thread of its
//! own, on a connection of its own, with progress and a way to cancel; the quick check of a
//! file opened for writing.

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::thread::JoinHandle;

use crate::store::backup::Backups;
use crate::store::import::{ImportOptions, ImportReport, Progress};
use crate::store::{Integrity, Store};

/// An import (or its dry run) under way.
pub struct ImportJob {
    progress: Progress,
    handle: Option<JoinHandle<Result<ImportReport, String>>>,
    /// Why the thread could not start, told at the first poll.
    failed: Option<String>,
}

impl ImportJob {
    /// Starts importing `files` into the database at `db`, as `editor`.
    pub fn start(
        db: PathBuf,
        files: Vec<PathBuf>,
        options: ImportOptions,
        editor: String,
    ) -> ImportJob {
        let progress = Progress::default();
        let job_progress = progress.clone();
        let spawned = std::thread::Builder::new()
            .name("chiso-import".into())
            .spawn(move || {
                let mut store = Store::open(&db).map_err(|e| e.to_string())?;
                super::import(&mut store, &files, &options, &editor, &job_progress)
                    .map_err(|e| e.to_string())
            });
        let (handle, failed) = match spawned {
            Ok(handle) => (Some(handle), None),
            Err(e) => (None, Some(format!("cannot start the import: {e}"))),
        };
        ImportJob {
            progress,
            handle,
            failed,
        }
    }

    /// How far it is, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        let total = self.progress.total.load(Ordering::Relaxed).max(1);
        (self.progress.done.load(Ordering::Relaxed) as f64 / total as f64).clamp(0.0, 1.0) as f32
    }

    /// Asks the import to stop; it rolls back, leaving the file as it was.
    pub fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }

    /// The outcome, once the import has finished; `None` while it runs.
    pub fn poll(&mut self) -> Option<Result<ImportReport, String>> {
        if let Some(why) = self.failed.take() {
            return Some(Err(why));
        }
        if !self.handle.as_ref()?.is_finished() {
            return None;
        }
        let handle = self.handle.take()?;
        Some(
            handle.join().unwrap_or_else(|_| {
                Err("the import stopped unexpectedly; nothing was changed".into())
            }),
        )
    }
}

/// SQLite's quick check of a file opened for writing, in a thread, so that the first frame
/// is not kept waiting by a large file. The store checks again before a write if the answer
/// has not come yet.
pub struct IntegrityJob {
    handle: Option<JoinHandle<(Integrity, Option<PathBuf>)>>,
}

impl IntegrityJob {
    /// Checks the file at `db`; when it is damaged, finds the newest good one of `backups`
    /// too, in the same thread.
    pub fn start(db: PathBuf, backups: Option<Backups>) -> IntegrityJob {
        let handle = std::thread::Builder::new()
            .name("chiso-quick-check".into())
            .spawn(move || {
                let found = crate::store::integrity::quick_check_file(&db);
                let backup = match found {
                    Integrity::Damaged(_) => backups.and_then(|b| b.newest_good()).map(|b| b.path),
                    _ => None,
                };
                (found, backup)
            })
            // Without a thread the check waits for the first write.
            .ok();
        IntegrityJob { handle }
    }

    /// The check's finding (and the newest good backup of a damaged file) once it is done;
    /// `None` while it runs (and after it was taken).
    pub fn poll(&mut self) -> Option<(Integrity, Option<PathBuf>)> {
        if !self.handle.as_ref()?.is_finished() {
            return None;
        }
        let handle = self.handle.take()?;
        Some(handle.join().unwrap_or((Integrity::Unchecked, None)))
    }
}
