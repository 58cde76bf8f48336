//! Reminders and the recovery rules' sources.

use aftermile_core::events::DataArea;
use aftermile_core::recovery::{self, RuleSource};
use aftermile_core::reminders::{self, ics, Reminder, ReminderAction, ReminderInput, ReminderQuery, Snooze};
use aftermile_core::storage::files;
use aftermile_core::{time, ErrorPayload};
use tauri::{AppHandle, Runtime, State};

use crate::dialogs;
use crate::state::AppState;

type Res<T> = Result<T, ErrorPayload>;

const CHANGES: &[DataArea] = &[DataArea::Reminders];

#[tauri::command]
pub async fn list_reminders(state: State<'_, AppState>, query: ReminderQuery) -> Res<Vec<Reminder>> {
    state.run(move |db| reminders::list(db, &query)).await
}

#[tauri::command]
pub async fn create_reminder(state: State<'_, AppState>, input: ReminderInput) -> Res<Reminder> {
    state
        .write(CHANGES, move |db| reminders::create_manual(db, &input, time::now()))
        .await
}

#[tauri::command]
pub async fn edit_reminder(state: State<'_, AppState>, id: String, input: ReminderInput) -> Res<Reminder> {
    state
        .write(CHANGES, move |db| reminders::edit(db, &id, &input, time::now()))
        .await
}

#[tauri::command]
pub async fn snooze_reminder(state: State<'_, AppState>, id: String, snooze: Snooze) -> Res<Reminder> {
    state
        .write(CHANGES, move |db| reminders::snooze(db, &id, snooze, time::now()))
        .await
}

#[tauri::command]
pub async fn act_on_reminder(state: State<'_, AppState>, id: String, action: ReminderAction) -> Res<Reminder> {
    state
        .write(CHANGES, move |db| reminders::act(db, &id, action, time::now()))
        .await
}

#[tauri::command]
pub async fn delete_reminder(state: State<'_, AppState>, id: String) -> Res<Reminder> {
    state.write(CHANGES, move |db| reminders::delete_manual(db, &id)).await
}

#[tauri::command]
pub async fn rule_sources() -> Res<Vec<RuleSource>> {
    Ok(recovery::sources())
}

/// Writes the chosen reminders as an .ics file where the runner picks in the save dialog.
/// Returns the path written, or `None` if the dialog was cancelled.
#[tauri::command]
pub async fn export_ics<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    query: ReminderQuery,
) -> Res<Option<String>> {
    let list = state.run(move |db| reminders::list(db, &query)).await?;
    let text = ics::export(&list, time::now());
    let chosen = dialogs::save_file(
        &app,
        "Export reminders to a calendar file",
        "aftermile-reminders.ics",
        "Calendar",
        &["ics"],
    )
    .await?;
    let Some(path) = chosen else {
        return Ok(None);
    };
    files::write_private(&path, text.as_bytes()).map_err(|e| e.payload())?;
    Ok(Some(path.display().to_string()))
}
