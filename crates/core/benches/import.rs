//! `make bench`: importing a Strava bulk export of 1,000 one-hour runs (half FIT, gzipped as
//! Strava stores them, half GPX) into ten years of daily entries, end to end: finding the files,
//! reading and parsing them, the duplicate checks and the writes, one transaction per file with
//! synchronous=FULL. Then the same export again (every file a duplicate), and the same export as
//! its zip.
//!
//! The app stores each file under its database lock, so the window's own reads wait for at most
//! one file. The first run does the same here, with a reader that lists the newest entries every
//! 20 ms on another thread, and reports how long those reads waited: that is how responsive the
//! window stays during an import. A measurement, not a test: nothing here asserts a time.

// A benchmark: plain file writes, the real clock and the environment are fine here.
#![allow(clippy::disallowed_methods)]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use aftermile_core::import::samples::{fit_run, gpx_run};
use aftermile_core::import::{self, Limits};
use aftermile_core::ops::import::{import_paths, ImportSummary, Importer};
use aftermile_core::sessions::{self, SessionQuery};
use aftermile_core::Db;
use chrono::{Duration as Days, NaiveDate, TimeZone, Utc};

use common::{seed, ZONE};

const RUNS: usize = 1_000;
const HOUR: u32 = 3_600;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let now = Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap();
    let db_path = dir.path().join("bench.sqlite3");
    let mut db = Db::open(&db_path).expect("open db");
    let seeded = seed(&mut db, NaiveDate::from_ymd_opt(2016, 11, 30).unwrap(), now);
    drop(db);
    let seeded_copy = dir.path().join("seeded.sqlite3");
    std::fs::copy(&db_path, &seeded_copy).expect("copy seeded db");

    let t = Instant::now();
    let export = write_export(dir.path(), now);
    let bytes = folder_bytes(&export);
    println!(
        "Seeded {seeded} sessions over 10 years; wrote a Strava-style export of {RUNS} one-hour runs \
         ({:.0} MB on disk) in {:.1} s.\n",
        mb(bytes),
        t.elapsed().as_secs_f64()
    );

    // 1. The export folder, with the window's reads alongside.
    let db = Arc::new(Mutex::new(Db::open(&db_path).expect("open db")));
    let stop = Arc::new(AtomicBool::new(false));
    let reader = spawn_reader(db.clone(), stop.clone());
    let t = Instant::now();
    let summary = import_locked(&db, std::slice::from_ref(&export), now);
    let first = t.elapsed();
    stop.store(true, Ordering::SeqCst);
    let waits = reader.join().expect("reader");
    check(&summary, RUNS, 0);

    // 2. The same export again: every file found, read, and recognised as already there.
    let mut db = Arc::try_unwrap(db).ok().expect("one owner").into_inner().unwrap();
    let t = Instant::now();
    let again = import_paths(
        &mut db,
        std::slice::from_ref(&export),
        now,
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .expect("again");
    let second = t.elapsed();
    check(&again, 0, RUNS);
    drop(db);

    // 3. The export as its zip, into the seeded database again.
    std::fs::copy(&seeded_copy, &db_path).expect("reset db");
    let _ = std::fs::remove_file(db_path.with_extension("sqlite3-wal"));
    let zip = zip_folder(&export, &dir.path().join("export.zip"));
    let zip_bytes = std::fs::metadata(&zip).expect("zip").len();
    let mut db = Db::open(&db_path).expect("open db");
    let t = Instant::now();
    let zipped = import_paths(&mut db, &[zip], now, &AtomicBool::new(false), &mut |_| {}).expect("zip");
    let third = t.elapsed();
    check(&zipped, RUNS, 0);

    println!("| import | activities | time | activities/s | MB/s |");
    println!("|---|---:|---:|---:|---:|");
    for (name, n, d, b) in [
        ("Strava export folder (500 FIT.gz + 500 GPX)", RUNS, first, bytes),
        ("the same folder again (all duplicates)", RUNS, second, bytes),
        ("the export as one zip", RUNS, third, bytes),
    ] {
        println!(
            "| {name} | {n} | {:.2} s | {:.0} | {:.1} |",
            d.as_secs_f64(),
            n as f64 / d.as_secs_f64(),
            mb(b) / d.as_secs_f64()
        );
    }
    println!(
        "\nMB/s counts the export's files as they are in the folder (the zip packs them into {:.0} MB).",
        mb(zip_bytes)
    );
    println!(
        "The window's reads during the first import (newest 50 entries, every 20 ms, {} reads): \
         p50 {}, p95 {}, max {}.",
        waits.len(),
        ms(pct(&waits, 0.50)),
        ms(pct(&waits, 0.95)),
        ms(pct(&waits, 1.0))
    );
}

/// The import as the app runs it: parsed off the lock, stored under it, one file at a time.
fn import_locked(db: &Mutex<Db>, paths: &[PathBuf], now: chrono::DateTime<Utc>) -> ImportSummary {
    let mut importer = Importer::start(&db.lock().unwrap(), now).expect("start");
    let totals = import::read(paths, &Limits::default(), &AtomicBool::new(false), |item, _| {
        importer.add(&mut db.lock().unwrap(), item)
    })
    .expect("import");
    importer.finish(&totals)
}

/// Lists the newest entries every 20 ms until told to stop; how long each took, waiting included.
fn spawn_reader(db: Arc<Mutex<Db>>, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<Vec<Duration>> {
    std::thread::spawn(move || {
        let q = SessionQuery {
            zone: ZONE.into(),
            limit: Some(50),
            ..Default::default()
        };
        let mut waits = Vec::new();
        while !stop.load(Ordering::SeqCst) {
            let t = Instant::now();
            let page = sessions::list(&db.lock().unwrap(), &q).expect("list");
            waits.push(t.elapsed());
            assert_eq!(page.items.len(), 50);
            std::thread::sleep(Duration::from_millis(20));
        }
        waits
    })
}

fn check(s: &ImportSummary, imported: usize, duplicates: usize) {
    assert_eq!(
        (s.imported.len(), s.duplicates.len(), s.skipped.len()),
        (imported, duplicates, 0),
        "{:?}",
        s.skipped.first()
    );
}

/// activities.csv and activities/, as Strava's "Download your data" lays them out: a run a day at
/// noon UTC from early 2024, every other one as FIT.gz.
fn write_export(dir: &Path, now: chrono::DateTime<Utc>) -> PathBuf {
    let root = dir.join("export_12345");
    let files = root.join("activities");
    std::fs::create_dir_all(&files).expect("mkdir");
    let mut csv = String::from(
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,\
         Filename,Elapsed Time,Moving Time,Distance,Workout Type\n",
    );
    let first = now - Days::days(RUNS as i64 + 1);
    for i in 0..RUNS {
        let start = (first + Days::days(i as i64))
            .date_naive()
            .and_hms_opt(12, 0, 0)
            .unwrap()
            .and_utc();
        let id = 9_000_000 + i;
        let name = if i % 2 == 0 {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(&fit_run(start, HOUR, 0)).expect("gzip");
            std::fs::write(files.join(format!("{id}.fit.gz")), gz.finish().expect("gzip")).expect("write");
            format!("activities/{id}.fit.gz")
        } else {
            std::fs::write(files.join(format!("{id}.gpx")), gpx_run(start, HOUR)).expect("write");
            format!("activities/{id}.gpx")
        };
        csv.push_str(&format!(
            "{id},\"{}\",Lunch Run,Run,,{HOUR},11.88,{name},{HOUR}.0,{HOUR}.0,11880.0,\n",
            start.format("%b %-d, %Y, %-I:%M:%S %p")
        ));
    }
    std::fs::write(root.join("activities.csv"), csv).expect("csv");
    root
}

fn zip_folder(root: &Path, to: &Path) -> PathBuf {
    let mut w = zip::ZipWriter::new(std::fs::File::create(to).expect("zip"));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(root.join("activities"))
        .expect("ls")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    entries.insert(0, root.join("activities.csv"));
    for p in entries {
        let name = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        w.start_file(name, opts).expect("entry");
        w.write_all(&std::fs::read(&p).expect("read")).expect("write");
    }
    w.finish().expect("finish");
    to.to_owned()
}

fn folder_bytes(root: &Path) -> u64 {
    let mut n = std::fs::metadata(root.join("activities.csv")).map_or(0, |m| m.len());
    for e in std::fs::read_dir(root.join("activities")).expect("ls") {
        n += e.expect("entry").metadata().expect("meta").len();
    }
    n
}

fn mb(b: u64) -> f64 {
    b as f64 / 1_000_000.0
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn pct(sorted_or_not: &[Duration], q: f64) -> Duration {
    let mut v = sorted_or_not.to_vec();
    v.sort();
    if v.is_empty() {
        return Duration::ZERO;
    }
    v[((v.len() as f64 * q).ceil() as usize)
        .saturating_sub(1)
        .min(v.len() - 1)]
}
