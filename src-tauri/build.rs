//! Declares every app command (so Tauri generates an `allow-<command>` permission for each) and
//! points the capability loader at src-tauri/capabilities, since this package's root is the repo.

const COMMANDS: &[&str] = &[
    "startup_report",
    "open_app",
    "reopen_database",
    "quit_app",
    "list_backups",
    "back_up_now",
    "restore_backup",
    "restore_backup_file",
    "export_data",
    "import_data",
    "delete_all_data",
    "import_activities",
    "cancel_import",
    "compose_briefing",
    "save_briefing",
    "print_briefing",
    "list_sessions",
    "get_session",
    "create_session",
    "update_session",
    "rate_session",
    "delete_session",
    "restore_session",
    "session_warnings",
    "get_settings",
    "update_settings",
    "list_regions",
    "create_mark",
    "update_mark",
    "delete_mark",
    "restore_mark",
    "heat_map",
    "region_history",
    "marks_for_session",
    "get_content",
    "list_reminders",
    "create_reminder",
    "edit_reminder",
    "snooze_reminder",
    "act_on_reminder",
    "delete_reminder",
    "rule_sources",
    "export_ics",
    "today",
    "load_weeks",
];

/// `make bench-app`'s hook (benches/app/hook.rs), declared only in a `--features perf` build;
/// src-tauri/src/perf.rs grants them to the main window at start.
const PERF_COMMANDS: &[&str] = &["perf_ping", "perf_blob", "perf_report", "perf_calls"];

fn main() {
    let commands: &'static [&'static str] = if cfg!(feature = "perf") {
        Box::leak([COMMANDS, PERF_COMMANDS].concat().into_boxed_slice())
    } else {
        COMMANDS
    };
    let attrs = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    tauri_build::try_build(attrs).expect("tauri build script failed");
}
