//! The app's windows. They are built here rather than declared in tauri.conf.json so each gets a
//! navigation guard: a script in the page (through a bug, or text that slipped past escaping) can
//! neither take the main window to another page nor open windows of its own, and the print window
//! can only show the briefing sheet.

use tauri::webview::NewWindowResponse;
use tauri::{AppHandle, Runtime, Url, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

pub const MAIN: &str = "main";

/// The app's own pages: the bundled UI (`tauri://localhost`, or `http://tauri.localhost` where the
/// webview serves custom schemes over http), and in a dev build the Vite server.
fn is_app_page(url: &Url) -> bool {
    let host = url.host_str().unwrap_or_default();
    match url.scheme() {
        "tauri" => host == "localhost",
        "http" | "https" if host == "tauri.localhost" => true,
        "http" if cfg!(debug_assertions) && tauri::is_dev() => host == "localhost" && url.port() == Some(1420),
        _ => false,
    }
}

/// The briefing sheet the preview frame and the print window show (see commands/briefing.rs).
pub fn is_sheet(url: &Url) -> bool {
    let host = url.host_str().unwrap_or_default();
    match url.scheme() {
        "briefing" => host == "localhost",
        "http" => host == "briefing.localhost",
        _ => false,
    }
}

/// Where the main window may go: its own pages, and the sheet inside the preview frame (frame
/// navigations pass through the same guard on some webviews). An empty frame starts as about:blank.
pub fn main_may_open(url: &Url) -> bool {
    is_app_page(url) || is_sheet(url) || url.as_str() == "about:blank"
}

/// Sends the first screen's one call as the page starts, before its code is loaded and parsed, so
/// the core reads while the webview parses; the UI takes the answer once (`openApp` in api.ts).
/// The IPC scripts Tauri injects run before this one.
const EARLY_OPENING: &str = "if (window.top === window && window.__TAURI_INTERNALS__) {
  window.__AFTERMILE_OPENING__ = window.__TAURI_INTERNALS__.invoke('open_app');
  // Taken by the UI, which reports a failure itself; this only keeps it from being 'unhandled'.
  window.__AFTERMILE_OPENING__.catch(() => {});
}";

pub fn build_main<R: Runtime>(app: &AppHandle<R>, visible: bool) -> tauri::Result<WebviewWindow<R>> {
    let builder =
        WebviewWindowBuilder::new(app, MAIN, WebviewUrl::App("index.html".into())).initialization_script(EARLY_OPENING);
    // `make bench-app`'s probe, in the bench build only.
    #[cfg(feature = "perf")]
    let builder = crate::perf::attach(builder);
    builder
        .title("Aftermile")
        .inner_size(1180.0, 780.0)
        .min_inner_size(760.0, 520.0)
        .center()
        .visible(visible)
        .on_navigation(|url| {
            let ok = main_may_open(url);
            if !ok {
                eprintln!("Aftermile: refused to navigate the main window to {url}");
            }
            ok
        })
        .on_new_window(|url, _| {
            eprintln!("Aftermile: refused to open a new window for {url}");
            NewWindowResponse::Deny
        })
        .build()
        .inspect(lighten)
}

/// Two WebKitGTK settings, both for the idle memory of a window that shows one local page.
///
/// - Its caches are sized for a web browser (pages kept for Back, decoded resources of many sites)
///   unless told otherwise; the "document viewer" model is for one page.
/// - Its GPU compositing keeps a GL context, Mesa's driver and every layer's tiles in the web
///   process. Measured in `make bench-app` (Xvfb, Mesa's software GL), painting without it took the
///   whole app from ~340 MB Pss to ~245 MB at idle, under the bare window's ~268, with start-up and
///   clicks no slower: Aftermile's pages are text, a few SVG charts and no animation, which the CPU
///   paints in a few milliseconds. It also keeps the app clear of the blank or flickering windows
///   WebKitGTK's compositing is known for on some GPU drivers. See docs/platforms.md.
#[cfg(target_os = "linux")]
fn lighten<R: Runtime>(window: &WebviewWindow<R>) {
    let _ = window.with_webview(|w| {
        use webkit2gtk::{CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt};
        let view = w.inner();
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
        if let Some(settings) = WebViewExt::settings(&view) {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    });
}

/// WebView2 and WKWebView have no such switch; their caches follow the system's memory pressure.
#[cfg(not(target_os = "linux"))]
fn lighten<R: Runtime>(_window: &WebviewWindow<R>) {}

/// The guard for the print window, which shows one sheet and nothing else.
pub fn sheet_only(url: &Url) -> bool {
    is_sheet(url) || url.as_str() == "about:blank"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        s.parse().unwrap()
    }

    #[test]
    fn the_main_window_stays_on_the_app_and_the_sheet() {
        for ok in [
            "tauri://localhost/index.html",
            "http://tauri.localhost/",
            "briefing://localhost/%7B%7D",
            "about:blank",
        ] {
            assert!(main_may_open(&u(ok)), "{ok}");
        }
        for no in [
            "https://example.com/",
            "http://localhost:1420/",
            "file:///etc/passwd",
            "tauri://evil.example/",
            "http://briefing.localhost.evil.example/",
            "javascript:alert(1)",
            "data:text/html,hi",
        ] {
            assert!(!main_may_open(&u(no)), "{no}");
        }
    }

    #[test]
    fn the_print_window_shows_only_the_sheet() {
        assert!(sheet_only(&u("briefing://localhost/%7B%7D")));
        assert!(!sheet_only(&u("tauri://localhost/index.html")));
        assert!(!sheet_only(&u("https://example.com/")));
    }
}
