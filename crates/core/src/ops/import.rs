//! Importing activities: files from a watch or a Strava export become sessions. The files are read
//! by `import` (which knows the formats and nothing of the database); this step turns each
//! activity into a session, recognises duplicates, and writes each file in one transaction, so a
//! corrupt or cancelled file adds nothing and what was imported stays, in whole files.
//!
//! Duplicates. The same run arrives as a FIT file, a Garmin TCX and a Strava GPX, and a runner may
//! import more than one of them, or have typed it in. A session is the same activity when it
//! starts within `SAME_START` of it, is the same sport, and has its duration and distance within
//! `SAME_SIZE` (where both have one). Then:
//! - the same file (by SHA-256) adds nothing;
//! - a richer source (FIT over TCX over GPX) replaces what a poorer one measured; a poorer one
//!   adds nothing;
//! - a session typed by hand is merged: the runner's notes, effort and kind win, and the measured
//!   values fill in the rest (a missing duration or distance too).
//!
//! The kind of a run: a race or workout when the source says so (Strava's workout type), a long
//! run when its moving time reaches the threshold in Settings (90 min by default), else an easy
//! run. Other sports become cross-training with their sport. Every imported session gets its
//! TRIMP from the heart-rate samples (`load::trimp`) with the runner's heart-rate profile.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Duration, Offset, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use ts_rs::TS;

use super::plans;
use crate::error::Result;
use crate::import::{
    self, Activity, Format, Item, Limits, Outcome, Progress, RunHint, SkipKind, Sport as FileSport, Totals,
};
use crate::limits::{DISTANCE_MAX_M, DURATION_MAX_S, EARLIEST_YEAR, MAX_AHEAD_DAYS, SESSION_NOTES_MAX, SHORT_TEXT_MAX};
use crate::load::trimp;
use crate::sessions::{
    self,
    validate::{Valid, HR_RANGE},
    CrossTrainingDetails, Measured, RaceDetails, RaceDistance, RaceStatus, Session, SessionDetails, SessionKind,
    SessionRow, SourceFile, SourceFormat, Sport,
};
use crate::settings::{self, Settings};
use crate::storage::Db;
use crate::time;

/// Starts closer than this are one activity (clocks and auto-start differ by seconds).
pub const SAME_START: Duration = Duration::minutes(2);
/// Durations and distances within this fraction of each other are one activity.
pub const SAME_SIZE: f64 = 0.05;

/// How a file ended up, for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SkipWhy {
    NotActivity,
    Corrupt,
    Unsupported,
    Empty,
    TooLarge,
    Unreadable,
}

/// A session an import added.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedEntry {
    pub file: String,
    pub session_id: String,
    #[serde(with = "crate::time::serde_fmt::instant")]
    #[ts(type = "string")]
    pub start_utc: DateTime<Utc>,
    pub kind: SessionKind,
    pub sport: Option<Sport>,
    pub distance_m: Option<f64>,
    pub moving_s: Option<i32>,
    pub trimp: Option<f64>,
}

/// An activity that was already in the log.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateEntry {
    pub file: String,
    /// The session it matched.
    pub session_id: String,
    /// What it matched, in words: "Easy run on Sat 12 Sep 2026, 07:02 (from a GPX file)".
    pub matched: String,
    /// What happened to the session: nothing, its measured values replaced by a richer file's, or
    /// a typed-in entry filled in.
    pub outcome: DuplicateOutcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateOutcome {
    /// Nothing changed: the same file, or a poorer copy of what is there.
    Unchanged,
    /// A richer source (FIT over TCX over GPX) replaced the measured values.
    Upgraded,
    /// An entry typed by hand got the measured values; the runner's notes, effort and kind stay.
    Merged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SkippedEntry {
    pub file: String,
    pub why: SkipWhy,
    pub message: String,
}

/// What an import did, file by file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub files: u32,
    pub imported: Vec<ImportedEntry>,
    pub duplicates: Vec<DuplicateEntry>,
    pub skipped: Vec<SkippedEntry>,
    /// Of `imported`, how many are cross-training.
    pub cross_training: u32,
    /// Strava rows with no recording (entered by hand on Strava): nothing to import.
    pub rows_without_file: u32,
    /// Stopped by the runner: the files read before that are in.
    pub cancelled: bool,
}

/// How far an import has got, for the progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
    /// The file just read.
    pub current: String,
}

/// Imports every activity under `paths` into `db`. Each file is its own transaction; `cancel`
/// stops between files. `progress` is called after each file (the host throttles what it shows).
/// A database failure stops the import and is returned; the files before it stay imported.
pub fn import_paths(
    db: &mut Db,
    paths: &[PathBuf],
    now: DateTime<Utc>,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportSummary> {
    let mut importer = Importer::start(db, now)?;
    let totals = import::read(paths, &Limits::default(), cancel, |item, p| {
        importer.add(db, item)?;
        progress(ImportProgress::from(p));
        Ok(())
    })?;
    Ok(importer.finish(&totals))
}

/// One import, file by file, for a host that reads the files itself (`import::read`) and hands
/// each to `add` with whatever database access it holds at that moment: the app takes its
/// database lock per file, so the window's own reads and writes go on between files.
pub struct Importer {
    settings: Settings,
    /// The zone for files that carry no local time, and for FIT offsets that match it.
    fallback_zone: Tz,
    now: DateTime<Utc>,
    summary: ImportSummary,
}

impl Importer {
    /// Reads what the import needs from the settings: the zone, the long-run threshold, the
    /// heart-rate profile.
    pub fn start(db: &Db, now: DateTime<Utc>) -> Result<Importer> {
        let settings = settings::get(db)?;
        Ok(Importer {
            fallback_zone: settings.import.resolved_zone(),
            settings,
            now,
            summary: ImportSummary::default(),
        })
    }

    /// Imports one file's activities in one transaction, or notes why it was skipped.
    pub fn add(&mut self, db: &mut Db, item: Item) -> Result<()> {
        one_file(
            db,
            &self.settings,
            self.fallback_zone,
            self.now,
            item,
            &mut self.summary,
        )
    }

    /// The summary, with the walk's totals.
    pub fn finish(mut self, totals: &Totals) -> ImportSummary {
        let s = &mut self.summary;
        s.files = u32::try_from(totals.files).unwrap_or(u32::MAX);
        s.rows_without_file = u32::try_from(totals.strava_rows_without_file).unwrap_or(u32::MAX);
        s.cancelled = totals.cancelled;
        s.cross_training = s
            .imported
            .iter()
            .filter(|e| e.kind == SessionKind::CrossTraining)
            .count() as u32;
        self.summary
    }
}

impl From<Progress> for ImportProgress {
    fn from(p: Progress) -> Self {
        ImportProgress {
            done: u32::try_from(p.done).unwrap_or(u32::MAX),
            total: u32::try_from(p.total).unwrap_or(u32::MAX),
            current: p.current,
        }
    }
}

fn skip_why(k: SkipKind) -> SkipWhy {
    match k {
        SkipKind::NotActivity => SkipWhy::NotActivity,
        SkipKind::Corrupt => SkipWhy::Corrupt,
        SkipKind::Unsupported => SkipWhy::Unsupported,
        SkipKind::Empty => SkipWhy::Empty,
        SkipKind::TooLarge => SkipWhy::TooLarge,
        SkipKind::Unreadable => SkipWhy::Unreadable,
    }
}

/// One file: all its activities (a multisport file's legs) in one transaction. A file whose
/// values the log cannot hold even after `measured` drops the implausible ones is skipped whole.
fn one_file(
    db: &mut Db,
    s: &Settings,
    fallback_zone: Tz,
    now: DateTime<Utc>,
    item: Item,
    out: &mut ImportSummary,
) -> Result<()> {
    let activities = match item.outcome {
        Outcome::Skipped(why) => {
            out.skipped.push(SkippedEntry {
                file: item.name,
                why: skip_why(why.kind),
                message: why.message,
            });
            return Ok(());
        }
        Outcome::Activities(a) => a,
    };
    let sha = item.sha256.unwrap_or_default();
    let name = item.name;
    let written = db.with_tx(|tx| {
        let mut added = Vec::new();
        let mut dupes = Vec::new();
        for a in &activities {
            check_start(a, now)?;
            let (zone, from_file) = zone_for(a, fallback_zone);
            let m = Measured {
                zone_from_file: from_file,
                ..measured(a, &name, &sha, s)
            };
            sessions::validate::measured(&m)?;
            if let Some(existing) = find_same(tx, a)? {
                let outcome = merge_into(tx, &existing, a, m, zone, now)?;
                dupes.push(DuplicateEntry {
                    file: name.clone(),
                    session_id: existing.id.clone(),
                    matched: describe(&existing),
                    outcome,
                });
                continue;
            }
            let v = Valid {
                start_utc: a.start,
                zone,
                // The log's duration is time spent moving, as watches and Strava show it.
                duration_s: m.moving_s.or(m.elapsed_s),
                distance_m: distance(a),
                rpe: None,
                notes: notes_of(a),
                details: details(a, &m, s),
                measured: Some(m.clone()),
            };
            let session = sessions::insert(tx, &v, now)?;
            plans::sync_session(tx, &session.id, now)?;
            added.push(ImportedEntry {
                file: name.clone(),
                session_id: session.id.clone(),
                start_utc: session.start_utc,
                kind: session.kind(),
                sport: match &session.details {
                    SessionDetails::CrossTraining(c) => Some(c.sport),
                    _ => None,
                },
                distance_m: session.distance_m,
                moving_s: m.moving_s,
                trimp: m.trimp,
            });
        }
        Ok((added, dupes))
    });
    match written {
        Ok((mut added, mut dupes)) => {
            out.imported.append(&mut added);
            out.duplicates.append(&mut dupes);
            Ok(())
        }
        // What the file says, not the database, was wrong: the file costs a line in the summary.
        Err(crate::Error::Invalid(fields)) => {
            let why = fields.first().map_or("a value out of range", |f| f.message.as_str());
            out.skipped.push(SkippedEntry {
                message: format!("{name} was not imported: {why}"),
                file: name,
                why: SkipWhy::Corrupt,
            });
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// A start the log cannot hold (a watch whose clock was never set records 1989) is the file's
/// fault, said as a field error so the file is skipped with the reason.
fn check_start(a: &Activity, now: DateTime<Utc>) -> Result<()> {
    use chrono::Datelike;
    let year = a.start.year();
    if year < EARLIEST_YEAR || a.start > now + Duration::days(MAX_AHEAD_DAYS) {
        return Err(crate::Error::field(
            "start",
            crate::error::FieldCode::OutOfRange,
            format!(
                "its start, {}, cannot be right (was the watch's clock set?)",
                a.start.format("%-d %b %Y")
            ),
        ));
    }
    Ok(())
}

/// The distance, if the log can hold it.
fn distance(a: &Activity) -> Option<f64> {
    a.distance_m
        .filter(|d| d.is_finite() && *d > 0.0 && *d <= DISTANCE_MAX_M)
}

/// `text` cut to at most `max` characters, on a character boundary.
fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

fn format_of(f: Format) -> SourceFormat {
    match f {
        Format::Fit => SourceFormat::Fit,
        Format::Tcx => SourceFormat::Tcx,
        Format::Gpx => SourceFormat::Gpx,
    }
}

/// FIT over TCX over GPX: how much a format carries.
fn richness(f: SourceFormat) -> u8 {
    match f {
        SourceFormat::Fit => 3,
        SourceFormat::Tcx => 2,
        SourceFormat::Gpx => 1,
    }
}

/// What the file measured, with what no body or watch can produce (a heart rate of 300 from a
/// strap losing contact, a negative climb) left out rather than losing the run over it.
fn measured(a: &Activity, name: &str, sha: &str, s: &Settings) -> Measured {
    let heart = s.profile.heart();
    let samples: Vec<(u32, u16)> =
        a.hr.iter()
            .filter(|h| HR_RANGE.contains(&i32::from(h.bpm)))
            .map(|h| (h.offset_s, h.bpm))
            .collect();
    let secs = |v: Option<u32>| {
        v.and_then(|s| i32::try_from(s).ok())
            .filter(|s| (1..=DURATION_MAX_S).contains(s))
    };
    let bpm = |v: Option<u16>| v.map(i32::from).filter(|h| HR_RANGE.contains(h));
    let (moving_s, elapsed_s, avg_hr) = (secs(a.moving_s), secs(a.elapsed_s), bpm(a.avg_hr));
    // Samples when the file has them; a file with only an average gets the steady-state figure
    // for its moving time, which is how Banister first defined it.
    let trimp = if samples.len() > 1 {
        Some(trimp::from_samples(&samples, &heart))
    } else {
        avg_hr
            .zip(moving_s.or(elapsed_s))
            .map(|(bpm, secs)| heart.steady(f64::from(secs) / 60.0, f64::from(bpm)))
    };
    Measured {
        moving_s,
        elapsed_s,
        avg_hr,
        max_hr: bpm(a.max_hr),
        ascent_m: a.ascent_m.filter(|v| v.is_finite() && (0.0..=20_000.0).contains(v)),
        cadence_spm: a.cadence_spm.filter(|v| v.is_finite() && *v > 0.0 && *v < 400.0),
        trimp: trimp.filter(|t| t.is_finite() && *t >= 0.0),
        device: a
            .device
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| clip(d, SHORT_TEXT_MAX)),
        source: Some(SourceFile {
            format: format_of(a.format),
            name: clip(name, SHORT_TEXT_MAX),
            sha256: sha.to_owned(),
        }),
        zone_from_file: false,
    }
}

/// The zone a session is logged in, and whether it came from the file. A FIT file records the
/// local time, so its offset from UTC says where the runner was: the zone in Settings when that
/// agrees (the usual case), else a zone with that offset at that moment, so the run shows at the
/// hour the runner ran it (a race abroad). Whole hours get the fixed `Etc/GMT±N` zones (whose
/// sign runs backwards, by POSIX convention); other offsets (India's +5:30) the first zone that
/// has it then. GPX and TCX carry no local time: they get the zone in Settings.
fn zone_for(a: &Activity, fallback: Tz) -> (Tz, bool) {
    let Some(offset) = a.utc_offset_s else {
        return (fallback, false);
    };
    let offset_at = |tz: Tz| a.start.with_timezone(&tz).offset().fix().local_minus_utc();
    if offset_at(fallback) == offset {
        return (fallback, true);
    }
    let fixed = (offset % 3600 == 0 && (-12..=14).contains(&(offset / 3600))).then(|| {
        let hours = offset / 3600;
        if hours == 0 {
            "Etc/UTC".to_owned()
        } else {
            format!("Etc/GMT{}{}", if hours > 0 { "-" } else { "+" }, hours.abs())
        }
    });
    let found = fixed.and_then(|name| name.parse::<Tz>().ok()).or_else(|| {
        chrono_tz::TZ_VARIANTS
            .iter()
            .copied()
            .find(|tz| offset_at(*tz) == offset)
    });
    match found {
        Some(tz) => (tz, true),
        None => (fallback, false),
    }
}

fn sport_label(s: Sport) -> &'static str {
    match s {
        Sport::Cycling => "Ride",
        Sport::Swimming => "Swim",
        Sport::Rowing => "Row",
        Sport::Strength => "Strength session",
        Sport::Walking => "Walk",
        Sport::Hiking => "Hike",
        Sport::Other => "Cross-training",
    }
}

fn sport_of(s: FileSport) -> Option<Sport> {
    match s {
        FileSport::Running => None,
        FileSport::Cycling => Some(Sport::Cycling),
        FileSport::Swimming => Some(Sport::Swimming),
        FileSport::Rowing => Some(Sport::Rowing),
        FileSport::Strength => Some(Sport::Strength),
        FileSport::Walking => Some(Sport::Walking),
        FileSport::Hiking => Some(Sport::Hiking),
        FileSport::Other => Some(Sport::Other),
    }
}

/// The race distance closest to `metres` when within 3% of it (a GPS distance is seldom exact).
fn race_distance(metres: Option<f64>) -> RaceDistance {
    let Some(m) = metres else { return RaceDistance::Custom };
    [
        RaceDistance::FiveK,
        RaceDistance::TenK,
        RaceDistance::Half,
        RaceDistance::Marathon,
    ]
    .into_iter()
    .find(|d| d.metres().is_some_and(|std| (m - std).abs() / std <= 0.03))
    .unwrap_or(RaceDistance::Custom)
}

/// The notes of a new entry: the activity's name (a race's goes into its race name instead) and
/// its description, as Strava or the watch has them.
fn notes_of(a: &Activity) -> String {
    let trimmed = |t: &Option<String>| t.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned);
    let name = trimmed(&a.name).filter(|_| a.sub != RunHint::Race || sport_of(a.sport).is_some());
    let parts: Vec<String> = [name, trimmed(&a.description)].into_iter().flatten().collect();
    clip(&parts.join("\n"), SESSION_NOTES_MAX)
}

fn details(a: &Activity, m: &Measured, s: &Settings) -> SessionDetails {
    if let Some(sport) = sport_of(a.sport) {
        return SessionDetails::CrossTraining(CrossTrainingDetails { sport });
    }
    let long = m
        .moving_s
        .or(m.elapsed_s)
        .is_some_and(|secs| i64::from(secs) >= i64::from(s.import.long_run_minutes) * 60);
    match a.sub {
        RunHint::Race => SessionDetails::Race(RaceDetails {
            name: a
                .name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map_or_else(|| "Race".into(), |n| clip(n, SHORT_TEXT_MAX)),
            distance: race_distance(a.distance_m),
            status: RaceStatus::Done,
            finish_time_s: m.elapsed_s.or(m.moving_s),
        }),
        RunHint::Workout => SessionDetails::Workout,
        RunHint::LongRun => SessionDetails::LongRun,
        RunHint::None if long => SessionDetails::LongRun,
        RunHint::None => SessionDetails::EasyRun,
    }
}

fn same_sport(existing: &Session, a: &Activity) -> bool {
    match (&existing.details, sport_of(a.sport)) {
        (SessionDetails::CrossTraining(c), Some(sport)) => c.sport == sport,
        (d, None) => d.kind().is_run(),
        _ => false,
    }
}

/// Within `SAME_SIZE` of each other, or not both known.
fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) if a > 0.0 && b > 0.0 => (a - b).abs() / a.max(b) <= SAME_SIZE,
        _ => true,
    }
}

/// The durations are the same activity's: elapsed with elapsed and moving with moving for two
/// recordings; a typed duration may be either, so it matches when it is close to one of them.
fn same_duration(existing: &Session, a: &Activity) -> bool {
    let f = |v: Option<i32>| v.map(f64::from);
    let g = |v: Option<u32>| v.map(f64::from);
    match existing.measured.as_ref().filter(|m| m.source.is_some()) {
        Some(m) => match (f(m.elapsed_s), g(a.elapsed_s)) {
            (Some(x), Some(y)) => close(Some(x), Some(y)),
            _ => close(f(m.moving_s), g(a.moving_s)),
        },
        None => {
            let typed = f(existing.duration_s);
            close(typed, g(a.moving_s)) || close(typed, g(a.elapsed_s))
        }
    }
}

/// The session this activity already is, if any: the closest start among those that match.
fn find_same(tx: &rusqlite::Connection, a: &Activity) -> Result<Option<Session>> {
    let near = sessions::between(
        tx,
        &[],
        a.start - SAME_START,
        a.start + SAME_START + Duration::seconds(1),
        20,
    )?;
    Ok(near
        .into_iter()
        .filter(|s| same_sport(s, a) && same_duration(s, a) && close(s.distance_m, a.distance_m))
        .min_by_key(|s| (s.start_utc - a.start).num_seconds().abs()))
}

/// Brings what `a` measured into `existing`, as the module docs describe.
fn merge_into(
    tx: &rusqlite::Connection,
    existing: &Session,
    a: &Activity,
    mut m: Measured,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<DuplicateOutcome> {
    let new_source = m.source.as_ref();
    let old_source = existing.measured.as_ref().and_then(|o| o.source.as_ref());
    let outcome = match (old_source, new_source) {
        // The same file again, or a copy no richer than what is there: nothing to do.
        (Some(old), Some(new)) if old.sha256 == new.sha256 || richness(old.format) >= richness(new.format) => {
            return Ok(DuplicateOutcome::Unchanged)
        }
        (Some(_), _) => DuplicateOutcome::Upgraded,
        (None, _) => DuplicateOutcome::Merged,
    };
    sessions::validate::measured(&m)?;
    let typed = outcome == DuplicateOutcome::Merged;
    // The zone and the word on where it came from must agree. A typed entry keeps the zone the
    // runner gave it; an upgrade takes the richer file's zone when that file records one, and
    // otherwise keeps the zone (and its origin) it had.
    let old_from_file = existing.measured.as_ref().is_some_and(|o| o.zone_from_file);
    let zone = match (typed, m.zone_from_file) {
        (true, from_file) => {
            m.zone_from_file = from_file && zone == existing.zone;
            existing.zone
        }
        (false, true) => zone,
        (false, false) => {
            m.zone_from_file = old_from_file;
            existing.zone
        }
    };
    let measured_secs = m.moving_s.or(m.elapsed_s);
    let measured_metres = distance(a);
    let v = Valid {
        start_utc: existing.start_utc,
        zone,
        // A typed entry keeps what the runner typed and the watch fills in what it lacks; an
        // upgrade takes the richer file's figures.
        duration_s: if typed {
            existing.duration_s.or(measured_secs)
        } else {
            measured_secs.or(existing.duration_s)
        },
        distance_m: if typed {
            existing.distance_m.or(measured_metres)
        } else {
            measured_metres.or(existing.distance_m)
        },
        rpe: existing.rpe,
        notes: existing.notes.clone(),
        details: existing.details.clone(),
        measured: Some(m),
    };
    sessions::upsert(
        tx,
        &SessionRow {
            id: &existing.id,
            valid: &v,
            created: existing.created_at,
            updated: now,
        },
    )?;
    plans::sync_session(tx, &existing.id, now)?;
    Ok(outcome)
}

/// "Easy run on Sat 12 Sep 2026, 07:02 (from a GPX file)".
fn describe(s: &Session) -> String {
    let what = match &s.details {
        SessionDetails::CrossTraining(c) => sport_label(c.sport),
        d => d.kind().label(),
    };
    let when = time::wall_in(s.start_utc, s.zone).format("%a %-d %b %Y, %H:%M");
    match s.measured.as_ref().and_then(|m| m.source.as_ref()) {
        Some(src) => format!("{what} on {when} (from a {} file)", src.format.as_str().to_uppercase()),
        None => format!("{what} on {when} (typed in)"),
    }
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
