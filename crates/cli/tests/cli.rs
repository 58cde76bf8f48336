//! `aftermile-cli import`, run as a runner's script would run it: on a data folder, with files
//! from the samples, reading its output and exit code.

// A test: plain file writes, the real clock and the environment are fine here.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use aftermile_core::import::samples::{fit_run, gpx_run};
use chrono::{TimeZone, Utc};

fn cli() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_aftermile-cli"));
    c.env_remove("AFTERMILE_DATA_DIR");
    c
}

/// A folder as the e2e suite has it: a FIT run, the same run as GPX, a ride, a damaged file.
fn samples(dir: &Path) -> PathBuf {
    let folder = dir.join("watch");
    std::fs::create_dir_all(&folder).unwrap();
    let start = Utc.with_ymd_and_hms(2026, 9, 12, 6, 0, 0).unwrap();
    std::fs::write(folder.join("run.fit"), fit_run(start, 3600, 3600)).unwrap();
    std::fs::write(folder.join("run.gpx"), gpx_run(start, 3600)).unwrap();
    let ride = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/tests/fixtures/activities/garmin-fenix-5-bike.fit"
    ))
    .unwrap();
    std::fs::write(folder.join("ride.fit"), ride).unwrap();
    let mut cut = fit_run(start - chrono::Duration::days(1), 900, 3600);
    cut.truncate(cut.len() / 3);
    std::fs::write(folder.join("broken.fit"), cut).unwrap();
    folder
}

fn run(args: &[&str]) -> Output {
    cli().args(args).output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn imports_a_folder_as_json_and_a_second_time_adds_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = samples(tmp.path());
    let data = tmp.path().join("data");
    let (d, f) = (data.to_str().unwrap(), folder.to_str().unwrap());

    let first = json(&run(&["import", "--data-dir", d, "--json", f]));
    assert_eq!(first["imported"], 2);
    assert_eq!(first["duplicates"], 1);
    assert_eq!(first["crossTraining"], 1);
    assert_eq!(first["skipped"], 1);
    let sessions = first["sessions"].as_array().unwrap();
    let run_entry = sessions.iter().find(|s| s["kind"] == "easy_run").unwrap();
    assert_eq!(run_entry["start"], "2026-09-12T06:00:00Z");
    assert_eq!(run_entry["movingS"], 3599);
    assert!(run_entry["distanceM"].as_f64().unwrap() > 11_000.0);
    assert!(run_entry["trimp"].as_f64().unwrap() > 0.0);
    assert!(run_entry["id"].as_str().unwrap().len() >= 32);
    assert!(sessions.iter().any(|s| s["kind"] == "cross_training"));
    assert_eq!(first["duplicateFiles"][0]["file"], "run.gpx");
    assert_eq!(first["skippedFiles"][0]["file"], "broken.fit");
    assert_eq!(first["skippedFiles"][0]["why"], "corrupt");

    let again = json(&run(&["import", "--data-dir", d, "--json", f]));
    assert_eq!(
        (again["imported"].as_u64(), again["duplicates"].as_u64()),
        (Some(0), Some(3))
    );
    assert!(data.join("db").join(aftermile_core::storage::paths::DB_FILE).exists());
}

#[test]
fn prints_a_summary_in_words_without_json() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = samples(tmp.path());
    let out = run(&[
        "import",
        "--data-dir",
        tmp.path().join("data").to_str().unwrap(),
        folder.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("2 imported (1 cross-training), 1 already in your log, 1 skipped, from 4 files."),
        "{text}"
    );
    assert!(
        text.contains("duplicate: run.gpx matched Easy run on Sat 12 Sep 2026"),
        "{text}"
    );
    assert!(text.contains("skipped: \"broken.fit\" is a damaged FIT file"), "{text}");
}

#[test]
fn refuses_while_the_app_holds_the_data_folder_and_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = samples(tmp.path());
    let data = tmp.path().join("data");
    // As the app does for as long as it runs.
    let held = aftermile_core::storage::lock::acquire(&data).unwrap();
    let out = run(&["import", "--data-dir", data.to_str().unwrap(), folder.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("in use by another program"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    let db_file = data.join("db").join(aftermile_core::storage::paths::DB_FILE);
    assert!(!db_file.exists(), "no database was created behind the app's back");
    drop(held);
    let out = run(&["import", "--data-dir", data.to_str().unwrap(), folder.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn takes_the_data_folder_from_the_environment() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = samples(tmp.path());
    let data = tmp.path().join("from-env");
    let out = cli()
        .env("AFTERMILE_DATA_DIR", &data)
        .args(["import", "--json", folder.join("run.fit").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(json(&out)["imported"], 1);
    assert!(data.join("db").is_dir());
}

#[test]
fn a_missing_path_is_a_skipped_line_and_no_arguments_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = json(&run(&[
        "import",
        "--data-dir",
        data.to_str().unwrap(),
        "--json",
        tmp.path().join("nope.fit").to_str().unwrap(),
    ]));
    assert_eq!(out["skippedFiles"][0]["why"], "unreadable");
    assert!(out["skippedFiles"][0]["message"]
        .as_str()
        .unwrap()
        .contains("no such file or folder"));
    let usage = run(&["import"]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("PATH"));
}

#[test]
fn load_prints_the_daily_series_of_what_was_imported() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = samples(tmp.path());
    let data = tmp.path().join("data");
    let d = data.to_str().unwrap();
    json(&run(&["import", "--data-dir", d, "--json", folder.to_str().unwrap()]));
    let out = json(&run(&[
        "load",
        "--data-dir",
        d,
        "--from",
        "2026-09-10",
        "--to",
        "2026-09-14",
        "--json",
    ]));
    let days = out.as_array().unwrap();
    assert_eq!(days.len(), 5);
    assert_eq!(days[0]["date"], "2026-09-10");
    let run_day = days.iter().find(|p| p["date"] == "2026-09-12").unwrap();
    // The run and the ride have heart rate but no rating: TRIMP, and unrated sessions.
    assert!(run_day["trimp"].as_f64().unwrap() > 0.0, "{run_day}");
    assert_eq!(run_day["srpe"], 0.0);
    assert!(run_day["unrated"].as_u64().unwrap() >= 1, "{run_day}");
    for key in ["acute", "chronic", "form", "ratio", "sessions"] {
        assert!(run_day.get(key).is_some(), "{key} in {run_day}");
    }
    assert!(run_day["ratio"].is_null(), "undefined before 28 days");
    let table = run(&["load", "--data-dir", d, "--from", "2026-09-12", "--to", "2026-09-12"]);
    assert!(table.status.success());
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.starts_with("date ") && text.contains("2026-09-12"), "{text}");
}

#[test]
fn load_names_a_bad_date_and_a_missing_data_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("nothing");
    let out = run(&["load", "--data-dir", d.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no Aftermile data"));
    let folder = samples(tmp.path());
    let data = tmp.path().join("data");
    json(&run(&[
        "import",
        "--data-dir",
        data.to_str().unwrap(),
        "--json",
        folder.to_str().unwrap(),
    ]));
    let bad = run(&["load", "--data-dir", data.to_str().unwrap(), "--from", "12/09/2026"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("--from"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
    let backwards = run(&[
        "load",
        "--data-dir",
        data.to_str().unwrap(),
        "--from",
        "2026-09-14",
        "--to",
        "2026-09-10",
    ]);
    assert_eq!(backwards.status.code(), Some(1));
}
