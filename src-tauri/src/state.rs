//! The shell's one piece of state: the open database (or why it could not be opened), and the
//! signal that wakes the reminder scheduler when anything it depends on changes.
//!
//! A database that is refused (from a newer version, not a database) does not stop the window
//! from opening: every command then returns the refusal, and the UI shows it on an error screen.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use aftermile_core::{paths, Db, Error, ErrorPayload};
use tauri::{AppHandle, Manager};
use tokio::sync::Notify;

pub struct AppState {
    db: Result<Arc<Mutex<Db>>, ErrorPayload>,
    /// Wakes the scheduler: reminders, races or settings changed.
    pub changed: Arc<Notify>,
    /// The "close to tray" setting, cached so the window's close handler needs no database call.
    close_to_tray: AtomicBool,
    has_tray: AtomicBool,
}

impl AppState {
    pub fn open(app: &AppHandle) -> Self {
        let db = locate(app)
            .and_then(|path| Db::open(&path))
            .map(|db| Arc::new(Mutex::new(db)));
        if let Err(e) = &db {
            eprintln!("Aftermile: database unavailable: {e}");
        }
        let close_to_tray = match &db {
            Ok(db) => aftermile_core::settings::get(&db.lock().unwrap_or_else(|p| p.into_inner()))
                .map(|s| s.close_to_tray)
                .unwrap_or(true),
            Err(_) => false,
        };
        AppState {
            db: db.map_err(|e| e.payload()),
            changed: Arc::new(Notify::new()),
            close_to_tray: AtomicBool::new(close_to_tray),
            has_tray: AtomicBool::new(true),
        }
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
        let db = self.db.clone()?;
        tauri::async_runtime::spawn_blocking(move || {
            // A panic while holding the lock leaves the Db consistent (an open transaction rolls
            // back on drop), so a poisoned lock is safe to reuse.
            let mut guard = db.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut guard).map_err(|e| e.payload())
        })
        .await
        .map_err(|e| internal(format!("Aftermile hit an internal error: {e}")))?
    }

    /// `run` for writes that can move a reminder: wakes the scheduler once the write committed.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ErrorPayload>
    where
        T: Send + 'static,
        F: FnOnce(&mut Db) -> aftermile_core::Result<T> + Send + 'static,
    {
        let out = self.run(f).await?;
        self.changed.notify_one();
        Ok(out)
    }

    pub fn is_open(&self) -> bool {
        self.db.is_ok()
    }
}

pub fn internal(message: String) -> ErrorPayload {
    ErrorPayload {
        code: "internal".into(),
        message,
        field: None,
        fields: Vec::new(),
    }
}

fn locate(app: &AppHandle) -> aftermile_core::Result<PathBuf> {
    let platform = app
        .path()
        .app_data_dir()
        .map_err(|e| Error::Io(std::io::Error::other(format!("no app data directory: {e}"))))?;
    paths::prepare_db_path(&paths::data_dir(&platform))
}
