//! The session log.

use aftermile_core::events::DataArea;
use aftermile_core::recovery::Warning;
use aftermile_core::sessions::{self, Session, SessionInput, SessionPage, SessionQuery};
use aftermile_core::{ops, time, ErrorPayload};
use tauri::State;

use crate::state::AppState;

type Res<T> = Result<T, ErrorPayload>;

/// A saved session can move its plan's reminders, so every write names both.
const CHANGES: &[DataArea] = &[DataArea::Sessions, DataArea::Reminders];

#[tauri::command]
pub async fn list_sessions(state: State<'_, AppState>, query: SessionQuery) -> Res<SessionPage> {
    state.run(move |db| sessions::list(db, &query)).await
}

#[tauri::command]
pub async fn get_session(state: State<'_, AppState>, id: String) -> Res<Session> {
    state.run(move |db| sessions::get(db, &id)).await
}

#[tauri::command]
pub async fn create_session(state: State<'_, AppState>, input: SessionInput) -> Res<Session> {
    state
        .write(CHANGES, move |db| ops::sessions::create(db, &input, time::now()))
        .await
}

/// How hard a session felt (RPE 1–10), as Today asks after a run.
#[tauri::command]
pub async fn rate_session(state: State<'_, AppState>, id: String, rpe: i32) -> Res<Session> {
    state
        .write(CHANGES, move |db| ops::sessions::rate(db, &id, rpe, time::now()))
        .await
}

#[tauri::command]
pub async fn update_session(state: State<'_, AppState>, id: String, input: SessionInput) -> Res<Session> {
    state
        .write(CHANGES, move |db| ops::sessions::update(db, &id, &input, time::now()))
        .await
}

#[tauri::command]
pub async fn delete_session(state: State<'_, AppState>, id: String) -> Res<Session> {
    state
        .write(CHANGES, move |db| ops::sessions::delete(db, &id, time::now()))
        .await
}

#[tauri::command]
pub async fn restore_session(state: State<'_, AppState>, session: Session) -> Res<Session> {
    state
        .write(CHANGES, move |db| ops::sessions::restore(db, &session, time::now()))
        .await
}

/// What the recovery rules say about a saved session, shown after saving it.
#[tauri::command]
pub async fn session_warnings(state: State<'_, AppState>, id: String) -> Res<Vec<Warning>> {
    state.run(move |db| ops::warnings::for_session(db, &id)).await
}
