//! The TypeScript types the UI imports from `ui/src/lib/bindings/` are generated from these Rust
//! types and committed. This test regenerates them into a temp dir and fails when the committed
//! copy has drifted. Run `make bindings` (UPDATE_BINDINGS=1) to rewrite them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ts_rs::TS;

use crate::briefing::{Briefing, BriefingRequest};
use crate::content::Content;
use crate::error::ErrorPayload;
use crate::marks::{HeatMapQuery, Mark, MarkInput, RegionHistory};
use crate::recovery::{RuleSource, Warning};
use crate::regions::Region;
use crate::reminders::{Reminder, ReminderAction, ReminderInput, ReminderQuery, Snooze};
use crate::sessions::{Session, SessionInput, SessionPage, SessionQuery};
use crate::settings::Settings;
use crate::storage::backup::BackupInfo;
use crate::storage::health::StartupReport;
use crate::storage::restore::RestoreOutcome;
use crate::storage::wipe::WipeReport;
use crate::transfer::{ExportSummary, ImportReport, Progress};

fn committed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings")
}

fn export_all(dir: &Path) {
    let cfg = ts_rs::Config::new().with_out_dir(dir);
    // Each call also writes every type the root depends on.
    Session::export_all(&cfg).unwrap();
    SessionInput::export_all(&cfg).unwrap();
    SessionPage::export_all(&cfg).unwrap();
    SessionQuery::export_all(&cfg).unwrap();
    Settings::export_all(&cfg).unwrap();
    BackupInfo::export_all(&cfg).unwrap();
    RestoreOutcome::export_all(&cfg).unwrap();
    StartupReport::export_all(&cfg).unwrap();
    ExportSummary::export_all(&cfg).unwrap();
    ImportReport::export_all(&cfg).unwrap();
    Progress::export_all(&cfg).unwrap();
    WipeReport::export_all(&cfg).unwrap();
    Region::export_all(&cfg).unwrap();
    ErrorPayload::export_all(&cfg).unwrap();
    Mark::export_all(&cfg).unwrap();
    MarkInput::export_all(&cfg).unwrap();
    HeatMapQuery::export_all(&cfg).unwrap();
    RegionHistory::export_all(&cfg).unwrap();
    Content::export_all(&cfg).unwrap();
    Reminder::export_all(&cfg).unwrap();
    ReminderInput::export_all(&cfg).unwrap();
    ReminderQuery::export_all(&cfg).unwrap();
    ReminderAction::export_all(&cfg).unwrap();
    Snooze::export_all(&cfg).unwrap();
    RuleSource::export_all(&cfg).unwrap();
    Warning::export_all(&cfg).unwrap();
    Briefing::export_all(&cfg).unwrap();
    BriefingRequest::export_all(&cfg).unwrap();
}

fn read_tree(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".ts") {
            out.insert(name, std::fs::read_to_string(e.path()).unwrap());
        }
    }
    out
}

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let fresh = tempfile::tempdir().unwrap();
    export_all(fresh.path());
    let want = read_tree(fresh.path());
    assert!(want.contains_key("Session.ts"), "export produced {:?}", want.keys());

    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let dir = committed_dir();
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in &want {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    let have = read_tree(&committed_dir());
    let stale: Vec<_> = want
        .iter()
        .filter(|(k, v)| have.get(*k) != Some(v))
        .map(|(k, _)| k)
        .collect();
    let extra: Vec<_> = have.keys().filter(|k| !want.contains_key(*k)).collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "ui/src/lib/bindings drifted from the Rust types (stale: {stale:?}, extra: {extra:?}); run `make bindings`"
    );
}
