//! Session types at the boundary. Inputs are deliberately loose (signed numbers, free strings) so
//! that bad values reach `validate` and come back as field errors instead of failing to parse.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    EasyRun,
    LongRun,
    Workout,
    Race,
    Massage,
    OtherRecovery,
    /// Cycling, swimming and the like: it counts in training load, never in running distance.
    CrossTraining,
}

impl SessionKind {
    pub const ALL: [SessionKind; 7] = [
        SessionKind::EasyRun,
        SessionKind::LongRun,
        SessionKind::Workout,
        SessionKind::Race,
        SessionKind::Massage,
        SessionKind::OtherRecovery,
        SessionKind::CrossTraining,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::EasyRun => "easy_run",
            SessionKind::LongRun => "long_run",
            SessionKind::Workout => "workout",
            SessionKind::Race => "race",
            SessionKind::Massage => "massage",
            SessionKind::OtherRecovery => "other_recovery",
            SessionKind::CrossTraining => "cross_training",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Running: what running distance and the run counts are made of.
    pub fn is_run(self) -> bool {
        matches!(
            self,
            SessionKind::EasyRun | SessionKind::LongRun | SessionKind::Workout | SessionKind::Race
        )
    }

    /// The kind in words, as the sheet and the import summary say it.
    pub fn label(self) -> &'static str {
        match self {
            SessionKind::EasyRun => "Easy run",
            SessionKind::LongRun => "Long run",
            SessionKind::Workout => "Workout",
            SessionKind::Race => "Race",
            SessionKind::Massage => "Massage",
            SessionKind::OtherRecovery => "Recovery",
            SessionKind::CrossTraining => "Cross-training",
        }
    }

    /// Kinds where a distance means something: runs, and cross-training (a ride has a distance,
    /// which never counts as running distance).
    pub fn has_distance(self) -> bool {
        self.is_run() || self == SessionKind::CrossTraining
    }
}

/// Declares a string-backed enum stored as text in SQLite, with its serde names.
macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
        pub enum $name { $(#[serde(rename = $text)] $variant),+ }

        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

text_enum!(RaceDistance { FiveK = "5k", TenK = "10k", Half = "half", Marathon = "marathon", Custom = "custom" });
text_enum!(RaceStatus { Planned = "planned", Done = "done" });
text_enum!(MassageType {
    Sports = "sports",
    DeepTissue = "deep_tissue",
    Relaxation = "relaxation",
    SelfMassage = "self_massage",
    FoamRolling = "foam_rolling",
});
text_enum!(Pressure { Light = "light", Medium = "medium", Firm = "firm" });
text_enum!(Sport {
    Cycling = "cycling",
    Swimming = "swimming",
    Rowing = "rowing",
    Strength = "strength",
    Walking = "walking",
    Hiking = "hiking",
    Other = "other",
});
text_enum!(SourceFormat { Fit = "fit", Tcx = "tcx", Gpx = "gpx" });
text_enum!(RecoveryType {
    Stretching = "stretching",
    Yoga = "yoga",
    IceBath = "ice_bath",
    SleepNote = "sleep_note",
    RestDay = "rest_day",
});

impl RaceDistance {
    /// Standard race distances in metres; `Custom` takes the session's own distance.
    pub fn metres(self) -> Option<f64> {
        match self {
            RaceDistance::FiveK => Some(5_000.0),
            RaceDistance::TenK => Some(10_000.0),
            RaceDistance::Half => Some(21_097.5),
            RaceDistance::Marathon => Some(42_195.0),
            RaceDistance::Custom => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RaceDetails {
    pub name: String,
    pub distance: RaceDistance,
    pub status: RaceStatus,
    /// Chip time in seconds; only for a race that is done.
    pub finish_time_s: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MassageDetails {
    pub massage_type: MassageType,
    pub therapist: String,
    pub pressure: Option<Pressure>,
    /// Canonical region ids, see `regions`.
    pub focus_regions: Vec<String>,
    pub felt_after: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryDetails {
    pub recovery_type: RecoveryType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CrossTrainingDetails {
    pub sport: Sport,
}

/// The file an imported session came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceFile {
    pub format: SourceFormat,
    /// The file's name, or its name inside a zip.
    pub name: String,
    /// SHA-256 of the file as stored, hex: the same file imported again is recognised by it.
    pub sha256: String,
}

/// What a watch measured, for an imported session (or a typed one an import filled in). The
/// runner's own duration and distance stay in `Session`; these sit beside them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Measured {
    /// Timer time, pauses excluded.
    pub moving_s: Option<i32>,
    /// Start to finish, pauses included.
    pub elapsed_s: Option<i32>,
    pub avg_hr: Option<i32>,
    pub max_hr: Option<i32>,
    pub ascent_m: Option<f64>,
    /// Running cadence, steps per minute.
    pub cadence_spm: Option<f64>,
    /// Banister's TRIMP from the heart-rate samples, worked out at import (`load::trimp`).
    pub trimp: Option<f64>,
    /// e.g. "Forerunner 935".
    pub device: Option<String>,
    pub source: Option<SourceFile>,
    /// The zone came from the file's own local time (FIT), not from Settings.
    pub zone_from_file: bool,
}

impl Measured {
    pub fn is_empty(&self) -> bool {
        *self == Measured::default()
    }
}

/// What kind a session is, with the fields only that kind has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SessionDetails {
    EasyRun,
    LongRun,
    Workout,
    Race(RaceDetails),
    Massage(MassageDetails),
    OtherRecovery(RecoveryDetails),
    CrossTraining(CrossTrainingDetails),
}

impl SessionDetails {
    pub fn kind(&self) -> SessionKind {
        match self {
            SessionDetails::EasyRun => SessionKind::EasyRun,
            SessionDetails::LongRun => SessionKind::LongRun,
            SessionDetails::Workout => SessionKind::Workout,
            SessionDetails::Race(_) => SessionKind::Race,
            SessionDetails::Massage(_) => SessionKind::Massage,
            SessionDetails::OtherRecovery(_) => SessionKind::OtherRecovery,
            SessionDetails::CrossTraining(_) => SessionKind::CrossTraining,
        }
    }
}

/// A new or edited session, as the form sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionInput {
    /// Wall time where the session started, `YYYY-MM-DDTHH:MM`.
    pub start_local: String,
    /// IANA zone the wall time is in, e.g. "Europe/London".
    pub zone: String,
    pub duration_s: Option<i32>,
    pub distance_m: Option<f64>,
    /// Perceived effort, 1 to 10.
    pub rpe: Option<i32>,
    pub notes: String,
    pub details: SessionDetails,
}

/// A stored session. Times are typed here and in every use; their text forms (RFC 3339, the
/// wall time, the zone's name) exist only in JSON, through `time::serde_fmt`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub id: String,
    #[serde(with = "crate::time::serde_fmt::instant")]
    #[ts(type = "string")]
    pub start_utc: DateTime<Utc>,
    #[serde(with = "crate::time::serde_fmt::zone")]
    #[ts(type = "string")]
    pub zone: Tz,
    /// Wall time in `zone`, `YYYY-MM-DDTHH:MM`.
    #[serde(with = "crate::time::serde_fmt::wall")]
    #[ts(type = "string")]
    pub start_local: NaiveDateTime,
    pub duration_s: Option<i32>,
    pub distance_m: Option<f64>,
    pub rpe: Option<i32>,
    pub notes: String,
    pub details: SessionDetails,
    /// What a watch measured, when the session was imported (absent in exports made before).
    #[serde(default)]
    pub measured: Option<Measured>,
    #[serde(with = "crate::time::serde_fmt::instant")]
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::time::serde_fmt::instant")]
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

impl Session {
    pub fn kind(&self) -> SessionKind {
        self.details.kind()
    }

    /// When it ended: the start plus its duration (or the start, with no duration).
    pub fn end_utc(&self) -> DateTime<Utc> {
        self.start_utc + chrono::Duration::seconds(i64::from(self.duration_s.unwrap_or(0)))
    }

    pub fn to_input(&self) -> SessionInput {
        SessionInput {
            start_local: crate::time::wall_text(self.start_local),
            zone: self.zone.name().to_owned(),
            duration_s: self.duration_s,
            distance_m: self.distance_m,
            rpe: self.rpe,
            notes: self.notes.clone(),
            details: self.details.clone(),
        }
    }
}

/// Which sessions to list. Dates are whole days in `zone`, both ends included.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionQuery {
    /// Empty means every kind.
    pub kinds: Vec<SessionKind>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub zone: String,
    /// From the previous page's `nextCursor`.
    pub cursor: Option<String>,
    /// Page size, 1 to 500; 50 when absent.
    pub limit: Option<u32>,
    /// Only these sessions (the ones an import just added); every session when empty.
    #[serde(default)]
    pub ids: Vec<String>,
}

/// One page of sessions, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionPage {
    pub items: Vec<Session>,
    /// Pass back as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}
