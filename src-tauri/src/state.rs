//! The shell's one piece of state: the open database (or why it could not be opened), the signal
//! that wakes the reminder scheduler, and the way to tell the window that data changed.
//!
//! A database that is refused (from a newer version, not a database) does not stop the window
//! from opening: every command then returns the refusal, and the UI shows it on an error screen.
//!
//! Opening goes through `aftermile_core::storage::health::start`: a damaged file is set aside and
//! replaced by an empty database, a folder that can't be written opens read-only, and what happened
//! is kept in `startup` for the UI. It runs on a thread of its own while the window and its web
//! process start (the integrity check alone is ~24 ms on ten years of data): that thread takes the
//! database's and the report's locks before `open_at` returns, so every command and the scheduler
//! wait for it, and nothing can see the database before it was checked. The data folder's lock is held here for the app's lifetime.
//! Restore and delete-all replace the database inside its `Handle`, under the mutex, so every
//! holder (the scheduler too) sees the new one; if it cannot be opened again the handle stays
//! closed and every command says so, until `reopen` (the UI's Retry) succeeds.
//!
//! The state is not generic over the Tauri runtime: what it needs of the app (sending an event) is
//! a closure made in `open`, so commands and tests share one type whatever the runtime.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};

use aftermile_core::events::{DataArea, DataChanged, DATA_CHANGED};
use aftermile_core::storage::health::{self, StartupReport};
use aftermile_core::storage::lock::DataLock;
use aftermile_core::storage::{paths, Handle};
use aftermile_core::{Db, ErrorPayload};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tokio::sync::Notify;

type Emit = Box<dyn Fn(DataChanged) + Send + Sync>;

/// The database as start-up left it.
enum Slot {
    /// Only while the opening thread holds the lock, so no caller ever finds it (see `open_at`).
    Opening,
    Started {
        handle: Handle,
        /// Held, never read: dropping it would let a second process in.
        _lock: Option<DataLock>,
    },
    /// Start-up refused (a newer schema, the folder in use, busy): the reason, until a retry.
    Failed(ErrorPayload),
}

pub struct AppState {
    slot: Arc<Mutex<Slot>>,
    /// The data directory (`AFTERMILE_DATA_DIR` or the platform's), and what start-up found.
    pub data_dir: PathBuf,
    startup: Arc<Mutex<StartupReport>>,
    /// Wakes the scheduler: reminders, races or settings changed.
    pub changed: Arc<Notify>,
    emit: Emit,
    /// The "close to tray" setting, cached so the window's close handler needs no database call.
    close_to_tray: Arc<AtomicBool>,
    has_tray: AtomicBool,
}

impl AppState {
    pub fn open<R: Runtime>(app: &AppHandle<R>) -> Self {
        let handle = app.clone();
        Self::open_at(
            locate(app),
            Box::new(move |payload| {
                let _ = handle.emit(DATA_CHANGED, payload);
            }),
        )
    }

    /// Opens the data under `data_dir` on a thread of its own; `emit` sends `data-changed` to the
    /// window. Returns once that thread holds the locks, so whoever asks next waits for the result.
    pub fn open_at(data_dir: PathBuf, emit: Emit) -> Self {
        let state = AppState {
            slot: Arc::new(Mutex::new(Slot::Opening)),
            startup: Arc::new(Mutex::new(StartupReport {
                data_dir: data_dir.display().to_string(),
                ..Default::default()
            })),
            data_dir,
            changed: Arc::new(Notify::new()),
            emit,
            // Until the settings are read: closing during those milliseconds hides, as by default.
            close_to_tray: Arc::new(AtomicBool::new(true)),
            has_tray: AtomicBool::new(true),
        };
        let (slot, startup, close) = (state.slot.clone(), state.startup.clone(), state.close_to_tray.clone());
        let dir = state.data_dir.clone();
        let (held, wait_held) = mpsc::sync_channel(0);
        let opener = std::thread::Builder::new()
            .name("aftermile-open".into())
            .spawn(move || {
                let mut slot = slot.lock().unwrap_or_else(|p| p.into_inner());
                let mut startup = startup.lock().unwrap_or_else(|p| p.into_inner());
                let _ = held.send(());
                open_into(&dir, &mut slot, &mut startup, &close);
            });
        match opener {
            Ok(_) => {
                // The thread sends once it holds both locks; if it died first, they are free.
                let _ = wait_held.recv();
            }
            Err(e) => {
                eprintln!("Aftermile: no thread to open the database on ({e}); opening it here");
                let mut slot = state.slot.lock().unwrap_or_else(|p| p.into_inner());
                let mut startup = state.startup.lock().unwrap_or_else(|p| p.into_inner());
                open_into(&state.data_dir, &mut slot, &mut startup, &state.close_to_tray);
            }
        }
        state
    }

    /// What start-up found (waits for the opening, if it is still under way).
    pub fn startup_report(&self) -> StartupReport {
        self.startup.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Changes what start-up found, after a restore or a delete-all.
    pub fn set_startup(&self, f: impl FnOnce(&mut StartupReport)) {
        f(&mut self.startup.lock().unwrap_or_else(|p| p.into_inner()));
    }

    pub fn remember(&self, s: &aftermile_core::settings::Settings) {
        self.close_to_tray.store(s.close_to_tray, Ordering::Relaxed);
    }

    pub fn close_to_tray(&self) -> bool {
        self.has_tray.load(Ordering::Relaxed) && self.close_to_tray.load(Ordering::Relaxed)
    }

    pub fn no_tray(&self) {
        self.has_tray.store(false, Ordering::Relaxed);
    }

    /// Runs `f` on a blocking thread: SQLite calls (and their fsyncs) must never run on the async
    /// runtime's workers or the main thread, where they would stall the window.
    pub async fn run<T, F>(&self, f: F) -> Result<T, ErrorPayload>
    where
        T: Send + 'static,
        F: FnOnce(&mut Db) -> aftermile_core::Result<T> + Send + 'static,
    {
        self.with_handle(move |h| f(h.db()?)).await
    }

    /// `run` on the handle itself, for the steps that close and reopen the database.
    pub async fn with_handle<T, F>(&self, f: F) -> Result<T, ErrorPayload>
    where
        T: Send + 'static,
        F: FnOnce(&mut Handle) -> aftermile_core::Result<T> + Send + 'static,
    {
        let slot = self.slot.clone();
        tauri::async_runtime::spawn_blocking(move || {
            // A panic while holding the lock leaves the Db consistent (an open transaction rolls
            // back on drop), so a poisoned lock is safe to reuse.
            let mut guard = slot.lock().unwrap_or_else(|p| p.into_inner());
            match &mut *guard {
                Slot::Started { handle, .. } => f(handle).map_err(|e| e.payload()),
                Slot::Failed(why) => Err(why.clone()),
                Slot::Opening => Err(still_opening()),
            }
        })
        .await
        .map_err(|e| ErrorPayload::internal(format!("Aftermile hit an internal error: {e}")))?
    }

    /// `run` for a caller already on a blocking thread (the activity import, per file). The
    /// lock is held only for `f`.
    pub fn blocking<T>(&self, f: impl FnOnce(&mut Db) -> aftermile_core::Result<T>) -> aftermile_core::Result<T> {
        let mut guard = self.slot.lock().unwrap_or_else(|p| p.into_inner());
        match &mut *guard {
            Slot::Started { handle, .. } => f(handle.db()?),
            Slot::Failed(why) => Err(aftermile_core::Error::Closed {
                why: why.message.clone(),
            }),
            Slot::Opening => Err(aftermile_core::Error::Closed {
                why: still_opening().message,
            }),
        }
    }

    /// The runner's Retry: start again if start-up failed, or reopen a database left closed.
    pub async fn retry(&self) -> Result<StartupReport, ErrorPayload> {
        let slot = self.slot.clone();
        let data_dir = self.data_dir.clone();
        let report = tauri::async_runtime::spawn_blocking(move || {
            let mut guard = slot.lock().unwrap_or_else(|p| p.into_inner());
            match &mut *guard {
                Slot::Started { handle, .. } => handle.reopen().map(|()| None).map_err(|e| e.payload()),
                Slot::Failed(_) | Slot::Opening => {
                    let (fresh, report) = start(&data_dir);
                    *guard = fresh;
                    match &*guard {
                        Slot::Failed(why) => Err(why.clone()),
                        Slot::Started { .. } => Ok(Some(report)),
                        Slot::Opening => Err(still_opening()),
                    }
                }
            }
        })
        .await
        .map_err(|e| ErrorPayload::internal(e.to_string()))??;
        let mut startup = self.startup.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(r) = report {
            *startup = r;
        }
        Ok(startup.clone())
    }

    /// `run` for a write: once it committed, tells the window which `areas` changed and wakes the
    /// scheduler (a write can move a reminder).
    pub async fn write<T, F>(&self, areas: &[DataArea], f: F) -> Result<T, ErrorPayload>
    where
        T: Send + 'static,
        F: FnOnce(&mut Db) -> aftermile_core::Result<T> + Send + 'static,
    {
        let out = self.run(f).await?;
        self.changed_now(areas);
        Ok(out)
    }

    /// Tells the window and the scheduler that `areas` changed (a write made outside `write`).
    pub fn changed_now(&self, areas: &[DataArea]) {
        self.changed.notify_one();
        self.tell_window(areas);
    }

    /// Tells only the window (the scheduler's own writes need not wake it).
    pub fn tell_window(&self, areas: &[DataArea]) {
        (self.emit)(DataChanged { areas: areas.to_vec() });
    }

    /// Whether start-up opened a database (it may since have been closed by a failed restore).
    pub fn is_open(&self) -> bool {
        matches!(
            *self.slot.lock().unwrap_or_else(|p| p.into_inner()),
            Slot::Started { .. }
        )
    }
}

/// Start-up's work, on the opening thread, into the slots it holds; a panic in it (a bug) becomes
/// the start-up error the window shows, instead of a database that never opens.
fn open_into(dir: &std::path::Path, slot: &mut Slot, startup: &mut StartupReport, close_to_tray: &AtomicBool) {
    let (fresh, report) = std::panic::catch_unwind(|| start(dir)).unwrap_or_else(|_| {
        (
            Slot::Failed(ErrorPayload::internal(
                "Aftermile hit an internal error while opening its data; see the log.".to_string(),
            )),
            StartupReport {
                data_dir: dir.display().to_string(),
                ..Default::default()
            },
        )
    });
    *slot = fresh;
    *startup = report;
    let close = match slot {
        Slot::Started { handle, .. } => handle
            .db()
            .ok()
            .and_then(|db| aftermile_core::settings::get(db).ok())
            .map(|s| s.close_to_tray)
            .unwrap_or(true),
        Slot::Failed(_) | Slot::Opening => false,
    };
    close_to_tray.store(close, Ordering::Relaxed);
}

/// Never seen in practice: the opening thread holds the lock until it has a result.
fn still_opening() -> ErrorPayload {
    ErrorPayload::internal("Aftermile is still opening its data.".to_string())
}

fn start(data_dir: &std::path::Path) -> (Slot, StartupReport) {
    match health::start(data_dir, &health::Checks::default(), aftermile_core::time::now()) {
        Ok(s) => (
            Slot::Started {
                handle: Handle::new(s.db),
                _lock: s.lock,
            },
            s.report,
        ),
        Err(e) => {
            eprintln!("Aftermile: database unavailable: {e}");
            (
                Slot::Failed(e.payload()),
                StartupReport {
                    data_dir: data_dir.display().to_string(),
                    ..Default::default()
                },
            )
        }
    }
}

/// The data directory; without a platform one (no home directory) the working directory stands in.
fn locate<R: Runtime>(app: &AppHandle<R>) -> PathBuf {
    let platform = app.path().app_data_dir().unwrap_or_else(|e| {
        eprintln!("Aftermile: no app data directory ({e}); using the working directory");
        PathBuf::from("aftermile-data")
    });
    paths::data_dir(&platform)
}

#[cfg(test)]
mod tests {
    // Test set-up writes a plain file.
    #![allow(clippy::disallowed_methods)]

    use super::*;

    fn quiet() -> Emit {
        Box::new(|_| {})
    }

    #[test]
    fn the_first_caller_waits_for_the_opening_and_finds_the_database_checked() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open_at(dir.path().join("data"), quiet());
        // Straight away, while the opening thread may still be at work: the call waits for it.
        let settings = state.blocking(|db| aftermile_core::settings::get(db)).unwrap();
        assert!(settings.close_to_tray);
        assert!(state.is_open());
        assert!(state.close_to_tray(), "read from the settings once opened");
        assert!(state.startup_report().recovery.is_none());
    }

    #[test]
    fn a_damaged_file_is_reported_before_anything_reads_the_data() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let db = paths::db_path(&data);
        std::fs::create_dir_all(db.parent().unwrap()).unwrap();
        std::fs::write(&db, b"this is not an SQLite database, it is a shopping list").unwrap();
        let state = AppState::open_at(data, quiet());
        let report = state.startup_report();
        assert!(
            report.recovery.is_some(),
            "the damaged file was found and set aside: {report:?}"
        );
        // And the fresh database in its place answers.
        state.blocking(|db| aftermile_core::settings::get(db)).unwrap();
    }
}
