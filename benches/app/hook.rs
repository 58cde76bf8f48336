//! The `make bench-app` hook, compiled into the two builds it measures and no other: Aftermile with
//! `--features perf` (src-tauri/src/perf.rs) and the bare window (benches/bare-window). Both take
//! this file as a module, so the IPC they are compared on is the same code.
//!
//! `AFTERMILE_PERF=startup|idle|interact` turns it on: the main window gets the probe
//! (benches/app/probe.js) with the host's scenario, and the probe's report is printed on stdout as
//! one line, `AFTERMILE_PERF {json}`, for benches/app/run.mjs. Unset, the build behaves as usual.

use std::io::Write;
use std::sync::Mutex;

use tauri::ipc::Invoke;
use tauri::{AppHandle, Runtime};

/// The app commands the page has called, in order. Plugin calls (event subscriptions) go past
/// the app's handler and are not seen.
static CALLS: Mutex<Vec<(String, f64)>> = Mutex::new(Vec::new());

/// Wall-clock milliseconds, comparable with the page's `performance.timeOrigin + now()`.
fn epoch_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

const PROBE: &str = include_str!("probe.js");
/// The "1 MB response" of the benchmark.
const BLOB_BYTES: usize = 1 << 20;

/// The mode asked for, if any.
pub fn mode() -> Option<String> {
    #[allow(clippy::disallowed_methods)] // a bench build's one switch, read once at start
    std::env::var("AFTERMILE_PERF").ok().filter(|m| !m.is_empty())
}

/// The main window's initialization script: the mode, then the host's scenario, then the probe.
pub fn script(mode: &str, scenario: &str) -> String {
    let mode = serde_json::to_string(mode).unwrap_or_else(|_| "\"startup\"".into());
    format!("window.__PERF__ = {{ mode: {mode} }};\n{scenario}\n{PROBE}")
}

/// The host's invoke handler, noting each command's name for `perf_calls`.
pub fn counting<R: Runtime>(
    inner: impl Fn(Invoke<R>) -> bool + Send + Sync + 'static,
) -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    move |invoke| {
        let command = invoke.message.command();
        if command != "perf_calls" {
            let call = (command.to_owned(), epoch_ms());
            CALLS.lock().unwrap_or_else(|p| p.into_inner()).push(call);
        }
        inner(invoke)
    }
}

/// The commands called so far, each with when it arrived (the probe asks once the first screen is
/// usable).
#[tauri::command]
pub async fn perf_calls() -> Vec<(String, f64)> {
    CALLS.lock().unwrap_or_else(|p| p.into_inner()).clone()
}

/// The small round trip: no state, no database, a number back.
#[tauri::command]
pub async fn perf_ping() -> u32 {
    1
}

/// The large response, built per call as a real one would be.
#[tauri::command]
pub async fn perf_blob() -> String {
    "x".repeat(BLOB_BYTES)
}

/// Prints the probe's report; every mode but `idle` then ends the process.
#[tauri::command]
pub async fn perf_report<R: Runtime>(app: AppHandle<R>, report: serde_json::Value) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "AFTERMILE_PERF {report}");
    let _ = out.flush();
    if report.get("mode").and_then(|m| m.as_str()) != Some("idle") {
        app.exit(0);
    }
}
