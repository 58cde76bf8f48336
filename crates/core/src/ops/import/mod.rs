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

mod entry;
mod same;

use entry::*;
use same::*;

#[cfg(test)]
mod tests;
