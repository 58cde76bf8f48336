//! Crash safety: a writer process commits sessions and marks in a loop and reports each commit
//! on stdout after `commit` returns; it is killed with SIGKILL at random moments, 200 times, on
//! the same database. After each kill the database must be sound (`integrity_check`), consistent
//! (`foreign_key_check`), and hold every commit the writer reported.
//!
//! The writer is this test binary run again with `CRASH_WRITER_DB` set (see `writer`), so the
//! test needs no separately built helper and finds it with `current_exe`.

// A test, benchmark or fixture tool: plain file writes, the real clock and the environment are fine here.
#![allow(clippy::disallowed_methods)]
#![cfg(unix)]

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use aftermile_core::marks::{MarkInput, Sensation};
use aftermile_core::sessions::{SessionDetails, SessionInput};
use aftermile_core::Db;
use rusqlite::{Connection, OpenFlags};

const KILLS: usize = 200;
const ENV: &str = "CRASH_WRITER_DB";
/// Starts each report; libtest may print its own text on the same line before the first one.
const MARK: &str = "COMMITTED ";

/// The child: writes until killed. Does nothing in a normal test run.
#[test]
fn writer() {
    let Some(path) = std::env::var_os(ENV) else {
        return;
    };
    let mut db = Db::open(Path::new(&path)).expect("open");
    let now = chrono::Utc::now();
    let mut out = std::io::stdout().lock();
    for i in 0u64.. {
        let input = SessionInput {
            start_local: format!("2025-{:02}-{:02}T07:00", 1 + i % 12, 1 + i % 28),
            zone: "Europe/London".into(),
            duration_s: Some(1800 + (i % 600) as i32),
            distance_m: Some(5000.0 + i as f64),
            rpe: Some(1 + (i % 10) as i32),
            notes: format!("crash run {i} {}", "x".repeat((i % 50) as usize)),
            details: SessionDetails::EasyRun,
        };
        let s = aftermile_core::ops::sessions::create(&mut db, &input, now).expect("session");
        // Reported only after commit returned: this id must survive any kill from here on.
        std::io::Write::write_all(&mut out, format!("{MARK}session {}\n", s.id).as_bytes()).unwrap();
        std::io::Write::flush(&mut out).unwrap();
        let m = aftermile_core::ops::marks::create(
            &mut db,
            &MarkInput {
                region_id: "calf_l".into(),
                sensation: Sensation::Sore,
                intensity: (i % 11) as i32,
                swelling: false,
                bruising: false,
                note: String::new(),
                at_local: "2025-06-01T08:00".into(),
                zone: "Europe/London".into(),
                session_id: Some(s.id.clone()),
            },
            now,
        )
        .expect("mark");
        std::io::Write::write_all(&mut out, format!("{MARK}mark {}\n", m.id).as_bytes()).unwrap();
        std::io::Write::flush(&mut out).unwrap();
    }
}

/// A small xorshift: kill moments vary run to run, and the seed is printed to replay a failure.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn check(path: &Path, sessions: &HashSet<String>, marks: &HashSet<String>, round: usize) {
    let c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
    let integrity: Vec<String> = c
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(integrity, ["ok"], "round {round}");
    let fk: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 0, "round {round}: foreign_key_check");
    let present = |table: &str| -> HashSet<String> {
        c.prepare(&format!("SELECT id FROM {table}"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let (have_s, have_m) = (present("sessions"), present("marks"));
    let lost_s: Vec<_> = sessions.difference(&have_s).collect();
    let lost_m: Vec<_> = marks.difference(&have_m).collect();
    assert!(
        lost_s.is_empty() && lost_m.is_empty(),
        "round {round}: lost {lost_s:?} {lost_m:?}"
    );
}

#[test]
fn committed_entries_survive_sigkill_200_times() {
    if std::env::var_os(ENV).is_some() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("crash.sqlite3");
    drop(Db::open(&path).unwrap());
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    println!("crash test seed {seed}");
    let mut rng = Rng(seed);
    let exe = std::env::current_exe().unwrap();
    let (mut sessions, mut marks) = (HashSet::new(), HashSet::new());
    let started = Instant::now();
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args(["--exact", "writer", "--nocapture", "--test-threads=1"])
            .env(ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            let mut line = Vec::new();
            while r.read_until(b'\n', &mut line).unwrap_or(0) > 0 {
                // Only whole lines: a line cut by the kill was never fully reported.
                if line.ends_with(b"\n") && tx.send(String::from_utf8_lossy(&line).trim_end().to_owned()).is_err() {
                    break;
                }
                line.clear();
            }
        });
        // Random moments, from before the first commit to well into the loop.
        let wait = Duration::from_micros(rng.next() % 120_000);
        std::thread::sleep(wait);
        child.kill().unwrap(); // SIGKILL on unix
        child.wait().unwrap();
        reader.join().unwrap();
        for line in rx.try_iter() {
            let Some((_, report)) = line.split_once(MARK) else {
                continue;
            };
            if let Some(id) = report.strip_prefix("session ") {
                sessions.insert(id.to_owned());
            } else if let Some(id) = report.strip_prefix("mark ") {
                marks.insert(id.to_owned());
            }
        }
        check(&path, &sessions, &marks, round);
    }
    println!(
        "{KILLS} kills in {:.1}s; {} sessions and {} marks reported and present",
        started.elapsed().as_secs_f64(),
        sessions.len(),
        marks.len()
    );
    assert!(
        sessions.len() > KILLS,
        "the writer should commit many entries across the run"
    );
    assert!(marks.len() <= sessions.len(), "each mark follows its session's report");
}
