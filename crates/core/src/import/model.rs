//! What a file becomes: the summaries the rest of Aftermile stores, and the reasons a file gives
//! none.
//!
//! These are plain Rust types with no serde and no ts-rs on purpose: they are the parser's output,
//! not a boundary type. `ops` turns an [`Activity`] into a session (and words a [`SkipReason`] for
//! the UI), so the session's own model stays the one shape that crosses IPC.
//!
//! No GPS position appears here. Positions reveal where the runner lives; the parsers use them
//! for distance and drop them.

use chrono::{DateTime, Utc};

/// The format a file's bytes turned out to be (sniffed, never taken from the extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Fit,
    Tcx,
    Gpx,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Fit => "FIT",
            Format::Tcx => "TCX",
            Format::Gpx => "GPX",
        }
    }
}

/// The sport as the source names it, reduced to what Aftermile tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sport {
    Running,
    Cycling,
    Swimming,
    Rowing,
    Strength,
    Walking,
    Hiking,
    Other,
}

impl Sport {
    /// Sports done on foot, whose cadence is counted in steps.
    pub fn on_foot(self) -> bool {
        matches!(self, Sport::Running | Sport::Walking | Sport::Hiking)
    }
}

/// What the source says a run was for, when it says so clearly. Only Strava's workout type does
/// (see `strava`); a FIT sub_sport names a surface or a place (street, trail, track, treadmill,
/// indoor, virtual), none of which means a race or a workout, so FIT, GPX and TCX give `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RunHint {
    None,
    Race,
    Workout,
    LongRun,
}

/// One heart-rate reading, `offset_s` seconds after the activity's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HrSample {
    pub offset_s: u32,
    pub bpm: u16,
}

/// One activity's summary. A multisport FIT file gives one per leg.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub format: Format,
    pub sport: Sport,
    pub sub: RunHint,
    pub name: Option<String>,
    pub description: Option<String>,
    pub start: DateTime<Utc>,
    /// Local time minus UTC at the start, from FIT's activity message; GPX and TCX do not say.
    pub utc_offset_s: Option<i32>,
    /// Timer time: pauses excluded. Estimated for GPX (see `track`).
    pub moving_s: Option<u32>,
    /// From the first to the last moment recorded, pauses included.
    pub elapsed_s: Option<u32>,
    pub distance_m: Option<f64>,
    pub avg_hr: Option<u16>,
    pub max_hr: Option<u16>,
    pub ascent_m: Option<f64>,
    /// Steps per minute, for sports on foot only. FIT and Garmin's extensions record strides
    /// (one foot) per minute; the parsers double them.
    pub cadence_spm: Option<f64>,
    /// The recording device or app ("Forerunner 935", "Garmin", "StravaGPX iPhone").
    pub device: Option<String>,
    /// Heart rate over time, sorted by offset, one reading per second at most.
    pub hr: Vec<HrSample>,
}

/// Why a file gave no activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkipKind {
    /// A FIT file of another type: settings, daily monitoring, a planned workout, weight…
    NotActivity,
    /// Truncated or damaged: it could not be read as the format it claims to be.
    Corrupt,
    /// Not a format Aftermile reads (or a variant of one it does not: a password-protected zip).
    Unsupported,
    /// Read fine, but holds no time or no data to make an activity from.
    Empty,
    /// Over one of the [`Limits`](super::Limits), or a zip bomb.
    TooLarge,
    /// The operating system would not give its bytes (permission, a vanished file), or a Strava
    /// export lists it but does not contain it.
    Unreadable,
}

impl SkipKind {
    /// A stable code for the kind ("not_activity"), for logs and the UI to branch on.
    pub fn code(self) -> &'static str {
        match self {
            SkipKind::NotActivity => "not_activity",
            SkipKind::Corrupt => "corrupt",
            SkipKind::Unsupported => "unsupported",
            SkipKind::Empty => "empty",
            SkipKind::TooLarge => "too_large",
            SkipKind::Unreadable => "unreadable",
        }
    }
}

/// A skip's kind and a one-sentence reason that names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkipReason {
    pub kind: SkipKind,
    pub message: String,
}

impl SkipReason {
    pub fn new(kind: SkipKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }
}

/// What one file gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Activities(Vec<Activity>),
    Skipped(SkipReason),
}

/// One file's result, in the order the files were walked.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// What to show: the file's path below the folder or zip it came from
    /// ("activities/123.fit.gz"), or its file name when it was chosen on its own.
    pub name: String,
    /// SHA-256 (lower-case hex) of the file as stored, before any gunzip. `None` only when the
    /// file was not read whole (too large, unreadable, missing, a zip that would not open);
    /// always there for activities.
    pub sha256: Option<String>,
    pub outcome: Outcome,
}

/// Where a walk is: `done` of `total` files, `current` the one just finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub current: String,
}

/// What a whole walk gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// Items handed to the callback.
    pub files: usize,
    /// Activities inside them (a multisport file counts each leg).
    pub activities: usize,
    /// Items that were skipped.
    pub skipped: usize,
    /// Rows of a Strava activities.csv with no file (entered by hand on Strava): they hold no
    /// recording, so they give no item.
    pub strava_rows_without_file: usize,
    /// The cancel flag stopped the walk before every file was read.
    pub cancelled: bool,
}

/// A parser's reason for giving no activity, before `decode` words it for the runner with the
/// file's name. The text completes a sentence: "… is damaged ({text})", "… has {text}".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Fail {
    Corrupt(String),
    Empty(String),
    /// The FIT file type, in words ("settings", "daily activity tracking").
    NotActivity(String),
}
