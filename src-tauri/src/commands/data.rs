//! "Your data": backups, restore, export, import, delete-all, and what start-up found.
//!
//! Restore and delete-all replace or remove everything, so besides the typed confirmation in the
//! window they ask the runner again in a native dialog from here: a script in the webview can
//! call the command, but cannot answer that dialog.
//!
//! Long exports and imports report progress as `data-progress` events, every 500 records.

use aftermile_core::events::{DataArea, DataOp, DataProgress, DATA_PROGRESS};
use aftermile_core::opening::{self, Opening};
use aftermile_core::storage::backup::{self, BackupInfo, Reason};
use aftermile_core::storage::health::StartupReport;
use aftermile_core::storage::paths;
use aftermile_core::storage::restore::RestoreOutcome;
use aftermile_core::storage::wipe::{self, WipeReport};
use aftermile_core::transfer::{self, ExportSummary, ImportReport, Progress};
use aftermile_core::{ops, time, ErrorPayload};
use serde::Deserialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use crate::dialogs;
use crate::panic;
use crate::state::AppState;

type Res<T> = Result<T, ErrorPayload>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Json,
    Csv,
}

fn reporter<R: Runtime>(app: &AppHandle<R>, op: DataOp) -> impl FnMut(Progress) + Send + 'static {
    let app = app.clone();
    move |progress| {
        let _ = app.emit(DATA_PROGRESS, DataProgress { op, progress });
    }
}

/// A cancelled native confirmation, as the UI sees it: nothing happened, and it says why.
fn not_confirmed() -> ErrorPayload {
    aftermile_core::Error::field(
        "confirm",
        aftermile_core::error::FieldCode::Mismatch,
        "Cancelled: nothing was changed.",
    )
    .payload()
}

#[tauri::command]
pub async fn startup_report(state: State<'_, AppState>) -> Res<StartupReport> {
    Ok(state.startup_report())
}

/// What the first screen needs, in one call (see `aftermile_core::opening`); with it, the panic
/// this run hit, if any, since the window may have missed the `app-panic` event.
#[tauri::command]
pub async fn open_app(state: State<'_, AppState>) -> Res<Opening> {
    let report = state.startup_report();
    let panic = panic::last();
    let opening = state
        .run(move |db| opening::read(db, report, panic, time::now(), time::computer_zone()))
        .await?;
    state.remember(&opening.settings);
    Ok(opening)
}

/// The runner's Retry after start-up failed or the database was left closed: tries again and
/// returns what start-up found.
#[tauri::command]
pub async fn reopen_database(state: State<'_, AppState>) -> Res<StartupReport> {
    let report = state.retry().await?;
    state.changed_now(&[DataArea::Everything]);
    Ok(report)
}

/// Quits the app, for the error screens' Quit button (closing the window may only hide it).
#[tauri::command]
pub async fn quit_app<R: Runtime>(app: AppHandle<R>) -> Res<()> {
    app.exit(0);
    Ok(())
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

/// Restores one of the listed backups by name, once the runner confirms in a native dialog.
#[tauri::command]
pub async fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    name: String,
) -> Res<RestoreOutcome> {
    let dir = paths::backups_dir(&state.data_dir);
    let path = backup::path_of(&dir, &name).map_err(|e| e.payload())?;
    if !confirm_restore(&app, &name).await? {
        return Err(not_confirmed());
    }
    restore_path(&state, path).await
}

/// Restores, then tells the window everything changed (also when the restored file could not be
/// opened: the window must learn the database is closed).
async fn restore_path(state: &AppState, path: std::path::PathBuf) -> Res<RestoreOutcome> {
    let out = state
        .with_handle(move |h| ops::restore::restore(h, &path, time::now()))
        .await;
    state.changed_now(&[DataArea::Everything]);
    let out = out?;
    state.set_startup(|r| r.recovery = None);
    Ok(out)
}

/// Restores a database file the runner picks; `None` if cancelled.
#[tauri::command]
pub async fn restore_backup_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Res<Option<RestoreOutcome>> {
    let picked = dialogs::pick_file(
        &app,
        "Restore Aftermile data from a backup",
        "Aftermile backup",
        &["sqlite3", "db"],
    )
    .await?;
    let Some(path) = picked else {
        return Ok(None);
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !confirm_restore(&app, &name).await? {
        return Err(not_confirmed());
    }
    restore_path(&state, path).await.map(Some)
}

async fn confirm_restore<R: Runtime>(app: &AppHandle<R>, name: &str) -> Res<bool> {
    dialogs::confirm(
        app,
        "Restore this backup?",
        &format!(
            "Your current data will be replaced by the backup {name}. It is kept beside the database, \
             renamed, so nothing is deleted."
        ),
        "Restore",
    )
    .await
}

/// Exports everything as JSON (a file) or CSV (a new folder inside the chosen one).
#[tauri::command]
pub async fn export_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: ExportFormat,
) -> Res<Option<ExportSummary>> {
    let stamp = time::now().format("%Y-%m-%d").to_string();
    let target = match format {
        ExportFormat::Json => {
            dialogs::save_file(
                &app,
                "Export all your data",
                &format!("aftermile-export-{stamp}.json"),
                "Aftermile export",
                &["json"],
            )
            .await?
        }
        ExportFormat::Csv => dialogs::pick_folder(&app, "Choose a folder for the CSV files").await?,
    };
    let Some(target) = target else {
        return Ok(None);
    };
    let mut progress = reporter(&app, DataOp::Export);
    let summary = state
        .run(move |db| match format {
            ExportFormat::Json => transfer::export_json(db, &target, time::now(), &mut progress),
            ExportFormat::Csv => transfer::export_csv(db, &target, time::now(), &mut progress),
        })
        .await?;
    Ok(Some(summary))
}

/// Imports an export document the runner picks; `None` if cancelled.
#[tauri::command]
pub async fn import_data<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Res<Option<ImportReport>> {
    let picked = dialogs::pick_file(&app, "Import an Aftermile export", "Aftermile export", &["json"]).await?;
    let Some(path) = picked else {
        return Ok(None);
    };
    let mut progress = reporter(&app, DataOp::Import);
    let report = state
        .write(&[DataArea::Everything], move |db| {
            ops::transfer::import_file(db, &path, time::now(), &mut progress)
        })
        .await?;
    Ok(Some(report))
}

/// Deletes everything after the typed confirmation and a native one, and starts again with an
/// empty database.
#[tauri::command]
pub async fn delete_all_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    confirm: String,
) -> Res<WipeReport> {
    // The core checks it again; checking first spares the runner a native dialog for nothing.
    wipe::check_confirm(&confirm).map_err(|e| e.payload())?;
    let sure = dialogs::confirm(
        &app,
        "Delete all your data?",
        "Every entry, mark, reminder, backup and setting Aftermile holds on this computer will be deleted. \
         This cannot be undone.",
        "Delete everything",
    )
    .await?;
    if !sure {
        return Err(not_confirmed());
    }
    let data_dir = state.data_dir.clone();
    let webview = webview_dirs(&app, &data_dir);
    let report = state
        .with_handle(move |h| wipe::delete_all(h, &confirm, &data_dir, &webview))
        .await;
    state.changed_now(&[DataArea::Everything]);
    let report = report?;
    let data_dir = state.data_dir.display().to_string();
    state.set_startup(|r| {
        *r = StartupReport {
            data_dir,
            ..Default::default()
        }
    });
    Ok(report)
}

/// Where the webview keeps its own storage (localStorage, IndexedDB, caches). WebKitGTK and
/// WebView2 put it under the app's local data and cache directories; only Aftermile uses them.
fn webview_dirs<R: Runtime>(app: &AppHandle<R>, data_dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let p = app.path();
    [p.app_local_data_dir(), p.app_cache_dir()]
        .into_iter()
        .flatten()
        // Never a folder that holds the data folder (a portable install's parent, say).
        .filter(|d| !data_dir.starts_with(d) || d == data_dir)
        .collect()
}
