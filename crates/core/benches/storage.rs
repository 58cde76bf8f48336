//! `make bench`: storage speed on ten years of daily sessions and soreness marks in a temp-file database with the
//! real pragmas (WAL, synchronous=FULL). Prints p50/p95 per operation as a Markdown table; it is a
//! measurement, not a test, so nothing here asserts a time.

// A test, benchmark or fixture tool: plain file writes, the real clock and the environment are fine here.
#![allow(clippy::disallowed_methods)]

use std::time::{Duration, Instant};

use aftermile_core::marks::{self, HeatMapQuery};
use aftermile_core::sessions::{self, *};
use aftermile_core::Db;
use chrono::{Duration as Days, NaiveDate, TimeZone, Utc};

mod common;

use common::{run, seed, seed_marks, MARK_REGIONS, YEARS, ZONE};

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut db = Db::open(&dir.path().join("bench.sqlite3")).expect("open db");
    let now = Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap();
    let first = NaiveDate::from_ymd_opt(2016, 11, 30).unwrap();

    let seeded = seed(&mut db, first, now);
    println!("Seeded {seeded} sessions over {YEARS} years ({first} to 2026-11-29).\n");

    let mut rows = Vec::new();
    let mut day = 0;
    rows.push(measure("save one entry", 200, || {
        day += 1;
        let start = format!("2026-11-{:02}T19:{:02}", 1 + day % 28, day % 60);
        aftermile_core::ops::sessions::create(&mut db, &run(&start, &format!("bench {day}")), now).expect("insert");
    }));
    let mut month = 0;
    rows.push(measure("list a month", 200, || {
        month = (month + 7) % (12 * YEARS as u32);
        let from = first + Days::days(i64::from(month) * 30);
        let page = list(&db, &range(from, from + Days::days(30), 500));
        assert!(page.items.len() >= 28, "a month holds a run a day");
    }));
    let mut year = 0;
    rows.push(measure("list a year", 50, || {
        year = (year + 3) % YEARS;
        let from = first + Days::days(year * 365);
        let mut cursor = None;
        let mut n = 0;
        loop {
            let page = list(
                &db,
                &SessionQuery {
                    cursor,
                    ..range(from, from + Days::days(364), 500)
                },
            );
            n += page.items.len();
            cursor = page.next_cursor;
            if cursor.is_none() {
                break;
            }
        }
        assert!(n >= 365);
    }));
    rows.push(measure("list newest 50", 200, || {
        let page = list(
            &db,
            &SessionQuery {
                zone: ZONE.into(),
                limit: Some(50),
                ..Default::default()
            },
        );
        assert_eq!(page.items.len(), 50);
    }));

    let marked = seed_marks(&mut db, first, now);
    println!("Seeded {marked} soreness marks over the same years.\n");
    rows.push(measure("heat map, last 7 days", 200, || {
        let map = marks::heat_map(&db, &HeatMapQuery { days: Some(7) }, now).expect("heat map");
        assert!(!map.is_empty());
    }));
    let mut r = 0;
    rows.push(measure("one region's history", 200, || {
        r = (r + 1) % MARK_REGIONS.len();
        let h = marks::history(&db, MARK_REGIONS[r]).expect("history");
        assert!(!h.marks.is_empty());
    }));
    // Today's one call (budget: p95 ≤ 20 ms), on the day after a race so every section is full.
    let london: chrono_tz::Tz = ZONE.parse().expect("zone");
    rows.push(measure("Today page (one call)", 100, || {
        let t = aftermile_core::today::compose(&db, now, london).expect("today");
        assert!(!t.empty && t.weeks.len() == 52 && t.series.len() == 84);
        assert!(t.load.ratio.is_some() && !t.body.marks.is_empty());
    }));
    rows.push(measure("load series, 10 years of days", 20, || {
        let p = aftermile_core::load::read::load_points(db.conn(), first, now.date_naive()).expect("series");
        assert!(p.len() > 3600);
    }));
    let sheet = aftermile_core::briefing::BriefingRequest {
        appointment: "2026-11-30".into(),
        zone: ZONE.into(),
        goals: vec!["muscle_recovery".into(), "flexibility".into()],
        pressure: Some(Pressure::Medium),
        share_contact: true,
        share_health: Default::default(),
        share_mark_notes: true,
        share_massage_feedback: true,
        flags: Vec::new(),
        note: String::new(),
    };
    rows.push(measure("briefing sheet render", 100, || {
        let b = aftermile_core::briefing::compose(&db, &sheet, now).expect("compose");
        assert!(!b.concerns.is_empty() && b.last_massage.is_some());
        assert!(aftermile_core::briefing::render_html(&b).len() > 10_000);
    }));

    // What start-up does before the window has data: the health check, and the daily copy when due
    // (issue 14 asks whether either belongs off the start-up path).
    let size_mb = std::fs::metadata(dir.path().join("bench.sqlite3"))
        .map(|m| m.len())
        .unwrap_or(0) as f64
        / 1e6;
    let mut checks = measure("start-up quick_check", 20, || {
        db.quick_check().expect("sound");
    });
    checks.name = Box::leak(format!("start-up quick_check ({size_mb:.1} MB file)").into_boxed_str());
    rows.push(checks);
    let backups = dir.path().join("backups");
    let mut copies = 0;
    rows.push(measure("daily backup (VACUUM INTO + rotate)", 10, || {
        copies += 1; // a day apart, as the daily copies are
        let at = now + Days::days(copies);
        aftermile_core::storage::backup::create(&db, &backups, aftermile_core::storage::snapshot::Reason::Auto, at)
            .expect("backup");
        aftermile_core::storage::backup::rotate(&backups).expect("rotate");
    }));

    // Export and import of everything, reported as records per second at the p50 time.
    let doc = aftermile_core::transfer::collect(&db, now, &mut |_| {}).expect("collect");
    let records = doc.sessions.len() + doc.marks.len() + doc.reminders.len();
    let text = serde_json::to_string(&doc).expect("json");
    let file = dir.path().join("export.json");
    let mut export = measure("export JSON, 10 years", 10, || {
        aftermile_core::transfer::export_json(&db, &file, now, &mut |_| {}).expect("export");
    });
    let mut n = 0;
    let mut import = measure("import JSON, 10 years", 10, || {
        n += 1;
        let mut fresh = Db::open(&dir.path().join(format!("import-{n}.sqlite3"))).expect("open");
        let r = aftermile_core::ops::transfer::import_json(&mut fresh, &text, now, &mut |_| {}).expect("import");
        assert_eq!(r.sessions.added as usize, doc.sessions.len());
    });
    for r in [&mut export, &mut import] {
        let per_s = records as f64 / r.p50.as_secs_f64();
        r.name = Box::leak(format!("{} ({records} records, {per_s:.0} rows/s)", r.name).into_boxed_str());
    }
    rows.extend([export, import]);

    println!("| operation | runs | p50 | p95 |");
    println!("|---|---:|---:|---:|");
    for r in rows {
        println!("| {} | {} | {} | {} |", r.name, r.runs, fmt(r.p50), fmt(r.p95));
    }
}

fn list(db: &Db, q: &SessionQuery) -> SessionPage {
    sessions::list(db, q).expect("list")
}

fn range(from: NaiveDate, to: NaiveDate, limit: u32) -> SessionQuery {
    SessionQuery {
        zone: ZONE.into(),
        from: Some(from.to_string()),
        to: Some(to.to_string()),
        limit: Some(limit),
        ..Default::default()
    }
}

struct Row {
    name: &'static str,
    runs: usize,
    p50: Duration,
    p95: Duration,
}

fn measure(name: &'static str, runs: usize, mut f: impl FnMut()) -> Row {
    for _ in 0..5 {
        f(); // warm the page cache and statement cache
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((runs as f64 * q).ceil() as usize).saturating_sub(1).min(runs - 1)];
    Row {
        name,
        runs,
        p50: at(0.50),
        p95: at(0.95),
    }
}

fn fmt(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}
