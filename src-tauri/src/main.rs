//! The Aftermile desktop shell: opens the database, registers the plugins and commands, runs the
//! reminder scheduler and the tray. All logic lives in aftermile-core; this crate adapts it to Tauri.

// Release builds on Windows get no console window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod dialogs;
mod drop;
mod hooks;
mod notify;
mod panic;
#[cfg(feature = "perf")]
mod perf;
mod scheduler;
mod state;
mod tray;
mod windows;

use tauri::{Manager, WindowEvent};

/// Passed by the autostart entry, so a login start goes straight to the tray.
const MINIMIZED_FLAG: &str = "--minimized";

fn main() {
    let result = tauri::Builder::default()
        // First, so a second launch hands over to this one before doing anything else.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            tray::show_window(app)
        }))
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        // The Briefing page previews the real sheet through this scheme (see commands/briefing.rs).
        .register_asynchronous_uri_scheme_protocol(commands::briefing::SCHEME, commands::briefing::protocol)
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec![MINIMIZED_FLAG]),
        ))
        .setup(|app| {
            let state = state::AppState::open(app.handle());
            panic::install(
                app.handle().clone(),
                aftermile_core::storage::paths::logs_dir(&state.data_dir),
            );
            commands::manage(app, state);
            #[cfg(feature = "perf")]
            perf::allow(app.handle())?;
            // A login start goes straight to the tray: the window is made hidden.
            let minimized = std::env::args().any(|a| a == MINIMIZED_FLAG);
            windows::build_main(app.handle(), !minimized)?;
            // After the window, so its web process starts sooner: the tray's set-up over D-Bus took
            // 18-35 ms (make bench-app), and the window's page takes longer than that to come.
            // A desktop without a tray (no StatusNotifier host, no appindicator library) still gets
            // the app; closing the window then quits, since nothing could bring it back, and a
            // login start shows the window, for the same reason.
            if let Err(e) = tray::build(app.handle()) {
                eprintln!("Aftermile: no tray icon ({e}); closing the window will quit.");
                app.state::<state::AppState>().no_tray();
                if minimized {
                    tray::show_window(app.handle());
                }
            }
            scheduler::start(app.handle().clone());
            Ok(())
        })
        .on_window_event(|window, event| match event {
            // With "close to tray" on, closing hides the window and the scheduler keeps running.
            WindowEvent::CloseRequested { api, .. }
                if window.app_handle().state::<state::AppState>().close_to_tray() =>
            {
                api.prevent_close();
                let _ = window.hide();
            }
            WindowEvent::DragDrop(e) => drop::on_event(window, e),
            _ => {}
        })
        .invoke_handler({
            let handler = commands::handler();
            // `make bench-app` counts the commands the first screen needs.
            #[cfg(feature = "perf")]
            let handler = perf::hook::counting(handler);
            handler
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Aftermile could not start: {e}");
        std::process::exit(1);
    }
}
