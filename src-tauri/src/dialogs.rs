//! Native dialogs, with one policy for all of them: each blocks until the runner answers, so it
//! runs on a blocking thread, never on the async workers or the main thread; each consults its
//! test hook first (`hooks`), so WebDriver runs get an answer without a window; and a cancelled
//! dialog is `None`, never an error.

use std::path::PathBuf;

use aftermile_core::ErrorPayload;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use crate::hooks;

type Res<T> = Result<T, ErrorPayload>;

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Res<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| ErrorPayload::internal(format!("The dialog failed: {e}")))
}

/// Where to save a file, starting from `name`; `None` if cancelled.
pub async fn save_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    name: &str,
    filter: &str,
    exts: &'static [&'static str],
) -> Res<Option<PathBuf>> {
    if let Some(dir) = hooks::save_dir() {
        return Ok(Some(dir.join(name)));
    }
    let (app, title, name, filter) = (app.clone(), title.to_owned(), name.to_owned(), filter.to_owned());
    blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .set_file_name(name)
            .add_filter(filter, exts)
            .blocking_save_file()
            .and_then(|p| p.into_path().ok())
    })
    .await
}

/// A folder to write into; `None` if cancelled.
pub async fn pick_folder<R: Runtime>(app: &AppHandle<R>, title: &str) -> Res<Option<PathBuf>> {
    if let Some(dir) = hooks::save_dir() {
        return Ok(Some(dir));
    }
    let (app, title) = (app.clone(), title.to_owned());
    blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok())
    })
    .await
}

/// One file to read; `None` if cancelled.
pub async fn pick_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter: &str,
    exts: &'static [&'static str],
) -> Res<Option<PathBuf>> {
    if let Some(p) = hooks::open_file() {
        return Ok(Some(p));
    }
    let (app, title, filter) = (app.clone(), title.to_owned(), filter.to_owned());
    blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .add_filter(filter, exts)
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
    })
    .await
}

/// Files to import (several at once, or a zip); `None` if cancelled.
pub async fn pick_files<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter: &str,
    exts: &'static [&'static str],
) -> Res<Option<Vec<PathBuf>>> {
    if let Some(p) = hooks::open_file() {
        return Ok(Some(vec![p]));
    }
    let (app, title, filter) = (app.clone(), title.to_owned(), filter.to_owned());
    blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .add_filter(filter, exts)
            .blocking_pick_files()
            .map(|ps| ps.into_iter().filter_map(|p| p.into_path().ok()).collect())
    })
    .await
}

/// A folder to read from (a watch's folder, an unzipped Strava export); `None` if cancelled.
pub async fn pick_source_folder<R: Runtime>(app: &AppHandle<R>, title: &str) -> Res<Option<PathBuf>> {
    if let Some(p) = hooks::open_file() {
        return Ok(Some(p));
    }
    let (app, title) = (app.clone(), title.to_owned());
    blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok())
    })
    .await
}

/// A native yes/no question, asked from the Rust side so a script in the webview cannot answer
/// it. `true` only when the runner chose `ok`.
pub async fn confirm<R: Runtime>(app: &AppHandle<R>, title: &str, message: &str, ok: &str) -> Res<bool> {
    if let Some(answer) = hooks::confirm() {
        return Ok(answer);
    }
    let (app, title, message, ok) = (app.clone(), title.to_owned(), message.to_owned(), ok.to_owned());
    blocking(move || {
        app.dialog()
            .message(message)
            .title(title)
            .kind(MessageDialogKind::Warning)
            .buttons(MessageDialogButtons::OkCancelCustom(ok, "Cancel".into()))
            .blocking_show()
    })
    .await
}
