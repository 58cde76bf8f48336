//! Sending a fired reminder as a desktop notification through tauri-plugin-notification.
//!
//! On Linux the plugin dispatches on a background task and reports success even when no
//! notification server is running, so a reminder could vanish silently. Before sending, this asks
//! the session bus for a server (notify-rust, which the plugin itself uses); without one, the
//! failure is returned so the UI can say so and show the reminder in the window instead.

use aftermile_core::reminders::{ics, Reminder};
use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;

pub fn send(app: &AppHandle, r: &Reminder) -> Result<(), String> {
    probe_server()?;
    let title = if r.missed {
        format!("{} (missed while Aftermile was closed)", ics::title(r.kind))
    } else {
        ics::title(r.kind).to_owned()
    };
    app.notification()
        .builder()
        .title(title)
        .body(&r.text)
        .show()
        .map_err(|e| e.to_string())
}

#[cfg(all(unix, not(target_os = "macos")))]
fn probe_server() -> Result<(), String> {
    notify_rust::get_server_information()
        .map(|_| ())
        .map_err(|e| format!("No notification service is running on this desktop ({e})."))
}

#[cfg(any(windows, target_os = "macos"))]
fn probe_server() -> Result<(), String> {
    Ok(())
}
