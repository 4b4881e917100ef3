//! Opening a database file: `Store::open` on any bytes, and when it opens, what the window
//! reads first (the workspace: catalogue, series, areas, sources, targets, saved views), the
//! file summary, and selecting the first indicator to chart it. None of it may panic; a
//! damaged or foreign file is an error.
#![no_main]

use chiso::store::Store;
use chiso::workspace::Workspace;
use chiso_fuzz::{clear, put};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    clear();
    let path = put("fuzz.sqlite", data);
    let store = match Store::open(&path) {
        Ok(store) => store,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    if let Ok(summary) = store.summary() {
        let _ = format!("{summary:?}");
    }
    let _ = store.audit_log(20).map(|log| format!("{log:?}"));
    let mut workspace = match Workspace::new(store) {
        Ok(workspace) => workspace,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    let first = workspace
        .catalogue()
        .first()
        .map(|row| row.entry.indicator.code.clone());
    if let Some(code) = first {
        let _ = workspace.select_indicator(&code);
        let _ = workspace.headline();
        let _ = format!("{:?}", workspace.description());
    }
});
