//! "Your data": backups, restore, export, import, delete-all, and what start-up found.
//!
//! File dialogs block until the runner chooses, so they run on a blocking thread. WebDriver can't
//! drive a native dialog, so two documented variables stand in for them (docs/export-format.md):
//! `AFTERMILE_SAVE_DIR` (exports are written there without asking) and `AFTERMILE_OPEN_FILE`
//! (imports and "restore from a file" read that file without asking).
//!
//! Long exports and imports report progress as `data-progress` events, every 500 records.

use std::path::PathBuf;

use aftermile_core::storage::backup::{self, BackupInfo, Reason};
use aftermile_core::storage::health::StartupReport;
use aftermile_core::storage::paths;
use aftermile_core::storage::restore::{self, RestoreOutcome};
use aftermile_core::storage::wipe::{self, WipeReport};
use aftermile_core::transfer::{self, ExportSummary, ImportReport, Progress};
use aftermile_core::{ops, time, ErrorPayload};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::panic::{self, PanicNotice};
use crate::state::{internal, AppState};

type Res<T> = Result<T, ErrorPayload>;

pub const SAVE_DIR_ENV: &str = "AFTERMILE_SAVE_DIR";
pub const OPEN_FILE_ENV: &str = "AFTERMILE_OPEN_FILE";
pub const PROGRESS_EVENT: &str = "data-progress";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Json,
    Csv,
}

/// A `Progress` with the operation it belongs to.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct OpProgress {
    op: &'static str,
    #[serde(flatten)]
    progress: Progress,
}

fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from)
}

fn reporter(app: &AppHandle, op: &'static str) -> impl FnMut(Progress) + Send + 'static {
    let app = app.clone();
    move |progress| {
        let _ = app.emit(PROGRESS_EVENT, OpProgress { op, progress });
    }
}

#[tauri::command]
pub async fn startup_report(state: State<'_, AppState>) -> Res<StartupReport> {
    Ok(state.startup.lock().unwrap_or_else(|p| p.into_inner()).clone())
}

/// The panic this run hit, if any: the window may have missed the `app-panic` event.
#[tauri::command]
pub async fn last_panic() -> Res<Option<PanicNotice>> {
    Ok(panic::last())
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Res<Vec<BackupInfo>> {
    let dir = paths::backups_dir(&state.data_dir);
    state.run(move |_| backup::list(&dir)).await
}

#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> Res<BackupInfo> {
    let dir = paths::backups_dir(&state.data_dir);
    state
        .run(move |db| {
            let made = backup::create(db, &dir, Reason::Manual, time::now())?;
            backup::rotate(&dir)?;
            Ok(made)
        })
        .await
}

/// Restores one of the listed backups by name.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, name: String) -> Res<RestoreOutcome> {
    let dir = paths::backups_dir(&state.data_dir);
    let out = state
        .write(move |db| restore::restore(db, &backup::path_of(&dir, &name)?, time::now()))
        .await?;
    state.startup.lock().unwrap_or_else(|p| p.into_inner()).recovery = None;
    Ok(out)
}

/// Restores a database file the runner picks (or `AFTERMILE_OPEN_FILE`); `None` if cancelled.
#[tauri::command]
pub async fn restore_backup_file(app: AppHandle, state: State<'_, AppState>) -> Res<Option<RestoreOutcome>> {
    let Some(path) = pick_file(
        &app,
        "Restore Aftermile data from a backup",
        "Aftermile backup",
        &["sqlite3", "db"],
    )
    .await?
    else {
        return Ok(None);
    };
    let out = state.write(move |db| restore::restore(db, &path, time::now())).await?;
    state.startup.lock().unwrap_or_else(|p| p.into_inner()).recovery = None;
    Ok(Some(out))
}

/// Exports everything as JSON (a file) or CSV (a new folder inside the chosen one).
#[tauri::command]
pub async fn export_data(
    app: AppHandle,
    state: State<'_, AppState>,
    format: ExportFormat,
) -> Res<Option<ExportSummary>> {
    let stamp = time::now().format("%Y-%m-%d").to_string();
    let target = match env_path(SAVE_DIR_ENV) {
        Some(dir) => Some(match format {
            ExportFormat::Json => dir.join(format!("aftermile-export-{stamp}.json")),
            ExportFormat::Csv => dir,
        }),
        None => {
            let app = app.clone();
            tauri::async_runtime::spawn_blocking(move || {
                let d = app.dialog().file();
                let chosen = match format {
                    ExportFormat::Json => d
                        .set_title("Export all your data")
                        .set_file_name(format!("aftermile-export-{stamp}.json"))
                        .add_filter("Aftermile export", &["json"])
                        .blocking_save_file(),
                    ExportFormat::Csv => d.set_title("Choose a folder for the CSV files").blocking_pick_folder(),
                };
                chosen.and_then(|p| p.into_path().ok())
            })
            .await
            .map_err(|e| internal(e.to_string()))?
        }
    };
    let Some(target) = target else {
        return Ok(None);
    };
    let mut progress = reporter(&app, "export");
    let summary = state
        .run(move |db| match format {
            ExportFormat::Json => transfer::export_json(db, &target, time::now(), &mut progress),
            ExportFormat::Csv => transfer::export_csv(db, &target, time::now(), &mut progress),
        })
        .await?;
    Ok(Some(summary))
}

/// Imports an export document the runner picks (or `AFTERMILE_OPEN_FILE`); `None` if cancelled.
#[tauri::command]
pub async fn import_data(app: AppHandle, state: State<'_, AppState>) -> Res<Option<ImportReport>> {
    let Some(path) = pick_file(&app, "Import an Aftermile export", "Aftermile export", &["json"]).await? else {
        return Ok(None);
    };
    let mut progress = reporter(&app, "import");
    let report = state
        .write(move |db| {
            let text = std::fs::read_to_string(&path)?;
            ops::transfer::import_json(db, &text, time::now(), &mut progress)
        })
        .await?;
    Ok(Some(report))
}

/// Deletes everything after the typed confirmation, and starts again with an empty database.
#[tauri::command]
pub async fn delete_all_data(app: AppHandle, state: State<'_, AppState>, confirm: String) -> Res<WipeReport> {
    let data_dir = state.data_dir.clone();
    let report = state
        .write(move |db| wipe::delete_all(db, &confirm, &data_dir, &webview_dirs(&app, &data_dir)))
        .await?;
    *state.startup.lock().unwrap_or_else(|p| p.into_inner()) = StartupReport {
        data_dir: state.data_dir.display().to_string(),
        ..Default::default()
    };
    Ok(report)
}

/// Where the webview keeps its own storage (localStorage, IndexedDB, caches). WebKitGTK and
/// WebView2 put it under the app's local data and cache directories; only Aftermile uses them.
fn webview_dirs(app: &AppHandle, data_dir: &std::path::Path) -> Vec<PathBuf> {
    let p = app.path();
    [p.app_local_data_dir(), p.app_cache_dir()]
        .into_iter()
        .flatten()
        // Never a folder that holds the data folder (a portable install's parent, say).
        .filter(|d| !data_dir.starts_with(d) || d == data_dir)
        .collect()
}

async fn pick_file(app: &AppHandle, title: &str, filter: &str, exts: &'static [&'static str]) -> Res<Option<PathBuf>> {
    if let Some(p) = env_path(OPEN_FILE_ENV) {
        return Ok(Some(p));
    }
    let (app, title, filter) = (app.clone(), title.to_owned(), filter.to_owned());
    tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .add_filter(filter, exts)
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(|e| internal(e.to_string()))
}
