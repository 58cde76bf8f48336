//! The Aftermile desktop shell: opens the database, registers the commands and runs the window.
//! All logic lives in aftermile-core; this crate only adapts it to Tauri.

// Release builds on Windows get no console window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod state;

use tauri::Manager;

fn main() {
    let result = tauri::Builder::default()
        .setup(|app| {
            let state = state::AppState::open(app.handle());
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::sessions::list_sessions,
            commands::sessions::get_session,
            commands::sessions::create_session,
            commands::sessions::update_session,
            commands::sessions::delete_session,
            commands::sessions::restore_session,
            commands::settings::get_settings,
            commands::settings::update_settings,
            commands::settings::list_regions,
            commands::marks::create_mark,
            commands::marks::update_mark,
            commands::marks::delete_mark,
            commands::marks::restore_mark,
            commands::marks::heat_map,
            commands::marks::region_history,
            commands::marks::marks_for_session,
            commands::marks::get_content,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Aftermile could not start: {e}");
        std::process::exit(1);
    }
}
