//! The walk over real paths in temp dirs: folders, zips, Strava exports as a folder and as a zip,
//! hidden files, caps, cancel, and a caller's failure.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use super::*;
use crate::import::fixtures_tests::{fixture, gpx_run, gzip, tcx_run, zip};
use crate::import::model::{Format, RunHint, SkipKind, Sport};

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn walk(paths: &[PathBuf], limits: &Limits) -> (Vec<Item>, Vec<Progress>, Totals) {
    let (mut items, mut progress) = (Vec::new(), Vec::new());
    let totals = read(paths, limits, &AtomicBool::new(false), |item, p| {
        items.push(item);
        progress.push(p);
        Ok(())
    })
    .unwrap();
    (items, progress, totals)
}

fn names(items: &[Item]) -> Vec<&str> {
    items.iter().map(|i| i.name.as_str()).collect()
}

fn activities(item: &Item) -> &[crate::import::Activity] {
    match &item.outcome {
        Outcome::Activities(a) => a,
        Outcome::Skipped(s) => panic!("{} was skipped: {}", item.name, s.message),
    }
}

fn skip(item: &Item) -> &crate::import::SkipReason {
    match &item.outcome {
        Outcome::Skipped(s) => s,
        Outcome::Activities(_) => panic!("{} was not skipped", item.name),
    }
}

#[test]
fn a_folder_is_walked_sorted_and_recursively_without_hidden_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("watch");
    write(&root.join("b.fit"), &fixture("Activity.fit"));
    write(
        &root.join("a/run.txt"),
        &gzip(gpx_run("Tempo", "2024-03-01T07:00:00Z", 4).as_bytes()),
    );
    write(
        &root.join(".hidden.gpx"),
        gpx_run("x", "2024-03-01T07:00:00Z", 4).as_bytes(),
    );
    write(&root.join(".git/config.gpx"), b"x");
    write(&root.join("c/Settings.fit"), &fixture("Settings.fit"));
    let (items, progress, totals) = walk(&[root], &Limits::default());
    assert_eq!(names(&items), vec!["a/run.txt", "b.fit", "c/Settings.fit"]);
    assert_eq!(activities(&items[0])[0].format, Format::Gpx, "a gzipped GPX named .txt");
    assert_eq!(skip(&items[2]).kind, SkipKind::NotActivity);
    assert_eq!(
        progress
            .iter()
            .map(|p| (p.done, p.total, p.current.as_str()))
            .collect::<Vec<_>>(),
        vec![(1, 3, "a/run.txt"), (2, 3, "b.fit"), (3, 3, "c/Settings.fit")]
    );
    assert_eq!(
        (totals.files, totals.activities, totals.skipped, totals.cancelled),
        (3, 2, 1, false)
    );
    let sha = items[1].sha256.as_deref().unwrap();
    assert_eq!(
        sha,
        crate::import::decode::sha256_hex(&fixture("Activity.fit")),
        "of the file as stored"
    );
}

#[test]
fn a_zip_s_entries_are_read_in_memory_as_files() {
    let dir = tempfile::tempdir().unwrap();
    let gpx = gpx_run("Tempo", "2024-03-01T07:00:00Z", 4);
    let z = zip(&[
        ("runs/", b""),
        ("runs/one.gpx.gz", &gzip(gpx.as_bytes())),
        ("runs/.DS_Store", b"junk"),
        ("__MACOSX/runs/._one.gpx.gz", b"junk"),
        ("runs/two.fit", &fixture("Activity.fit")),
    ]);
    let path = dir.path().join("backup.dat");
    write(&path, &z);
    let (items, _, totals) = walk(std::slice::from_ref(&path), &Limits::default());
    assert_eq!(
        names(&items),
        vec!["runs/one.gpx.gz", "runs/two.fit"],
        "a zip known by its bytes, not its name"
    );
    assert_eq!(activities(&items[0])[0].name.as_deref(), Some("Tempo"));
    assert_eq!(
        items[0].sha256.as_deref().unwrap(),
        crate::import::decode::sha256_hex(&gzip(gpx.as_bytes())),
        "before gunzip"
    );
    assert_eq!(totals.activities, 2);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "nothing was extracted to disk");
}

const CSV: &str = "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Filename,Elapsed Time,Moving Time,Distance,Workout Type
1001,\"Apr 9, 2012, 9:22:26 PM\",Track session,Run,Fast,14,0.01,activities/1001.fit.gz,14.0,14.0,5.7,1.0
1002,\"Mar 2, 2024, 7:00:00 AM\",Intervals,Run,,30,0.09,activities/1002.tcx.gz,30.0,30.0,90.0,3.0
1003,\"Mar 3, 2024, 7:00:00 AM\",Long one,Run,,30,0.1,activities/1003.gpx,30.0,30.0,100.0,2.0
1004,\"Mar 4, 2024, 7:00:00 AM\",Lost file,Run,,30,0.1,activities/1004.gpx,30.0,30.0,100.0,0.0
1005,\"Mar 5, 2024, 7:00:00 AM\",Yoga,Yoga,,3600,0,,3600.0,3600.0,0.0,
";

/// A Strava export's files, relative to its root.
fn export() -> Vec<(String, Vec<u8>)> {
    vec![
        ("activities.csv".into(), CSV.as_bytes().to_vec()),
        ("profile.csv".into(), b"name\nme\n".to_vec()),
        ("media/photo.jpg".into(), b"\xff\xd8\xff".to_vec()),
        ("activities/.DS_Store".into(), b"junk".to_vec()),
        ("activities/1001.fit.gz".into(), gzip(&fixture("Activity.fit"))),
        (
            "activities/1002.tcx.gz".into(),
            gzip(tcx_run("2024-03-02T07:00:00Z", 4).as_bytes()),
        ),
        (
            "activities/1003.gpx".into(),
            gpx_run("Morning Run", "2024-03-03T07:00:00Z", 4).into_bytes(),
        ),
        (
            "activities/2000.gpx".into(),
            gpx_run("Not in the CSV", "2024-03-06T07:00:00Z", 4).into_bytes(),
        ),
    ]
}

fn check_export(items: &[Item], totals: &Totals, root: &str) {
    let want: Vec<String> = ["1001.fit.gz", "1002.tcx.gz", "1003.gpx", "1004.gpx", "2000.gpx"]
        .iter()
        .map(|f| format!("{root}activities/{f}"))
        .collect();
    assert_eq!(
        names(items),
        want,
        "rows in the CSV's order, then files it does not list"
    );
    let fit = &activities(&items[0])[0];
    assert_eq!(
        (fit.name.as_deref(), fit.description.as_deref()),
        (Some("Track session"), Some("Fast"))
    );
    assert_eq!(
        (fit.sport, fit.sub, fit.format),
        (Sport::Running, RunHint::Race, Format::Fit)
    );
    let tcx = &activities(&items[1])[0];
    assert_eq!(
        (tcx.name.as_deref(), tcx.sub, tcx.format),
        (Some("Intervals"), RunHint::Workout, Format::Tcx)
    );
    let gpx = &activities(&items[2])[0];
    assert_eq!(
        (gpx.name.as_deref(), gpx.sub),
        (Some("Long one"), RunHint::LongRun),
        "the CSV's name wins over the file's"
    );
    let lost = skip(&items[3]);
    assert_eq!(lost.kind, SkipKind::Unreadable);
    assert_eq!(
        lost.message,
        format!("\"{root}activities/1004.gpx\" is listed in activities.csv but is not in the export.")
    );
    assert_eq!(items[3].sha256, None);
    let extra = &activities(&items[4])[0];
    assert_eq!(
        (extra.name.as_deref(), extra.sub),
        (Some("Not in the CSV"), RunHint::None)
    );
    assert_eq!(totals.strava_rows_without_file, 1, "the hand-entered yoga");
    assert_eq!((totals.files, totals.activities, totals.skipped), (5, 4, 1));
}

#[test]
fn a_strava_export_folder_takes_names_and_types_from_its_csv() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("export_42");
    for (name, bytes) in export() {
        write(&root.join(name), &bytes);
    }
    let (items, _, totals) = walk(&[dir.path().to_owned()], &Limits::default());
    check_export(&items, &totals, "export_42/");
}

#[test]
fn a_strava_export_zip_with_or_without_a_top_folder() {
    for top in ["", "export_42/"] {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<(String, Vec<u8>)> = export().into_iter().map(|(n, b)| (format!("{top}{n}"), b)).collect();
        let entries: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        let path = dir.path().join("export.zip");
        write(&path, &zip(&entries));
        let (items, _, totals) = walk(&[path], &Limits::default());
        check_export(&items, &totals, top);
    }
}

#[test]
fn caps_missing_paths_and_bombs_become_items_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.fit");
    write(&big, &fixture("sample_mulitple_header.fit"));
    let bomb = dir.path().join("bomb.zip");
    write(&bomb, &zip(&[("zeros.gpx", &vec![b' '; 8 * 1024 * 1024])]));
    let gone = dir.path().join("gone.gpx");
    let limits = Limits {
        max_file_bytes: 10_000,
        ..Limits::default()
    };
    let (items, _, totals) = walk(&[big, bomb, gone], &limits);
    let reasons: Vec<(SkipKind, &str)> = items.iter().map(|i| (skip(i).kind, skip(i).message.as_str())).collect();
    assert_eq!(
        reasons[0],
        (
            SkipKind::TooLarge,
            "\"big.fit\" is 79 KB, over the 10 KB an activity file may be, so it was not read."
        )
    );
    assert_eq!(reasons[1].0, SkipKind::TooLarge);
    assert!(
        reasons[1].1.starts_with("\"zeros.gpx\" unpacks to more than 10 KB"),
        "{}",
        reasons[1].1
    );
    assert_eq!(
        reasons[2],
        (
            SkipKind::Unreadable,
            "\"gone.gpx\" could not be opened (there is no such file or folder)."
        )
    );
    assert!(items.iter().all(|i| i.sha256.is_none()));
    assert_eq!(totals.skipped, 3);

    let (items, _, _) = walk(&[dir.path().join("bomb.zip")], &Limits::default());
    assert!(
        skip(&items[0]).message.contains("zip bomb"),
        "{}",
        skip(&items[0]).message
    );
}

#[test]
fn cancel_stops_between_files_and_a_caller_s_error_stops_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(&dir.path().join(format!("{i}.fit")), &fixture("Activity.fit"));
    }
    let cancel = AtomicBool::new(false);
    let mut seen = 0;
    let totals = read(&[dir.path().to_owned()], &Limits::default(), &cancel, |_, p| {
        seen += 1;
        if p.done == 2 {
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(())
    })
    .unwrap();
    assert_eq!(
        (seen, totals.files, totals.cancelled),
        (2, 2, true),
        "nothing is delivered after cancel"
    );

    let mut calls = 0;
    let err = read(
        &[dir.path().to_owned()],
        &Limits::default(),
        &AtomicBool::new(false),
        |_, _| {
            calls += 1;
            Err(crate::Error::DiskFull)
        },
    )
    .unwrap_err();
    assert_eq!((err.code(), calls), ("disk_full", 1));
}

#[test]
fn one_decoder_or_several_give_the_same_items_in_the_same_order() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in export() {
        write(&dir.path().join("export").join(name), &bytes);
    }
    for i in 0..12 {
        write(
            &dir.path().join(format!("more/{i:02}.fit.gz")),
            &gzip(&fixture("Activity.fit")),
        );
    }
    write(&dir.path().join("more/bad.fit"), &fixture("Activity.fit")[..300]);
    let paths = [dir.path().to_owned()];
    let run = |decoders| {
        let mut items = Vec::new();
        let mut dones = Vec::new();
        let p = crate::import::plan::plan(&paths, &Limits::default());
        let totals = read_plan(
            p,
            &Limits::default(),
            &AtomicBool::new(false),
            decoders,
            |item, progress| {
                items.push(item);
                dones.push(progress.done);
                Ok(())
            },
        )
        .unwrap();
        (items, dones, totals)
    };
    let (one, dones, totals) = run(1);
    assert_eq!(one.len(), 18);
    assert_eq!(dones, (1..=18).collect::<Vec<_>>());
    for decoders in [2, 3, 4] {
        let (many, dones_many, totals_many) = run(decoders);
        assert_eq!(many, one, "{decoders} decoders");
        assert_eq!((dones_many, totals_many), (dones.clone(), totals.clone()));
    }
}

#[test]
fn cancel_and_a_caller_s_error_stop_a_single_decoder_too() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..5 {
        write(&dir.path().join(format!("{i}.fit")), &fixture("Activity.fit"));
    }
    let cancel = AtomicBool::new(false);
    let p = crate::import::plan::plan(&[dir.path().to_owned()], &Limits::default());
    let mut seen = 0;
    let totals = read_plan(p, &Limits::default(), &cancel, 1, |_, _| {
        seen += 1;
        cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    })
    .unwrap();
    assert_eq!((seen, totals.files, totals.cancelled), (1, 1, true));
    let p = crate::import::plan::plan(&[dir.path().to_owned()], &Limits::default());
    let err = read_plan(p, &Limits::default(), &AtomicBool::new(false), 1, |_, _| {
        Err(crate::Error::DiskFull)
    })
    .unwrap_err();
    assert_eq!(err.code(), "disk_full");
}

#[test]
fn an_activities_csv_that_is_not_strava_s_leaves_a_plain_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("activities.csv"), b"date,km\n2024-01-01,5\n");
    write(&dir.path().join("run.fit"), &fixture("Activity.fit"));
    let (items, _, _) = walk(&[dir.path().to_owned()], &Limits::default());
    assert_eq!(names(&items), vec!["activities.csv", "run.fit"]);
    assert_eq!(
        skip(&items[0]).message,
        "\"activities.csv\" is not a FIT, GPX or TCX file."
    );
    assert_eq!(activities(&items[1]).len(), 1);
}

#[test]
fn bytes_already_in_hand_read_as_a_file_would() {
    let bytes = gzip(&fixture("Activity.fit"));
    let item = crate::import::read_bytes("drop.fit.gz", &bytes, &Limits::default());
    assert_eq!(item.name, "drop.fit.gz");
    assert_eq!(
        item.sha256.as_deref(),
        Some(crate::import::decode::sha256_hex(&bytes).as_str())
    );
    assert_eq!(activities(&item)[0].sport, Sport::Running);
    let item = crate::import::read_bytes("notes.txt", b"hello", &Limits::default());
    assert_eq!(skip(&item).kind, SkipKind::Unsupported);
}
