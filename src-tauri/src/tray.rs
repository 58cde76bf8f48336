//! The tray icon: Open, the next reminder, and Quit. With "close to tray" on, closing the window
//! only hides it, so the scheduler keeps running and reminders still fire.

use aftermile_core::time::{self, Instant};
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Wry};

const TRAY_ID: &str = "main";
const NEXT_ID: &str = "next";

pub fn build(app: &AppHandle) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Aftermile", true, None::<&str>)?;
    let next = MenuItem::with_id(app, NEXT_ID, "No reminders waiting", false, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Aftermile", true, None::<&str>)?;
    let sep = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(app, &[&open, &next, &sep, &quit])?;
    app.manage(NextItem(next));
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("Aftermile")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => show_window(app),
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    Ok(())
}

struct NextItem(MenuItem<Wry>);

/// Shows when the next reminder fires, in the runner's local time.
pub fn show_next(app: &AppHandle, next: Option<Instant>) {
    let Some(item) = app.try_state::<NextItem>() else {
        return;
    };
    let text = match next {
        Some(at) => format!("Next reminder: {}", time::local_label(at)),
        None => "No reminders waiting".to_owned(),
    };
    let _ = item.0.set_text(text);
}

pub fn show_window(app: &AppHandle) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}
