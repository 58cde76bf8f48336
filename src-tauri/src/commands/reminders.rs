use aftermile_core::recovery::{self, RuleSource};
use aftermile_core::reminders::{self, ics, Reminder, ReminderAction, ReminderInput, ReminderQuery, Snooze};
use aftermile_core::{time, ErrorPayload};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::state::{internal, AppState};

type Res<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn list_reminders(state: State<'_, AppState>, query: ReminderQuery) -> Res<Vec<Reminder>> {
    state.run(move |db| reminders::list(db, &query)).await
}

#[tauri::command]
pub async fn create_reminder(state: State<'_, AppState>, input: ReminderInput) -> Res<Reminder> {
    state
        .write(move |db| reminders::create_manual(db, &input, time::now()))
        .await
}

#[tauri::command]
pub async fn edit_reminder(state: State<'_, AppState>, id: String, input: ReminderInput) -> Res<Reminder> {
    state
        .write(move |db| reminders::edit(db, &id, &input, time::now()))
        .await
}

#[tauri::command]
pub async fn snooze_reminder(state: State<'_, AppState>, id: String, snooze: Snooze) -> Res<Reminder> {
    state
        .write(move |db| reminders::snooze(db, &id, snooze, time::now()))
        .await
}

#[tauri::command]
pub async fn act_on_reminder(state: State<'_, AppState>, id: String, action: ReminderAction) -> Res<Reminder> {
    state
        .write(move |db| reminders::act(db, &id, action, time::now()))
        .await
}

#[tauri::command]
pub async fn delete_reminder(state: State<'_, AppState>, id: String) -> Res<Reminder> {
    state.write(move |db| reminders::delete_manual(db, &id)).await
}

#[tauri::command]
pub async fn rule_sources() -> Res<Vec<RuleSource>> {
    Ok(recovery::sources())
}

/// Writes the chosen reminders as an .ics file where the runner picks in the save dialog.
/// Returns the path written, or `None` if the dialog was cancelled.
#[tauri::command]
pub async fn export_ics(app: AppHandle, state: State<'_, AppState>, query: ReminderQuery) -> Res<Option<String>> {
    let list = state.run(move |db| reminders::list(db, &query)).await?;
    let text = ics::export(&list, time::now());
    // The dialog blocks until the runner chooses, so it runs off the async workers.
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title("Export reminders to a calendar file")
            .set_file_name("aftermile-reminders.ics")
            .add_filter("Calendar", &["ics"])
            .blocking_save_file()
    })
    .await
    .map_err(|e| internal(e.to_string()))?;
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    std::fs::write(&path, text).map_err(|e| aftermile_core::Error::from(e).payload())?;
    Ok(Some(path.display().to_string()))
}
