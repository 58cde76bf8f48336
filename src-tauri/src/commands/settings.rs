use aftermile_core::regions::{self, Region};
use aftermile_core::settings::{self, Settings};
use aftermile_core::ErrorPayload;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, ErrorPayload> {
    state.run(|db| settings::get(db)).await
}

#[tauri::command]
pub async fn update_settings(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, ErrorPayload> {
    state.run(move |db| settings::update(db, &settings)).await
}

/// The body regions are static data, so this needs no database.
#[tauri::command]
pub async fn list_regions() -> Result<Vec<Region>, ErrorPayload> {
    Ok(regions::all())
}
