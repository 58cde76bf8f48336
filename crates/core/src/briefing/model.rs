//! Briefing types at the boundary: the request the form sends, and the composed sheet every
//! renderer (the HTML sheet, the PDF) draws from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::marks::Sensation;
use crate::sessions::Pressure;
use crate::settings::{Paper, Units};

/// Which health notes go on this sheet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ShareHealth {
    pub injuries: bool,
    pub medication: bool,
    pub allergies: bool,
}

/// What the Briefing form sends. Loose like the other inputs: `validate` names every bad field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BriefingRequest {
    /// The appointment day, `YYYY-MM-DD`, in `zone`.
    pub appointment: String,
    /// IANA zone the runner is in.
    pub zone: String,
    /// Benefit ids (see `content::benefits`), in the order chosen.
    pub goals: Vec<String>,
    pub pressure: Option<Pressure>,
    pub share_contact: bool,
    pub share_health: ShareHealth,
    /// The notes written on body-chart marks go on the sheet only when ticked.
    #[serde(default)]
    pub share_mark_notes: bool,
    /// How the last massage felt afterwards goes on the sheet only when ticked.
    #[serde(default)]
    pub share_massage_feedback: bool,
    /// Red-flag signs the runner ticks as applying now (ids from `content::red_flags`).
    #[serde(default)]
    pub flags: Vec<String>,
    /// A few words from the runner to the therapist.
    pub note: String,
}

/// A race on the sheet, dated in the runner's zone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RaceLine {
    pub name: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Days from the appointment: to go for an upcoming race, since for the last one.
    pub days: i64,
    /// "Marathon", "10K" or the custom distance.
    pub distance: String,
    /// `H:MM:SS`, for a race that is done and has a time.
    pub finish_time: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HardSession {
    pub date: String,
    /// "Workout", "Long run", …
    pub kind: String,
    pub distance: Option<String>,
    pub duration: Option<String>,
    pub rpe: Option<i32>,
}

/// Runs in the 14 days before the appointment (or before today, if that is earlier).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Training {
    pub from: String,
    pub to: String,
    pub runs: u32,
    /// Formatted in the runner's units, e.g. "62.4 km".
    pub distance: String,
    /// e.g. "5 h 40 min".
    pub time: String,
    /// Up to three, hardest first by effort then distance.
    pub hardest: Vec<HardSession>,
    pub recovery_sessions: u32,
}

/// How a region has gone since the last massage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Better,
    Same,
    Worse,
    /// Not marked at the time of the last massage.
    New,
    /// No massage to compare with.
    Unknown,
}

/// One current area of concern, numbered as on the figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Concern {
    pub number: u32,
    pub region_id: String,
    /// "Calf", without the side.
    pub region: String,
    /// "Left", "Right" or "—" for a centre region.
    pub side: String,
    pub sensation: Sensation,
    pub intensity: i32,
    pub swelling: bool,
    pub bruising: bool,
    /// Empty unless the runner ticked "notes on marks".
    pub note: String,
    /// The mark's day, `YYYY-MM-DD` at the boundary.
    #[serde(with = "crate::time::serde_fmt::date")]
    #[ts(type = "string")]
    pub marked_on: NaiveDate,
    pub trend: Trend,
    /// Intensity at the last massage, when `trend` compares with one.
    pub was: Option<i32>,
    /// A red flag by the app's rules: marked as an injury, or with swelling or bruising.
    pub red_flag: bool,
    /// For a painful area that is not a red flag: how to treat it.
    pub pressure_note: Option<String>,
}

/// One red flag on the sheet, addressed to the therapist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetFlag {
    /// Same-day medical care (a possible clot): printed apart from the rest.
    pub urgent: bool,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HealthNote {
    /// "Injuries", "Medication", "Allergies".
    pub label: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LastMassage {
    pub date: String,
    pub days_ago: i64,
    /// "Sports", "Deep tissue", …
    pub massage_type: String,
    pub pressure: Option<Pressure>,
    /// Region labels, e.g. "Left calf".
    pub focus: Vec<String>,
    /// Empty unless the runner ticked "how the last massage felt".
    pub felt_after: String,
}

/// The composed sheet. Everything in it is already filtered by what the runner chose to share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Briefing {
    pub appointment: String,
    /// e.g. "Tuesday 1 December 2026".
    pub appointment_label: String,
    pub paper: Paper,
    pub units: Units,
    pub name: String,
    /// Present only when the runner ticked it.
    pub contact: Option<String>,
    pub upcoming_races: Vec<RaceLine>,
    pub last_race: Option<RaceLine>,
    /// What the races mean for pressure on this day, from the recovery rules.
    pub race_advice: Vec<String>,
    pub training: Training,
    pub concerns: Vec<Concern>,
    pub goals: Vec<Goal>,
    pub pressure: Option<Pressure>,
    /// Set when the preferred pressure goes against a race rule.
    pub pressure_caution: Option<String>,
    /// Only the notes the runner ticked, and only non-empty ones.
    pub health: Vec<HealthNote>,
    pub last_massage: Option<LastMassage>,
    /// Real red flags only (an injury, swelling or bruising marked, or a sign the runner ticked),
    /// the urgent ones first.
    pub red_flags: Vec<SheetFlag>,
    pub note: String,
}

/// Training and body-chart marks look back this many days.
pub const WINDOW_DAYS: i64 = 14;
