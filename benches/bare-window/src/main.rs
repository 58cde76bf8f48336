//! A bare Tauri 2 window for `make bench-app`: the same window size as Aftermile's, one page with a
//! button, and the bench hook's three commands (benches/app/hook.rs), nothing else.

#[path = "../../app/hook.rs"]
mod hook;

use tauri::{WebviewUrl, WebviewWindowBuilder};

const SCENARIO: &str = include_str!("../../app/bare.js");

fn main() {
    let result = tauri::Builder::default()
        .setup(|app| {
            let mut window = WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
                .title("Bare window")
                .inner_size(1180.0, 780.0);
            if let Some(mode) = hook::mode() {
                window = window.initialization_script(hook::script(&mode, SCENARIO));
            }
            window.build()?;
            Ok(())
        })
        .invoke_handler(hook::counting(tauri::generate_handler![
            hook::perf_ping,
            hook::perf_blob,
            hook::perf_report,
            hook::perf_calls
        ]))
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("bare window: {e}");
        std::process::exit(1);
    }
}
