//! The body chart: soreness marks, the heat map, a region's history, and the content.

use aftermile_core::content::{self, Content};
use aftermile_core::events::DataArea;
use aftermile_core::marks::{self, HeatMapQuery, Mark, MarkInput, RegionHistory};
use aftermile_core::{time, ErrorPayload};
use tauri::State;

use crate::state::AppState;

type Res<T> = Result<T, ErrorPayload>;

/// A mark with swelling or bruising re-derives recent plans, so every mark write names reminders too.
const CHANGES: &[DataArea] = &[DataArea::Marks, DataArea::Reminders];

#[tauri::command]
pub async fn create_mark(state: State<'_, AppState>, input: MarkInput) -> Res<Mark> {
    state
        .write(CHANGES, move |db| {
            aftermile_core::ops::marks::create(db, &input, time::now())
        })
        .await
}

#[tauri::command]
pub async fn update_mark(state: State<'_, AppState>, id: String, input: MarkInput) -> Res<Mark> {
    state
        .write(CHANGES, move |db| {
            aftermile_core::ops::marks::update(db, &id, &input, time::now())
        })
        .await
}

#[tauri::command]
pub async fn delete_mark(state: State<'_, AppState>, id: String) -> Res<Mark> {
    state
        .write(CHANGES, move |db| {
            aftermile_core::ops::marks::delete(db, &id, aftermile_core::time::now())
        })
        .await
}

#[tauri::command]
pub async fn restore_mark(state: State<'_, AppState>, mark: Mark) -> Res<Mark> {
    state
        .write(CHANGES, move |db| {
            aftermile_core::ops::marks::restore(db, &mark, time::now())
        })
        .await
}

#[tauri::command]
pub async fn heat_map(state: State<'_, AppState>, query: HeatMapQuery) -> Res<Vec<Mark>> {
    state.run(move |db| marks::heat_map(db, &query, time::now())).await
}

#[tauri::command]
pub async fn region_history(state: State<'_, AppState>, region_id: String) -> Res<RegionHistory> {
    state.run(move |db| marks::history(db, &region_id)).await
}

#[tauri::command]
pub async fn marks_for_session(state: State<'_, AppState>, session_id: String) -> Res<Vec<Mark>> {
    state.run(move |db| marks::for_session(db, &session_id)).await
}

/// Benefits, conditions and red flags are static data, so this needs no database.
#[tauri::command]
pub async fn get_content() -> Res<Content> {
    Ok(content::all())
}
