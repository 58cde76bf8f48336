//! `aftermile-cli import`: the app's import (`ops::import`), on the same data folder, with the
//! same summary, as text or as JSON.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use aftermile_core::ops::import::{self, ImportSummary};
use aftermile_core::storage::Db;
use aftermile_core::time;
use serde::Serialize;

/// One new session, as `--json` lists it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NewSession {
    id: String,
    start: String,
    kind: aftermile_core::sessions::SessionKind,
    distance_m: Option<f64>,
    moving_s: Option<i32>,
    trimp: Option<f64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonSummary<'a> {
    imported: usize,
    duplicates: usize,
    cross_training: u32,
    skipped: usize,
    cancelled: bool,
    sessions: Vec<NewSession>,
    duplicate_files: &'a [import::DuplicateEntry],
    skipped_files: &'a [import::SkippedEntry],
}

pub fn run(db: &mut Db, paths: &[PathBuf], json: bool) -> anyhow::Result<ImportSummary> {
    let cancel = AtomicBool::new(false);
    let quiet = json || !std::io::IsTerminal::is_terminal(&std::io::stderr());
    let mut progress = |p: import::ImportProgress| {
        if !quiet {
            eprint!("\r{} of {} files: {:<60}", p.done, p.total, clip(&p.current, 60));
        }
    };
    let summary = import::import_paths(db, paths, time::now(), &cancel, &mut progress)?;
    if !quiet {
        eprintln!();
    }
    if json {
        let out = JsonSummary {
            imported: summary.imported.len(),
            duplicates: summary.duplicates.len(),
            cross_training: summary.cross_training,
            skipped: summary.skipped.len(),
            cancelled: summary.cancelled,
            sessions: summary
                .imported
                .iter()
                .map(|e| NewSession {
                    id: e.session_id.clone(),
                    start: time::rfc3339(e.start_utc),
                    kind: e.kind,
                    distance_m: e.distance_m,
                    moving_s: e.moving_s,
                    trimp: e.trimp,
                })
                .collect(),
            duplicate_files: &summary.duplicates,
            skipped_files: &summary.skipped,
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        print_text(&summary);
    }
    Ok(summary)
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let tail: String = s
            .chars()
            .rev()
            .take(n - 1)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("…{tail}")
    }
}

fn print_text(s: &ImportSummary) {
    println!(
        "{} imported ({} cross-training), {} already in your log, {} skipped, from {} files.",
        s.imported.len(),
        s.cross_training,
        s.duplicates.len(),
        s.skipped.len(),
        s.files
    );
    for d in &s.duplicates {
        println!("  duplicate: {} matched {}", d.file, d.matched);
    }
    for k in &s.skipped {
        println!("  skipped: {}", k.message);
    }
    if s.cancelled {
        println!("Stopped before every file was read; what was imported stays.");
    }
}
