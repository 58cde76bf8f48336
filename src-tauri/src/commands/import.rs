//! Importing activities: from the native dialog (files, a zip, or a folder), or dropped on the
//! window (see `drop.rs`). One import at a time, on a blocking thread that holds the database
//! only while it stores a file, so the window and every other command stay responsive while it
//! runs; each file is its own transaction.
//!
//! The window follows it through events: `import-progress` (at most ten a second, and always the
//! last), then `import-finished` with the summary or the error. The page never names a path: the
//! paths come from a native dialog or from the OS on a drop.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use aftermile_core::events::{DataArea, ImportFinished, IMPORT_FINISHED, IMPORT_PROGRESS};
use aftermile_core::import::Limits;
use aftermile_core::ops::import::{ImportProgress, ImportSummary, Importer};
use aftermile_core::{time, ErrorPayload};
use serde::Deserialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use crate::dialogs;
use crate::state::AppState;

type Res<T> = Result<T, ErrorPayload>;

/// Whether an import is running, and the flag that stops it.
#[derive(Default)]
pub struct Importing {
    running: AtomicBool,
    cancel: Arc<AtomicBool>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportPick {
    Files,
    Folder,
}

/// Shows progress often enough to look alive, never so often that events swamp the window.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// Imports what the runner picks in a native dialog; `None` if cancelled. The summary also comes
/// as `import-finished`, as it does for a drop.
#[tauri::command]
pub async fn import_activities<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    pick: ImportPick,
) -> Res<Option<ImportSummary>> {
    let paths = match pick {
        ImportPick::Files => {
            dialogs::pick_files(
                &app,
                "Import activities",
                "Activities (FIT, GPX, TCX, zip)",
                &["fit", "gpx", "tcx", "gz", "zip", "FIT", "GPX", "TCX"],
            )
            .await?
        }
        ImportPick::Folder => dialogs::pick_source_folder(&app, "Import every activity in a folder")
            .await?
            .map(|p| vec![p]),
    };
    let Some(paths) = paths.filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    run(&app, &state, paths).await.map(Some)
}

/// Stops the running import after the file it is reading.
#[tauri::command]
pub async fn cancel_import<R: Runtime>(app: AppHandle<R>) -> Res<()> {
    app.state::<Importing>().cancel.store(true, Ordering::SeqCst);
    Ok(())
}

/// Runs one import of `paths`, telling the window as it goes.
pub async fn run<R: Runtime>(app: &AppHandle<R>, state: &AppState, paths: Vec<PathBuf>) -> Res<ImportSummary> {
    let importing = app.state::<Importing>();
    if importing.running.swap(true, Ordering::SeqCst) {
        return Err(aftermile_core::Error::AlreadyRunning { what: "An import" }.payload());
    }
    importing.cancel.store(false, Ordering::SeqCst);
    let cancel = importing.cancel.clone();
    // At once, so the window shows the import while the files are still being listed.
    let _ = app.emit(
        IMPORT_PROGRESS,
        ImportProgress {
            done: 0,
            total: 0,
            current: String::new(),
        },
    );
    let worker = app.clone();
    let result = tauri::async_runtime::spawn_blocking(move || read_and_store(&worker, &paths, &cancel))
        .await
        .map_err(|e| ErrorPayload::internal(format!("The import stopped: {e}")))
        .and_then(|r| r.map_err(|e| e.payload()));
    importing.running.store(false, Ordering::SeqCst);
    state.changed_now(&[DataArea::Sessions, DataArea::Reminders]);
    let finished = match &result {
        Ok(s) => ImportFinished {
            summary: Some(s.clone()),
            error: None,
        },
        Err(e) => ImportFinished {
            summary: None,
            error: Some(e.clone()),
        },
    };
    let _ = app.emit(IMPORT_FINISHED, finished);
    result
}

/// The import itself, on a blocking thread. Files are read and parsed without the database; each
/// file's sessions are then stored under the app's database lock, taken per file, so the window's
/// reads and writes go on between files, and a restore or a delete-all waits for the file in hand
/// and is then seen by the next (which fails cleanly on a closed database).
fn read_and_store<R: Runtime>(
    app: &AppHandle<R>,
    paths: &[PathBuf],
    cancel: &AtomicBool,
) -> aftermile_core::Result<ImportSummary> {
    let state = app.state::<AppState>();
    let mut importer = state.blocking(|db| Importer::start(db, time::now()))?;
    let mut throttle = Throttle::new(PROGRESS_EVERY);
    let totals = aftermile_core::import::read(paths, &Limits::default(), cancel, |item, p| {
        state.blocking(|db| importer.add(db, item))?;
        if throttle.due(Instant::now(), p.done >= p.total) {
            let _ = app.emit(IMPORT_PROGRESS, ImportProgress::from(p));
        }
        Ok(())
    })?;
    Ok(importer.finish(&totals))
}

/// Which progress reports to pass on: the first, the last, and in between at most one per
/// `every`. Fast files (a folder of small GPX) would otherwise send thousands of events a second.
struct Throttle {
    every: Duration,
    last: Option<Instant>,
}

impl Throttle {
    fn new(every: Duration) -> Self {
        Throttle { every, last: None }
    }

    fn due(&mut self, now: Instant, last_file: bool) -> bool {
        let due = last_file || self.last.is_none_or(|t| now.duration_since(t) >= self.every);
        if due {
            self.last = Some(now);
        }
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_passed_on_first_last_and_ten_times_a_second() {
        let mut t = Throttle::new(PROGRESS_EVERY);
        let t0 = Instant::now();
        let ms = |n: u64| t0 + Duration::from_millis(n);
        // A file every 7 ms for a second: the first, then one per 100 ms, then the last.
        let shown: Vec<u64> = (0..=142)
            .map(|i| i * 7)
            .filter(|&at| t.due(ms(at), at == 142 * 7))
            .collect();
        assert_eq!(shown.first(), Some(&0));
        assert_eq!(shown.last(), Some(&994));
        assert!((10..=12).contains(&shown.len()), "{shown:?}");
        assert!(shown.windows(2).all(|w| w[1] - w[0] >= 100 || w[1] == 994), "{shown:?}");
        // Slow files are each shown.
        let mut slow = Throttle::new(PROGRESS_EVERY);
        assert!((0..5).all(|i| slow.due(ms(i * 300), false)));
    }
}
