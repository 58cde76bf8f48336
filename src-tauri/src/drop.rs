//! Files dropped on the window are imported. The paths come from the operating system through
//! the window event, never from the page, so a script in the webview cannot make the app read a
//! path of its choosing; the page only hears `drop-hover` to show where to drop, and the import's
//! own events after that.

use aftermile_core::events::{DropHover, DROP_HOVER};
use tauri::{DragDropEvent, Emitter, Manager, Runtime, Window};

use crate::commands::import;
use crate::state::AppState;

/// Handles one drag-and-drop event on `window`.
pub fn on_event<R: Runtime>(window: &Window<R>, event: &DragDropEvent) {
    let hover = |active: bool| {
        let _ = window.emit_to(window.label(), DROP_HOVER, DropHover { active });
    };
    match event {
        DragDropEvent::Enter { paths, .. } if !paths.is_empty() => hover(true),
        DragDropEvent::Enter { .. } | DragDropEvent::Over { .. } => {}
        DragDropEvent::Leave => hover(false),
        DragDropEvent::Drop { paths, .. } => {
            hover(false);
            if paths.is_empty() {
                return;
            }
            let app = window.app_handle().clone();
            let paths = paths.clone();
            tauri::async_runtime::spawn(async move {
                let state = app.state::<AppState>();
                // The outcome reaches the page as `import-finished`, errors included.
                let _ = import::run(&app, &state, paths).await;
            });
        }
        _ => {}
    }
}
