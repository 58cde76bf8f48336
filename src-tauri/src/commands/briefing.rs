//! The briefing sheet: compose it (the form's validation), show it, print it, save it.
//!
//! The preview is the real sheet. The `briefing:` URI scheme serves the core's HTML for the request
//! encoded in the path, and the Briefing page shows it in an `<iframe>`; the main window's CSP
//! allows frames from that scheme only (`frame-src`), and each sheet response carries its own CSP
//! that forbids script and every fetch, so the sheet is inert whatever the runner typed. Print
//! opens the same URL in a window of its own and prints that webview, so the printed page is the
//! sheet with its own `@page` size, not the app around it.
//!
//! The preview composes the sheet once per change: `compose_briefing` (which the page calls for
//! the form's field errors) keeps the HTML it rendered, and the `briefing:` scheme serves that
//! copy when the frame asks for the same request a moment later.

use std::sync::Mutex;

use aftermile_core::briefing::{self, Briefing, BriefingRequest};
use aftermile_core::storage::files;
use aftermile_core::{time, ErrorPayload};
use serde::Deserialize;
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{
    AppHandle, Manager, Runtime, State, UriSchemeContext, UriSchemeResponder, WebviewUrl, WebviewWindowBuilder,
};

use crate::dialogs;
use crate::state::AppState;

/// The last sheet the page composed, by its request's JSON, for the preview frame to show.
#[derive(Default)]
pub struct Preview(Mutex<Option<(String, String)>>);

impl Preview {
    fn keep(&self, request: &BriefingRequest, html: String) {
        if let Ok(key) = serde_json::to_string(request) {
            *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some((key, html));
        }
    }

    pub(crate) fn kept_for(&self, request: &BriefingRequest) -> Option<String> {
        let key = serde_json::to_string(request).ok()?;
        let kept = self.0.lock().unwrap_or_else(|p| p.into_inner());
        kept.as_ref().filter(|(k, _)| *k == key).map(|(_, html)| html.clone())
    }
}

type Res<T> = Result<T, ErrorPayload>;

pub const SCHEME: &str = "briefing";
/// What a served sheet may do: show its inline styles and nothing else.
const SHEET_CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SaveFormat {
    Html,
    Pdf,
}

async fn compose(state: &AppState, req: BriefingRequest) -> Res<Briefing> {
    state.run(move |db| briefing::compose(db, &req, time::now())).await
}

/// The composed sheet, or the form's field errors. Its HTML is kept for the preview frame.
#[tauri::command]
pub async fn compose_briefing(
    state: State<'_, AppState>,
    preview: State<'_, Preview>,
    request: BriefingRequest,
) -> Res<Briefing> {
    let sheet = compose(&state, request.clone()).await?;
    preview.keep(&request, briefing::render_html(&sheet));
    Ok(sheet)
}

/// Saves the sheet as HTML or PDF where the runner chooses. Returns the path written, or `None`
/// if the dialog was cancelled.
#[tauri::command]
pub async fn save_briefing<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: BriefingRequest,
    format: SaveFormat,
) -> Res<Option<String>> {
    let sheet = compose(&state, request).await?;
    let (ext, filter) = match format {
        SaveFormat::Html => ("html", "Web page"),
        SaveFormat::Pdf => ("pdf", "PDF document"),
    };
    let name = briefing::file_name(&sheet, ext);
    // Rendering a PDF takes tens of milliseconds of CPU: keep it off the async workers.
    let bytes = tauri::async_runtime::spawn_blocking(move || match format {
        SaveFormat::Html => Ok(briefing::render_html(&sheet).into_bytes()),
        SaveFormat::Pdf => {
            aftermile_pdf::render(&sheet).map_err(|e| ErrorPayload::internal(format!("Could not make the PDF: {e}")))
        }
    })
    .await
    .map_err(|e| ErrorPayload::internal(e.to_string()))??;

    let exts: &'static [&'static str] = match format {
        SaveFormat::Html => &["html"],
        SaveFormat::Pdf => &["pdf"],
    };
    let Some(path) = dialogs::save_file(&app, "Save the briefing sheet", &name, filter, exts).await? else {
        return Ok(None);
    };
    files::write_private(&path, &bytes).map_err(|e| e.payload())?;
    Ok(Some(path.display().to_string()))
}

/// Opens the sheet in its own window and brings up the system print dialog for it.
#[tauri::command]
pub async fn print_briefing<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: BriefingRequest,
) -> Res<()> {
    // Validate first, so a bad form gets field errors instead of an error page in a window.
    compose(&state, request.clone()).await?;
    let json = serde_json::to_string(&request).map_err(|e| ErrorPayload::internal(e.to_string()))?;
    let url = sheet_url(&json).map_err(ErrorPayload::internal)?;
    if let Some(old) = app.get_webview_window("briefing-print") {
        let _ = old.close();
    }
    WebviewWindowBuilder::new(&app, "briefing-print", WebviewUrl::CustomProtocol(url))
        .title("Briefing sheet")
        .inner_size(860.0, 1000.0)
        .on_navigation(crate::windows::sheet_only)
        .on_new_window(|_, _| tauri::webview::NewWindowResponse::Deny)
        .on_page_load(|window, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                if let Err(e) = window.print() {
                    eprintln!("Aftermile: print failed: {e}");
                }
            }
        })
        .build()
        .map_err(|e| ErrorPayload::internal(format!("Could not open the print window: {e}")))?;
    Ok(())
}

/// `briefing://localhost/<request JSON, percent-encoded>`; `http://briefing.localhost/…` where
/// the webview serves custom schemes over http (Windows, Android).
fn sheet_url(json: &str) -> Result<tauri::Url, String> {
    let base = if cfg!(any(windows, target_os = "android")) {
        format!("http://{SCHEME}.localhost/")
    } else {
        format!("{SCHEME}://localhost/")
    };
    let mut url = tauri::Url::parse(&base).map_err(|e| e.to_string())?;
    url.path_segments_mut()
        .map_err(|_| "not a base URL".to_string())?
        .push(json);
    Ok(url)
}

/// Serves the sheet for the request in the path. Errors come back as a short plain-text page.
pub fn protocol<R: tauri::Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let path = request.uri().path().trim_start_matches('/').to_owned();
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        let result = match percent_decode(&path).and_then(|j| serde_json::from_str::<BriefingRequest>(&j).ok()) {
            None => Err("That briefing link is not valid.".to_string()),
            Some(req) => match app.state::<Preview>().kept_for(&req) {
                Some(html) => Ok(html),
                // The print window, or a frame that asked before the page composed.
                None => compose(&state, req)
                    .await
                    .map(|b| briefing::render_html(&b))
                    .map_err(|e| e.message),
            },
        };
        let response = match result {
            Ok(html) => sheet_response(StatusCode::OK, "text/html; charset=utf-8", html),
            Err(msg) => sheet_response(StatusCode::BAD_REQUEST, "text/plain; charset=utf-8", msg),
        };
        responder.respond(response);
    });
}

fn sheet_response(status: StatusCode, content_type: &str, body: String) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CONTENT_SECURITY_POLICY, SHEET_CSP)
        .header(header::CACHE_CONTROL, "no-store")
        .body(body.into_bytes())
        .unwrap_or_else(|_| Response::new(Vec::new()))
}

/// Decodes `%XX` escapes; `None` for a malformed escape or text that is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_survives_the_url_round_trip() {
        let json = r#"{"note":"50% / <b> & é ?#"}"#;
        let url = sheet_url(json).unwrap();
        let path = url.path().trim_start_matches('/');
        assert_eq!(percent_decode(path).as_deref(), Some(json));
        assert_eq!(percent_decode("%zz"), None);
    }
}
