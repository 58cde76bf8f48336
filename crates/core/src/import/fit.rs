//! FIT activity files, decoded by fitparser (which handles developer fields, compressed
//! timestamps, chained files and both CRCs), then summed up per session.
//!
//! - A file whose file_id says it is not an activity (settings, daily tracking, a planned
//!   workout, a weight scale…) is refused as such, whatever else it holds.
//! - Each session message is one leg: a multisport file gives one activity per leg, each with the
//!   records that fall inside its start and end. A triathlon's transitions are not legs and are
//!   left out. A file with records but no session (the watch stopped before writing one) is
//!   summed up from its records alone.
//! - The session's totals are the watch's own and win; the records stand in for any it lacks.
//! - The UTC offset is the activity message's local_timestamp minus its timestamp, rounded to
//!   the quarter-hour every real zone keeps (devices write the two a second apart at times).
//!   fitparser turns local_timestamp into an instant in this computer's zone; `undo_local` takes
//!   that back out, so the offset does not depend on where the import runs.
//! - FIT date_times below 0x10000000 count seconds since the device powered on, not since
//!   1989: those are no start time.
//! - Zero bytes after the last chained part are padding, not a damaged next part.
//! - Positions are in semicircles; they serve distance only, in `track`, and are dropped.

use std::collections::HashSet;

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};
use fitparser::de::DecodeOption;
use fitparser::profile::MesgNum;
use fitparser::{ErrorKind, FitDataRecord, Value};

use super::fit_names;
use super::model::{Activity, Fail, Format, HrSample, RunHint};
use super::track::{Point, Summary, Track, HR_MAX, HR_MIN};

/// 1989-12-31T00:00:00Z, FIT's epoch, in Unix seconds.
const FIT_EPOCH_UNIX: i64 = 631_065_600;
/// FIT date_time values below this are relative to power-on (FIT SDK, "date_time").
const FIT_RELATIVE_BELOW: i64 = 0x1000_0000;
const SEMICIRCLE_DEG: f64 = 180.0 / 2_147_483_648.0;

#[derive(Default)]
struct Session {
    sport: Option<String>,
    sub: Option<String>,
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    elapsed_s: Option<f64>,
    timer_s: Option<f64>,
    distance_m: Option<f64>,
    avg_hr: Option<f64>,
    max_hr: Option<f64>,
    ascent_m: Option<f64>,
    cadence: Option<f64>,
    fractional_cadence: Option<f64>,
}

struct Rec {
    time: Option<DateTime<Utc>>,
    point: Point,
}

#[derive(Default)]
struct File {
    kind: Option<String>,
    device: Option<String>,
    creator_device: Option<String>,
    sport: Option<(Option<String>, Option<String>)>,
    sessions: Vec<Session>,
    records: Vec<Rec>,
    utc_offset_s: Option<i32>,
}

pub(super) fn parse(bytes: &[u8]) -> Result<Vec<Activity>, Fail> {
    let bytes = chain(bytes)?;
    let options: HashSet<DecodeOption> = [DecodeOption::DropUnknownFields, DecodeOption::DropUnknownMessages].into();
    let records = fitparser::de::from_bytes_with_options(bytes, &options).map_err(|e| Fail::Corrupt(describe(&e)))?;
    let file = collect(records);
    if let Some(kind) = file.kind.as_deref().filter(|k| *k != "activity") {
        return Err(Fail::NotActivity(fit_names::file_type_words(kind)));
    }
    let device = file.device.clone().or(file.creator_device.clone());
    let mut out = Vec::new();
    if file.sessions.is_empty() {
        let (sport, sub) = file.sport.clone().unwrap_or_default();
        let lone = Session {
            sport,
            sub,
            ..Session::default()
        };
        out.extend(leg(&file, &lone, file.records.iter(), &device));
    } else {
        let several = file.sessions.len() > 1;
        for s in &file.sessions {
            let recs = file.records.iter().filter(|r| !several || within(r, s));
            out.extend(leg(&file, s, recs, &device));
        }
    }
    if out.is_empty() {
        return Err(Fail::Empty(if file.records.is_empty() && file.sessions.is_empty() {
            "no sessions and no records".into()
        } else {
            "no start time".into()
        }));
    }
    Ok(out)
}

/// The file up to the end of its last chained part, by the lengths the headers declare.
/// fitparser would read a file cut right after its header as a valid file with no messages, so
/// a file shorter than its first header says is cut short; zero bytes after the last part are
/// padding some tools add, and are dropped rather than read as a broken next part.
fn chain(bytes: &[u8]) -> Result<&[u8], Fail> {
    let mut at = 0usize;
    loop {
        let header = usize::from(bytes.get(at).copied().unwrap_or(0));
        let data = bytes
            .get(at + 4..at + 8)
            .map_or(0, |d| u32::from_le_bytes([d[0], d[1], d[2], d[3]]) as usize);
        let end = at.saturating_add(header).saturating_add(data).saturating_add(2);
        if end > bytes.len() {
            return Err(Fail::Corrupt(ENDS_EARLY.into()));
        }
        let rest = &bytes[end..];
        if rest.iter().all(|b| *b == 0) {
            return Ok(&bytes[..end]);
        }
        if rest.len() < 12 || &rest[8..12] != b".FIT" {
            // Not another part: fitparser says what is wrong with it.
            return Ok(bytes);
        }
        at = end;
    }
}

/// Whether a record falls in a session: from its start to its end (its timestamp, or else its
/// start plus its elapsed time).
fn within(r: &Rec, s: &Session) -> bool {
    let end = s.end.or_else(|| {
        let elapsed = s.elapsed_s.filter(|e| e.is_finite() && *e >= 0.0 && *e < 1e9)?;
        Some(s.start? + chrono::Duration::milliseconds((elapsed * 1000.0) as i64))
    });
    match (r.time, s.start, end) {
        (Some(t), Some(a), Some(b)) => a <= t && t <= b,
        (Some(t), Some(a), None) => a <= t,
        _ => false,
    }
}

fn leg<'r>(file: &File, s: &Session, recs: impl Iterator<Item = &'r Rec>, device: &Option<String>) -> Option<Activity> {
    let sport = fit_names::fit_sport(s.sport.as_deref(), s.sub.as_deref())?;
    let mut track = Track::new();
    for r in recs {
        track.push(r.point);
    }
    let t: Summary = track.finish();
    let start = s.start.or(t.start)?;
    let secs = |v: Option<f64>| {
        v.filter(|v| *v >= 0.0 && *v < f64::from(u32::MAX))
            .map(|v| v.round() as u32)
    };
    let bpm = |v: Option<f64>| {
        v.map(f64::round)
            .filter(|v| (f64::from(HR_MIN)..=f64::from(HR_MAX)).contains(v))
            .map(|v| v as u16)
    };
    let cadence = s
        .cadence
        .map(|c| c + s.fractional_cadence.unwrap_or(0.0))
        .filter(|c| *c > 0.0)
        .or(t.cadence);
    let hr = match t.start {
        // Samples are offsets from this leg's start, not from its first record.
        Some(first) if first != start => {
            let shift = (first - start).num_seconds();
            t.hr.iter()
                .filter_map(|h| {
                    Some(HrSample {
                        offset_s: u32::try_from(i64::from(h.offset_s) + shift).ok()?,
                        bpm: h.bpm,
                    })
                })
                .collect()
        }
        _ => t.hr.clone(),
    };
    Some(Activity {
        format: Format::Fit,
        sport,
        sub: RunHint::None,
        name: None,
        description: None,
        start,
        utc_offset_s: file.utc_offset_s,
        moving_s: secs(s.timer_s).or(t.moving_s),
        elapsed_s: secs(s.elapsed_s).or(t.elapsed_s),
        distance_m: s.distance_m.filter(|d| d.is_finite() && *d >= 0.0).or(t.distance_m),
        avg_hr: bpm(s.avg_hr).or(t.avg_hr),
        max_hr: bpm(s.max_hr).or(t.max_hr),
        ascent_m: s.ascent_m.filter(|a| a.is_finite() && *a >= 0.0).or(t.ascent_m),
        cadence_spm: cadence.filter(|_| sport.on_foot()).map(|c| c * 2.0),
        device: device.clone(),
        hr,
    })
}

fn collect(records: Vec<FitDataRecord>) -> File {
    let mut f = File::default();
    let mut activity: (Option<DateTime<Utc>>, Option<i64>) = (None, None);
    for rec in records {
        let kind = rec.kind();
        let fields = rec.into_vec();
        let get = |name: &str| fields.iter().find(|x| x.name() == name).map(|x| x.value());
        let num = |name: &str| get(name).and_then(number);
        let text = |name: &str| get(name).and_then(text);
        match kind {
            MesgNum::FileId if f.kind.is_none() => {
                f.kind = text("type").or(num("type").map(|n| n.to_string()));
                f.device = fit_names::device(
                    text("manufacturer").as_deref(),
                    text("garmin_product").or(text("product")).as_deref(),
                    text("product_name").as_deref(),
                );
            }
            MesgNum::DeviceInfo if f.creator_device.is_none() => {
                let index = get("device_index");
                let creator =
                    matches!(index, Some(Value::String(s)) if s == "creator") || index.and_then(number) == Some(0.0);
                if creator {
                    f.creator_device = fit_names::device(
                        text("manufacturer").as_deref(),
                        text("garmin_product").or(text("product")).as_deref(),
                        text("product_name").as_deref(),
                    );
                }
            }
            MesgNum::Sport if f.sport.is_none() => f.sport = Some((text("sport"), text("sub_sport"))),
            MesgNum::Session => f.sessions.push(Session {
                sport: text("sport"),
                sub: text("sub_sport"),
                start: get("start_time").and_then(instant),
                end: get("timestamp").and_then(instant),
                elapsed_s: num("total_elapsed_time"),
                timer_s: num("total_timer_time"),
                distance_m: num("total_distance"),
                avg_hr: num("avg_heart_rate"),
                max_hr: num("max_heart_rate"),
                ascent_m: num("total_ascent"),
                cadence: num("avg_running_cadence").or(num("avg_cadence")),
                fractional_cadence: num("avg_fractional_cadence"),
            }),
            MesgNum::Record => {
                let time = get("timestamp").and_then(instant);
                let lat = num("position_lat").map(|v| v * SEMICIRCLE_DEG);
                let lon = num("position_long").map(|v| v * SEMICIRCLE_DEG);
                let cad = num("cadence").map(|c| c + num("fractional_cadence").unwrap_or(0.0));
                f.records.push(Rec {
                    time,
                    point: Point {
                        time,
                        lat_lon: lat.zip(lon),
                        ele: num("enhanced_altitude").or(num("altitude")),
                        hr: num("heart_rate").map(|v| v.clamp(0.0, 999.0) as u16),
                        cad,
                        dist: num("distance"),
                    },
                });
            }
            MesgNum::Activity if activity.0.is_none() => {
                activity = (
                    get("timestamp").and_then(instant),
                    get("local_timestamp").and_then(undo_local),
                );
            }
            _ => {}
        }
    }
    if let (Some(utc), Some(local)) = activity {
        let offset = local - utc.timestamp();
        let rounded = (offset as f64 / 900.0).round() as i64 * 900;
        f.utc_offset_s = (rounded.abs() <= 14 * 3600).then_some(rounded as i32);
    }
    f
}

fn number(v: &Value) -> Option<f64> {
    let n = match v {
        Value::Byte(x) | Value::Enum(x) | Value::UInt8(x) | Value::UInt8z(x) => f64::from(*x),
        Value::SInt8(x) => f64::from(*x),
        Value::SInt16(x) => f64::from(*x),
        Value::UInt16(x) | Value::UInt16z(x) => f64::from(*x),
        Value::SInt32(x) => f64::from(*x),
        Value::UInt32(x) | Value::UInt32z(x) => f64::from(*x),
        Value::SInt64(x) => *x as f64,
        Value::UInt64(x) | Value::UInt64z(x) => *x as f64,
        Value::Float32(x) => f64::from(*x),
        Value::Float64(x) => *x,
        _ => return None,
    };
    n.is_finite().then_some(n)
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim_end_matches('\0').to_owned()),
        _ => None,
    }
}

/// A FIT date_time as an instant; `None` for a relative one (see the module docs).
fn instant(v: &Value) -> Option<DateTime<Utc>> {
    match v {
        Value::Timestamp(t) => {
            let t = t.with_timezone(&Utc);
            (t.timestamp() - FIT_EPOCH_UNIX >= FIT_RELATIVE_BELOW).then_some(t)
        }
        _ => None,
    }
}

/// A FIT local_date_time back as "seconds since the epoch, on the local wall clock": fitparser
/// added its raw value to 1989-12-31 00:00 in this computer's zone, so subtract that again.
fn undo_local(v: &Value) -> Option<i64> {
    let Value::Timestamp(t) = v else { return None };
    let epoch = NaiveDate::from_ymd_opt(1989, 12, 31)?.and_hms_opt(0, 0, 0)?;
    // The same conversion fitparser made; it reads the zone only to undo its own use of it.
    let local_epoch = Local.from_local_datetime(&epoch).single()?;
    let raw = t.timestamp() - local_epoch.timestamp();
    (raw >= FIT_RELATIVE_BELOW).then_some(FIT_EPOCH_UNIX + raw)
}

const ENDS_EARLY: &str = "it ends early, as if cut short while copying or while the watch was writing it";

/// fitparser's error in a runner's words.
fn describe(e: &ErrorKind) -> String {
    match e {
        ErrorKind::InvalidCrc(_) => {
            "its checksum does not match, so it was changed or cut short after the watch wrote it".into()
        }
        ErrorKind::UnexpectedEof(_) => ENDS_EARLY.into(),
        ErrorKind::TrailingBytes(n) => format!("{n} stray bytes follow its end"),
        other => format!("its data is garbled: {other}"),
    }
}

#[cfg(test)]
#[path = "fit_tests.rs"]
mod tests;
