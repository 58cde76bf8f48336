//! Built only with `--features perf`, for `make bench-app`: the shared hook (benches/app/hook.rs)
//! with Aftermile's scenario (benches/app/app.js), on the main window, and a capability that lets
//! that window call the hook's commands. The release build and the .deb never have it.

#[path = "../../benches/app/hook.rs"]
pub mod hook;

use tauri::{Manager, Runtime, WebviewWindowBuilder};

/// The hook's commands, as build.rs declares them for a `perf` build.
const COMMANDS: &[&str] = &["perf_ping", "perf_blob", "perf_report", "perf_calls"];
const SCENARIO: &str = include_str!("../../benches/app/app.js");

/// Adds the probe to the main window when `AFTERMILE_PERF` asks for it.
pub fn attach<'a, R: Runtime, M: Manager<R>>(
    builder: WebviewWindowBuilder<'a, R, M>,
) -> WebviewWindowBuilder<'a, R, M> {
    match hook::mode() {
        Some(mode) => builder.initialization_script(hook::script(&mode, SCENARIO)),
        None => builder,
    }
}

/// The hook's commands for the main window (their permissions come from build.rs).
pub fn allow<R: Runtime>(app: &tauri::AppHandle<R>) -> tauri::Result<()> {
    let mut cap = tauri::ipc::CapabilityBuilder::new("perf").window(crate::windows::MAIN);
    for c in COMMANDS {
        cap = cap.permission(format!("allow-{}", c.replace('_', "-")));
    }
    app.add_capability(cap)
}
