//! Settings, and the static list of body regions.

use aftermile_core::error::FieldCode;
use aftermile_core::events::DataArea;
use aftermile_core::regions::{self, Region};
use aftermile_core::settings::{self, Settings};
use aftermile_core::{ops, time, ErrorPayload};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_autostart::ManagerExt;

use crate::state::AppState;

type Res<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Res<Settings> {
    let s = state.run(|db| settings::get(db)).await?;
    state.remember(&s);
    Ok(s)
}

/// Saves settings. "Start at login" is applied to the system first: if the system refuses, the
/// runner is told beside that switch and nothing is saved. New rule values re-derive the plans,
/// so reminders change too.
#[tauri::command]
pub async fn update_settings<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    settings: Settings,
) -> Res<Settings> {
    settings.validate().map_err(|e| e.payload())?;
    apply_autostart(&app, settings.start_at_login)?;
    let saved = state
        .write(&[DataArea::Settings, DataArea::Reminders], move |db| {
            ops::settings::update(db, &settings, time::now())
        })
        .await?;
    state.remember(&saved);
    Ok(saved)
}

fn apply_autostart<R: Runtime>(app: &AppHandle<R>, on: bool) -> Res<()> {
    let launcher = app.autolaunch();
    if launcher.is_enabled().unwrap_or(!on) == on {
        return Ok(());
    }
    let result = if on { launcher.enable() } else { launcher.disable() };
    result.map_err(|e| {
        aftermile_core::Error::field(
            "startAtLogin",
            FieldCode::SystemRefused,
            format!("The system would not change start at login: {e}"),
        )
        .payload()
    })
}

/// The body regions are static data, so this needs no database.
#[tauri::command]
pub async fn list_regions() -> Res<Vec<Region>> {
    Ok(regions::all())
}
