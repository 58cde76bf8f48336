use aftermile_core::regions::{self, Region};
use aftermile_core::settings::{self, Settings};
use aftermile_core::ErrorPayload;
use tauri::{AppHandle, State};
use tauri_plugin_autostart::ManagerExt;

use crate::state::AppState;

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, ErrorPayload> {
    let s = state.run(|db| settings::get(db)).await?;
    state.remember(&s);
    Ok(s)
}

/// Saves settings. "Start at login" is applied to the system first: if the system refuses, the
/// runner is told beside that switch and nothing is saved.
#[tauri::command]
pub async fn update_settings(
    app: AppHandle,
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, ErrorPayload> {
    settings.validate().map_err(|e| e.payload())?;
    apply_autostart(&app, settings.start_at_login)?;
    let saved = state
        .write(move |db| aftermile_core::ops::settings::update(db, &settings, aftermile_core::time::now()))
        .await?;
    state.remember(&saved);
    Ok(saved)
}

fn apply_autostart(app: &AppHandle, on: bool) -> Result<(), ErrorPayload> {
    let launcher = app.autolaunch();
    if launcher.is_enabled().unwrap_or(!on) == on {
        return Ok(());
    }
    let result = if on { launcher.enable() } else { launcher.disable() };
    result.map_err(|e| {
        aftermile_core::Error::field(
            "startAtLogin",
            aftermile_core::error::FieldCode::SystemRefused,
            format!("The system would not change start at login: {e}"),
        )
        .payload()
    })
}

/// The body regions are static data, so this needs no database.
#[tauri::command]
pub async fn list_regions() -> Result<Vec<Region>, ErrorPayload> {
    Ok(regions::all())
}
