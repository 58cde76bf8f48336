//! The Today page and the training-load reads behind its charts.

use aftermile_core::load::{read, WeekSummary};
use aftermile_core::today::{self, Today};
use aftermile_core::{time, ErrorPayload};
use tauri::State;

use crate::state::AppState;

type Res<T> = Result<T, ErrorPayload>;

/// Everything the Today page shows, in one call, for the computer's zone (as new entries use).
#[tauri::command]
pub async fn today(state: State<'_, AppState>) -> Res<Today> {
    state
        .run(move |db| today::compose(db, time::now(), time::computer_zone()))
        .await
}

/// Weekly load for `from..=to` (YYYY-MM-DD), drawn under a region's soreness on the Body page.
#[tauri::command]
pub async fn load_weeks(state: State<'_, AppState>, from: String, to: String) -> Res<Vec<WeekSummary>> {
    state.run(move |db| read::week_summaries(db.conn(), &from, &to)).await
}
