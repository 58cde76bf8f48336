//! The commands through Tauri's mock runtime (no window, no webview), and the four command lists
//! kept equal.

// Test set-up writes plain files.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, Mutex};

use aftermile_core::events::{DataArea, DataChanged};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

use crate::state::AppState;

struct Harness {
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    changes: Arc<Mutex<Vec<DataChanged>>>,
    _dir: tempfile::TempDir,
}

fn app() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let changes = Arc::new(Mutex::new(Vec::new()));
    let seen = changes.clone();
    let state = AppState::open_at(dir.path().join("data"), Box::new(move |c| seen.lock().unwrap().push(c)));
    let app = mock_builder()
        .invoke_handler(super::handler())
        .build(mock_context(noop_assets()))
        .unwrap();
    super::manage(&app, state);
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    Harness {
        _app: app,
        window,
        changes,
        _dir: dir,
    }
}

fn call(h: &Harness, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        &h.window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap())
}

fn run(start: &str) -> Value {
    json!({
        "startLocal": start, "zone": "Europe/London", "durationS": 2400, "distanceM": 8000.0,
        "rpe": 4, "notes": "easy", "details": { "kind": "easy_run" }
    })
}

#[test]
fn a_saved_session_lists_and_says_what_changed() {
    let h = app();
    let saved = call(&h, "create_session", json!({ "input": run("2026-03-01T07:00") })).unwrap();
    assert_eq!(saved["notes"], "easy");
    assert_eq!(saved["startUtc"], "2026-03-01T07:00:00Z");
    let page = call(&h, "list_sessions", json!({ "query": { "kinds": [], "zone": "UTC" } })).unwrap();
    assert_eq!(page["items"][0]["id"], saved["id"]);
    assert_eq!(
        *h.changes.lock().unwrap(),
        [DataChanged {
            areas: vec![DataArea::Sessions, DataArea::Reminders]
        }],
        "one write, one data-changed event"
    );
}

#[test]
fn bad_input_comes_back_as_the_payload_and_writes_nothing() {
    let h = app();
    let mut input = run("2026-03-01T07:00");
    input["rpe"] = json!(12);
    let err = call(&h, "create_session", json!({ "input": input })).unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert_eq!(err["field"], "rpe");
    assert!(h.changes.lock().unwrap().is_empty(), "a refused write is no change");
    let page = call(&h, "list_sessions", json!({ "query": { "kinds": [], "zone": "UTC" } })).unwrap();
    assert_eq!(page["items"], json!([]));
}

#[test]
fn delete_all_refuses_a_wrong_word_before_asking_anything() {
    let h = app();
    call(&h, "create_session", json!({ "input": run("2026-03-01T07:00") })).unwrap();
    let err = call(&h, "delete_all_data", json!({ "confirm": "delete" })).unwrap_err();
    assert_eq!(err["field"], "confirm");
    let page = call(&h, "list_sessions", json!({ "query": { "kinds": [], "zone": "UTC" } })).unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
}

#[test]
fn declining_the_native_confirmation_leaves_the_data_alone() {
    // The confirmation hook answers the native dialog; no other test here reaches a dialog.
    std::env::set_var("AFTERMILE_CONFIRM", "no");
    let h = app();
    let id = call(&h, "create_session", json!({ "input": run("2026-03-01T07:00") })).unwrap()["id"].clone();
    let backup = call(&h, "back_up_now", json!({})).unwrap();
    call(
        &h,
        "update_session",
        json!({ "id": id, "input": run("2026-03-02T07:00") }),
    )
    .unwrap();
    let declined = call(&h, "restore_backup", json!({ "name": backup["name"] })).unwrap_err();
    assert_eq!(declined["field"], "confirm", "{declined}");
    let wipe = call(&h, "delete_all_data", json!({ "confirm": "DELETE" })).unwrap_err();
    std::env::remove_var("AFTERMILE_CONFIRM");
    assert_eq!(wipe["field"], "confirm", "{wipe}");
    let kept = call(&h, "get_session", json!({ "id": id })).unwrap();
    assert_eq!(kept["startLocal"], "2026-03-02T07:00", "not restored");
    let backups = call(&h, "list_backups", json!({})).unwrap();
    assert!(!backups.as_array().unwrap().is_empty(), "not wiped");
}

#[test]
fn the_preview_frame_gets_the_sheet_the_page_composed() {
    let h = app();
    let request = json!({
        "appointment": "2026-03-10", "zone": "Europe/London", "goals": [], "pressure": null,
        "shareContact": false, "shareHealth": { "injuries": false, "medication": false, "allergies": false },
        "note": "left calf please"
    });
    call(&h, "compose_briefing", json!({ "request": request.clone() })).unwrap();
    let preview = h.window.state::<super::briefing::Preview>();
    let parsed: aftermile_core::briefing::BriefingRequest = serde_json::from_value(request).unwrap();
    let html = preview.kept_for(&parsed).expect("kept for the frame");
    assert!(html.contains("left calf please"));
}

// --- The four lists of commands. ---

#[test]
fn files_dropped_on_the_window_are_imported_and_the_window_hears_how_it_went() {
    use aftermile_core::events::{IMPORT_FINISHED, IMPORT_PROGRESS};
    use aftermile_core::import::samples::{fit_run, gpx_run};
    use tauri::{DragDropEvent, Listener};

    let h = app();
    let folder = h._dir.path().join("watch");
    std::fs::create_dir_all(&folder).unwrap();
    let start = aftermile_core::time::parse_rfc3339("2026-09-12T06:00:00Z").unwrap();
    std::fs::write(folder.join("run.fit"), fit_run(start, 1800, 3600)).unwrap();
    std::fs::write(folder.join("run.gpx"), gpx_run(start, 1800)).unwrap();
    std::fs::write(folder.join("notes.txt"), "not an activity").unwrap();

    let heard = Arc::new(Mutex::new(Vec::<(String, Value)>::new()));
    for name in [IMPORT_PROGRESS, IMPORT_FINISHED] {
        let heard = heard.clone();
        h.window.listen(name, move |e| {
            heard
                .lock()
                .unwrap()
                .push((name.to_owned(), serde_json::from_str(e.payload()).unwrap()));
        });
    }
    let window = h.window.as_ref().window();
    crate::drop::on_event(
        &window,
        &DragDropEvent::Drop {
            paths: vec![folder],
            position: Default::default(),
        },
    );
    let finished = (0..200)
        .find_map(|_| {
            std::thread::sleep(std::time::Duration::from_millis(50));
            let heard = heard.lock().unwrap();
            heard.iter().find(|(n, _)| n == IMPORT_FINISHED).map(|(_, v)| v.clone())
        })
        .expect("import-finished within 10 s");
    assert_eq!(finished["error"], Value::Null);
    let summary = &finished["summary"];
    assert_eq!(summary["imported"].as_array().unwrap().len(), 1, "{summary}");
    assert_eq!(summary["duplicates"].as_array().unwrap().len(), 1);
    assert_eq!(summary["skipped"][0]["why"], "unsupported");
    let progress: Vec<Value> = heard
        .lock()
        .unwrap()
        .iter()
        .filter(|(n, _)| n == IMPORT_PROGRESS)
        .map(|(_, v)| v.clone())
        .collect();
    assert_eq!(progress.first().unwrap()["total"], 0, "the first says an import began");
    assert_eq!(progress.last().unwrap()["done"], 3, "the last is always sent");
    let page = call(&h, "list_sessions", json!({ "query": { "kinds": [], "zone": "UTC" } })).unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert_eq!(page["items"][0]["measured"]["source"]["format"], "fit");
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every `"…"` string inside the `[...]` that follows `marker`.
fn quoted_list(text: &str, marker: &str) -> BTreeSet<String> {
    let start = text.find(marker).unwrap_or_else(|| panic!("{marker} not found")) + marker.len();
    let body = &text[start..start + text[start..].find(']').unwrap()];
    body.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

#[test]
fn every_command_is_declared_granted_handled_and_called_and_no_other() {
    let declared = quoted_list(&read("src-tauri/build.rs"), "const COMMANDS: &[&str] = &[");
    let granted: BTreeSet<String> = {
        let cap: Value = serde_json::from_str(&read("src-tauri/capabilities/main.json")).unwrap();
        cap["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
            .map(|p| p.replace('-', "_"))
            .collect()
    };
    let mut perf_handled = BTreeSet::new();
    let handled: BTreeSet<String> = {
        let text = read("src-tauri/src/commands/mod.rs");
        let start = text.find("generate_handler![").unwrap() + "generate_handler![".len();
        let body = &text[start..start + text[start..].find("\n    ]").unwrap()];
        // The bench hook's commands exist only in a `perf` build (src-tauri/src/perf.rs): each
        // sits under its cfg line, and neither is part of the app the UI calls.
        let mut lines = body.lines().map(str::trim).filter(|l| !l.is_empty());
        let mut names = BTreeSet::new();
        while let Some(line) = lines.next() {
            let perf = line.starts_with("#[cfg(feature = \"perf\")]");
            let line = if perf { lines.next().unwrap_or_default() } else { line };
            if let Some(name) = line.trim_end_matches(',').rsplit("::").next() {
                if perf { &mut perf_handled } else { &mut names }.insert(name.to_owned());
            }
        }
        names
    };
    let called: BTreeSet<String> = {
        let text = read("ui/src/lib/api.ts");
        text.match_indices("call<")
            .filter_map(|(i, _)| {
                let rest = &text[i..];
                let open = rest.find("('")?;
                let name = &rest[open + 2..];
                Some(name[..name.find('\'')?].to_owned())
            })
            .collect()
    };
    assert!(declared.len() > 30, "{declared:?}");
    assert_eq!(granted, declared, "capabilities/main.json vs build.rs");
    assert_eq!(handled, declared, "commands::handler vs build.rs");
    assert_eq!(called, declared, "ui/src/lib/api.ts vs build.rs");
    // The bench hook's commands, listed in three places for a `perf` build, must agree too.
    let perf_declared = quoted_list(&read("src-tauri/build.rs"), "const PERF_COMMANDS: &[&str] = &[");
    let perf_granted = quoted_list(&read("src-tauri/src/perf.rs"), "const COMMANDS: &[&str] = &[");
    assert_eq!(
        perf_handled, perf_declared,
        "perf commands: commands::handler vs build.rs"
    );
    assert_eq!(perf_granted, perf_declared, "perf commands: perf.rs vs build.rs");
}
