//! The panic hook: a panic is written to `<data dir>/logs/panic-<time>.log` and the window is
//! told (`app-panic`), so the runner sees an error screen instead of a window that stopped
//! answering. Commands already turn a panic inside their database call into an `internal` error
//! (`AppState::run` awaits a blocking task, whose panic comes back as a join error).
//!
//! The event is sent from a new thread: the panicking thread may hold a lock that emitting needs.
//! The `test_panic` hook panics a background thread a few seconds after start, so the error
//! screen can be checked end to end.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub use aftermile_core::events::PanicNotice;
use aftermile_core::events::APP_PANIC;
use tauri::{AppHandle, Emitter, Runtime};

use crate::hooks;

static LAST: Mutex<Option<PanicNotice>> = Mutex::new(None);

pub fn last() -> Option<PanicNotice> {
    LAST.lock().unwrap_or_else(|p| p.into_inner()).clone()
}

pub fn install<R: Runtime>(app: AppHandle<R>, logs: PathBuf) {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let thread = std::thread::current().name().unwrap_or("unnamed").to_owned();
        let message = format!("{what}{place} (thread {thread})");
        let trace = std::backtrace::Backtrace::force_capture();
        let log = write_log(&logs, &format!("{message}\n\n{trace}\n")).map(|p| p.display().to_string());
        let notice = PanicNotice { message, log };
        *LAST.lock().unwrap_or_else(|p| p.into_inner()) = Some(notice.clone());
        let app = app.clone();
        let _ = std::thread::Builder::new().name("panic-notice".into()).spawn(move || {
            let _ = app.emit(APP_PANIC, notice);
        });
        default(info);
    }));
    if hooks::test_panic() {
        let _ = std::thread::Builder::new().name("test-panic".into()).spawn(|| {
            std::thread::sleep(std::time::Duration::from_secs(4));
            panic!("test panic requested by the test_panic hook");
        });
    }
}

/// Writes one panic to its own file in `logs` (created owner-only). Returns where.
fn write_log(logs: &Path, text: &str) -> Option<PathBuf> {
    aftermile_core::storage::paths::create_private_dir(logs).ok()?;
    let stamp = chrono_free_stamp();
    let path = logs.join(format!("panic-{stamp}.log"));
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(&path).ok()?;
    f.write_all(text.as_bytes()).ok()?;
    let _ = f.sync_all();
    Some(path)
}

/// Seconds since the epoch and the process id: unique enough, and needs nothing that could
/// itself panic while the process is already panicking.
fn chrono_free_stamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    format!("{secs}-{}", std::process::id())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_log_is_written_owner_only() {
        let tmp = std::env::temp_dir().join(format!("aftermile-panic-test-{}", std::process::id()));
        let p = super::write_log(&tmp.join("logs"), "boom").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "boom");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(tmp.join("logs")).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
        let _ = std::fs::remove_dir_all(tmp);
    }
}
