//! Declares every app command (so Tauri generates an `allow-<command>` permission for each) and
//! points the capability loader at src-tauri/capabilities, since this package's root is the repo.

const COMMANDS: &[&str] = &[
    "list_sessions",
    "get_session",
    "create_session",
    "update_session",
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
];

fn main() {
    let attrs = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attrs).expect("tauri build script failed");
}
