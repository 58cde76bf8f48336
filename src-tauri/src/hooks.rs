//! Test hooks: environment variables that stand in for what WebDriver cannot drive (native file
//! dialogs, native confirmations) or that provoke a failure on purpose. This is the one module
//! that reads them, and it reads them the same way for every hook: unset or empty means "no hook".
//!
//! They exist only in debug builds and in builds with the `test-hooks` feature. In a release build
//! every function here answers "no hook" and the variables' names are not in the binary at all
//! (`make release-check` looks for them in target/release/aftermile).
//!
//! - `AFTERMILE_SAVE_DIR`: saves (exports, the briefing sheet, calendar files) go to this folder
//!   under their default names, and folder pickers answer with it, without a dialog.
//! - `AFTERMILE_OPEN_FILE`: file pickers answer with this file, without a dialog.
//! - `AFTERMILE_CONFIRM`: `yes` or `no` answers native confirmations (restore, delete-all).
//! - `AFTERMILE_TEST_PANIC=1`: a background thread panics a few seconds after start.

use std::path::PathBuf;

#[cfg(any(debug_assertions, feature = "test-hooks"))]
fn var(name: &str) -> Option<std::ffi::OsString> {
    #[allow(clippy::disallowed_methods)] // the one place test hooks are read
    std::env::var_os(name).filter(|v| !v.is_empty())
}

#[cfg(not(any(debug_assertions, feature = "test-hooks")))]
fn var(_name: &str) -> Option<std::ffi::OsString> {
    None
}

macro_rules! hook_name {
    ($name:literal) => {{
        #[cfg(any(debug_assertions, feature = "test-hooks"))]
        {
            $name
        }
        #[cfg(not(any(debug_assertions, feature = "test-hooks")))]
        {
            ""
        }
    }};
}

/// Where saves go without a dialog.
pub fn save_dir() -> Option<PathBuf> {
    var(hook_name!("AFTERMILE_SAVE_DIR")).map(PathBuf::from)
}

/// What file pickers answer without a dialog.
pub fn open_file() -> Option<PathBuf> {
    var(hook_name!("AFTERMILE_OPEN_FILE")).map(PathBuf::from)
}

/// The answer to a native confirmation, without a dialog.
pub fn confirm() -> Option<bool> {
    var(hook_name!("AFTERMILE_CONFIRM")).map(|v| v == "yes")
}

/// Whether to panic a background thread on purpose, to show the crash screen.
pub fn test_panic() -> bool {
    var(hook_name!("AFTERMILE_TEST_PANIC")).is_some_and(|v| v == "1")
}
