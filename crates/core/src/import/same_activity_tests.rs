//! One run in three formats gives one summary. The GPX and the TCX are written here from the FIT
//! fixture's own records (the run leg of sample_mulitple_header.fit: its timestamps, positions,
//! distances, altitude and heart rate), so all three truly hold the same activity. Start, elapsed
//! time and distance must agree within 1%.
//!
//! Also a rough parse-speed measure on an hour of one-second points, as GPX (built from the
//! run's records) and as FIT (written by `fit_run`), printed (run with `--nocapture`), never
//! asserted: timings on a shared machine are not a test.

use chrono::{DateTime, SecondsFormat, Utc};
use fitparser::profile::MesgNum;
use fitparser::Value;

use super::caps::Limits;
use super::decode::decode;
use super::fixtures_tests::{fit_run, fixture};
use super::model::{Activity, Format, Outcome, Sport};

struct Rec {
    t: DateTime<Utc>,
    lat_lon: Option<(f64, f64)>,
    dist: Option<f64>,
    ele: Option<f64>,
    hr: Option<f64>,
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::SInt32(x) => Some(f64::from(*x)),
        Value::UInt8(x) => Some(f64::from(*x)),
        Value::UInt16(x) => Some(f64::from(*x)),
        Value::UInt32(x) => Some(f64::from(*x)),
        Value::Float64(x) => Some(*x),
        _ => None,
    }
}

/// The records of the leg that starts at `start` and runs `elapsed_s`.
fn records(bytes: &[u8], start: DateTime<Utc>, elapsed_s: u32) -> Vec<Rec> {
    let end = start + chrono::Duration::seconds(i64::from(elapsed_s));
    let semi = 180.0 / 2_147_483_648.0;
    fitparser::from_bytes(bytes)
        .unwrap()
        .into_iter()
        .filter(|r| r.kind() == MesgNum::Record)
        .filter_map(|r| {
            let f = |name: &str| r.fields().iter().find(|x| x.name() == name).map(|x| x.value().clone());
            let Some(Value::Timestamp(t)) = f("timestamp") else {
                return None;
            };
            let t = t.with_timezone(&Utc);
            let lat = f("position_lat").as_ref().and_then(num).map(|v| v * semi);
            let lon = f("position_long").as_ref().and_then(num).map(|v| v * semi);
            (start <= t && t <= end).then(|| Rec {
                t,
                lat_lon: lat.zip(lon),
                dist: f("distance").as_ref().and_then(num),
                ele: f("enhanced_altitude").or(f("altitude")).as_ref().and_then(num),
                hr: f("heart_rate").as_ref().and_then(num),
            })
        })
        .collect()
}

fn time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn gpx(recs: &[Rec]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"><trk><type>running</type><trkseg>\n",
    );
    for r in recs.iter().filter(|r| r.lat_lon.is_some()) {
        let (la, lo) = r.lat_lon.unwrap();
        out.push_str(&format!(
            "<trkpt lat=\"{la:.7}\" lon=\"{lo:.7}\"><time>{}</time>",
            time(r.t)
        ));
        if let Some(e) = r.ele {
            out.push_str(&format!("<ele>{e:.1}</ele>"));
        }
        if let Some(h) = r.hr {
            out.push_str(&format!("<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{h}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>"));
        }
        out.push_str("</trkpt>\n");
    }
    out + "</trkseg></trk></gpx>\n"
}

fn tcx(recs: &[Rec]) -> String {
    let (first, last) = (&recs[0], &recs[recs.len() - 1]);
    let dist = last.dist.unwrap() - first.dist.unwrap();
    let secs = (last.t - first.t).num_seconds();
    let mut out = format!(
        "<?xml version=\"1.0\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities><Activity Sport=\"Running\"><Id>{0}</Id><Lap StartTime=\"{0}\"><TotalTimeSeconds>{secs}</TotalTimeSeconds><DistanceMeters>{dist:.2}</DistanceMeters><Track>\n",
        time(first.t)
    );
    for r in recs {
        out.push_str(&format!("<Trackpoint><Time>{}</Time>", time(r.t)));
        if let Some((la, lo)) = r.lat_lon {
            out.push_str(&format!("<Position><LatitudeDegrees>{la:.7}</LatitudeDegrees><LongitudeDegrees>{lo:.7}</LongitudeDegrees></Position>"));
        }
        if let Some(d) = r.dist {
            out.push_str(&format!("<DistanceMeters>{d:.2}</DistanceMeters>"));
        }
        if let Some(h) = r.hr {
            out.push_str(&format!("<HeartRateBpm><Value>{h}</Value></HeartRateBpm>"));
        }
        out.push_str("</Trackpoint>\n");
    }
    out + "</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n"
}

fn one(name: &str, bytes: &[u8]) -> Activity {
    match decode(name, bytes, &Limits::default()) {
        Outcome::Activities(mut a) => a.remove(0),
        Outcome::Skipped(s) => panic!("{}", s.message),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.01 * a.abs().max(b.abs())
}

#[test]
fn the_same_run_in_fit_gpx_and_tcx_gives_the_same_summary() {
    let bytes = fixture("sample_mulitple_header.fit");
    let Outcome::Activities(legs) = decode("tri.fit", &bytes, &Limits::default()) else {
        panic!()
    };
    let fit = legs.into_iter().find(|a| a.sport == Sport::Running).unwrap();
    let recs = records(&bytes, fit.start, fit.elapsed_s.unwrap());
    assert!(recs.len() > 500, "the run has {} records (smart recording)", recs.len());
    let gpx = one("run.gpx", gpx(&recs).as_bytes());
    let tcx = one("run.tcx", tcx(&recs).as_bytes());
    assert_eq!(
        (fit.format, gpx.format, tcx.format),
        (Format::Fit, Format::Gpx, Format::Tcx)
    );
    for other in [&gpx, &tcx] {
        let f = other.format.label();
        assert!(
            (other.start - fit.start).num_seconds().abs() <= 2,
            "{f} start {} vs {}",
            other.start,
            fit.start
        );
        let (e0, e1) = (f64::from(fit.elapsed_s.unwrap()), f64::from(other.elapsed_s.unwrap()));
        assert!(close(e0, e1), "{f} elapsed {e1} vs FIT {e0}");
        let (d0, d1) = (fit.distance_m.unwrap(), other.distance_m.unwrap());
        assert!(close(d0, d1), "{f} distance {d1} vs FIT {d0}");
        assert_eq!(other.sport, Sport::Running);
        assert_eq!(other.hr.len(), fit.hr.len(), "{f} keeps the heart-rate samples");
        let (h0, h1) = (f64::from(fit.avg_hr.unwrap()), f64::from(other.avg_hr.unwrap()));
        assert!((h0 - h1).abs() <= 3.0, "{f} average heart rate {h1} vs FIT {h0}");
    }
    println!(
        "same run: FIT {:?} s {:?} m, GPX {:?} s {:?} m, TCX {:?} s {:?} m",
        fit.elapsed_s, fit.distance_m, gpx.elapsed_s, gpx.distance_m, tcx.elapsed_s, tcx.distance_m
    );
}

/// An hour of 1-second records, taking the run's positions, altitude and heart rate in turn.
fn hour_of(recs: &[Rec]) -> Vec<Rec> {
    (0..3600)
        .map(|i| {
            let r = &recs[i % recs.len()];
            Rec {
                t: recs[0].t + chrono::Duration::seconds(i as i64),
                lat_lon: r.lat_lon,
                dist: r.dist,
                ele: r.ele,
                hr: r.hr,
            }
        })
        .collect()
}

#[test]
fn parse_speed_on_an_hour_long_file() {
    let bytes = fixture("sample_mulitple_header.fit");
    let Outcome::Activities(legs) = decode("tri.fit", &bytes, &Limits::default()) else {
        panic!()
    };
    let run = legs.iter().find(|a| a.sport == Sport::Running).unwrap();
    let gpx_hour = gpx(&hour_of(&records(&bytes, run.start, run.elapsed_s.unwrap())));
    let fit_hour = fit_run(run.start, 3600, 7200);
    let n = 5;
    let time = |name: &str, bytes: &[u8]| {
        let t = std::time::Instant::now();
        for _ in 0..n {
            assert_eq!(one(name, bytes).elapsed_s, Some(3599));
        }
        t.elapsed().as_secs_f64() * 1000.0 / f64::from(n)
    };
    let (gpx_ms, fit_ms) = (time("hour.gpx", gpx_hour.as_bytes()), time("hour.fit", &fit_hour));
    println!(
        "parse speed ({} build), 3,600 one-second points: GPX ({} KB) {gpx_ms:.1} ms, FIT ({} KB) {fit_ms:.1} ms",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        gpx_hour.len() / 1024,
        fit_hour.len() / 1024,
    );
}

/// A thousand one-hour FIT files through `read`, timed and printed. Ignored by default (it
/// writes 73 MB and takes a minute in a debug build); run it with
/// `cargo test --release -p aftermile-core --lib bulk_read_speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn bulk_read_speed() {
    let dir = tempfile::tempdir().unwrap();
    let start = chrono::DateTime::parse_from_rfc3339("2024-01-01T07:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    for i in 0..1000 {
        let bytes = fit_run(start + chrono::Duration::days(i), 3600, 3600);
        std::fs::write(dir.path().join(format!("{i:04}.fit")), bytes).unwrap();
    }
    let t = std::time::Instant::now();
    let totals = super::read(
        &[dir.path().to_owned()],
        &Limits::default(),
        &std::sync::atomic::AtomicBool::new(false),
        |_, _| Ok(()),
    )
    .unwrap();
    assert_eq!(totals.activities, 1000);
    println!(
        "read 1,000 one-hour FIT files on {} threads: {:.2} s",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        t.elapsed().as_secs_f64()
    );
}
