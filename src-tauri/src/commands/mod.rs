//! Tauri commands. Each is `async` (a sync command would run on the main thread and freeze the
//! window), converts its arguments and calls aftermile-core through `AppState::run` or
//! `AppState::write`. Nothing more. Commands that need the app handle are generic over the
//! runtime, so the tests below drive them through Tauri's mock runtime.
//!
//! Every command is listed three more times, and a test keeps the four lists equal: in build.rs
//! (so Tauri makes a permission for it), in the main window's capability (so it is granted), and
//! in the UI's IPC module (the only caller).

pub mod briefing;
pub mod data;
pub mod import;
pub mod marks;
pub mod reminders;
pub mod sessions;
pub mod settings;
pub mod today;

use tauri::ipc::Invoke;
use tauri::{Manager, Runtime};

use crate::state::AppState;

/// Everything the commands take as `State`, managed on `app`: the one place that lists it, for the
/// app and for the mock-runtime tests alike.
pub fn manage<R: Runtime>(app: &impl Manager<R>, state: AppState) {
    app.manage(state);
    app.manage(briefing::Preview::default());
    app.manage(import::Importing::default());
}

/// Every command, for `Builder::invoke_handler`.
pub fn handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        data::startup_report,
        data::open_app,
        data::reopen_database,
        data::quit_app,
        data::list_backups,
        data::back_up_now,
        data::restore_backup,
        data::restore_backup_file,
        data::export_data,
        data::import_data,
        data::delete_all_data,
        import::import_activities,
        import::cancel_import,
        briefing::compose_briefing,
        briefing::save_briefing,
        briefing::print_briefing,
        sessions::list_sessions,
        sessions::get_session,
        sessions::create_session,
        sessions::update_session,
        sessions::rate_session,
        sessions::delete_session,
        sessions::restore_session,
        sessions::session_warnings,
        settings::get_settings,
        settings::update_settings,
        settings::list_regions,
        marks::create_mark,
        marks::update_mark,
        marks::delete_mark,
        marks::restore_mark,
        marks::heat_map,
        marks::region_history,
        marks::marks_for_session,
        marks::get_content,
        reminders::list_reminders,
        reminders::create_reminder,
        reminders::edit_reminder,
        reminders::snooze_reminder,
        reminders::act_on_reminder,
        reminders::delete_reminder,
        reminders::rule_sources,
        reminders::export_ics,
        today::today,
        today::load_weeks,
        #[cfg(feature = "perf")]
        crate::perf::hook::perf_ping,
        #[cfg(feature = "perf")]
        crate::perf::hook::perf_blob,
        #[cfg(feature = "perf")]
        crate::perf::hook::perf_report,
        #[cfg(feature = "perf")]
        crate::perf::hook::perf_calls,
    ]
}

#[cfg(test)]
mod tests;
