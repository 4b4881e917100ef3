//! The shared real files (`../shared/realdata`). Tests that need them pass when they are
//! absent, except on CI, where they are always beside the checkout.

use std::path::{Path, PathBuf};

pub fn realdata() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realdata");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "../shared/realdata is missing on CI"
    );
    eprintln!("skipped the real-file cases: no ../shared/realdata beside the checkout");
    None
}
