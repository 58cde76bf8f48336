//! What the Today page shows, as it crosses to the UI.

use serde::Serialize;
use ts_rs::TS;

use crate::load::explain::Explainer;
use crate::load::{LoadPoint, WeekSummary};
use crate::marks::{Mark, Sensation};
use crate::recovery::Warning;
use crate::reminders::Reminder;
use crate::sessions::Session;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Today {
    /// The runner's calendar day, YYYY-MM-DD, in the computer's zone.
    pub date: String,
    pub zone: String,
    /// Nothing logged and nothing marked yet: the page shows what to do first.
    pub empty: bool,
    /// After the last race run, while its plan still matters.
    pub recovery: Option<RecoveryNow>,
    pub body: BodyNow,
    pub load: LoadNow,
    /// Reminders that fired and wait for an answer, and those still to fire today, by time.
    pub due: Vec<Reminder>,
    /// The next massage in the log, if one is booked.
    pub booked_massage: Option<Session>,
    pub next_race: Option<NextRace>,
    /// Calm notes on the last week's training (a hard session in the easy days, a jump in load).
    pub notes: Vec<Warning>,
    /// The last 52 weeks, oldest first, this week last.
    pub weeks: Vec<WeekSummary>,
    /// The last 84 days, oldest first, today last.
    pub series: Vec<LoadPoint>,
    pub explainers: Vec<Explainer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryNow {
    pub race_id: String,
    pub race_name: String,
    /// Race day, YYYY-MM-DD.
    pub race_date: String,
    /// Today's place in the easy days (race day is day 1); absent once they are over.
    pub day: Option<i32>,
    pub easy_days: i32,
    /// "Day 4 of 26 easy days after Valencia Marathon", or that they are over.
    pub headline: String,
    /// The plan's steps that fall today.
    pub today: Vec<PlanStep>,
    /// The plan's next step after today.
    pub next: Option<PlanStep>,
    /// The soreness check-in in force (the one due, or the next), if any is left.
    pub checkin: Option<PlanStep>,
    /// Where the massage windows stand, most pressing first.
    pub massage: Vec<MassageWindow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanStep {
    /// When, as the runner reads it: "Today 13:30", "Thu 10:00", "Mon 24 May".
    pub when: String,
    pub text: String,
    /// Its time has come.
    pub due: bool,
    /// The reminder behind it, when there is one.
    pub reminder_id: Option<String>,
}

/// Where a massage window stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WindowState {
    /// Not yet.
    Wait,
    /// Fine now.
    Open,
    /// A race is near: hold off.
    Avoid,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MassageWindow {
    pub state: WindowState,
    /// "Sports massage from Thu 10:00", "No deep tissue from Sun: Parkside 10K in 5 days".
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BodyNow {
    /// Days the heat map covers.
    pub days: u32,
    /// The latest mark of each region marked in those days.
    pub marks: Vec<Mark>,
    /// The worst of them, named, worst first (at most three).
    pub worst: Vec<SoreArea>,
    /// Marks of the last 14 days that call for a clinician before massage, urgent first.
    pub flags: Vec<FlagNow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SoreArea {
    pub region_id: String,
    pub label: String,
    pub sensation: Sensation,
    pub intensity: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FlagNow {
    pub region_id: String,
    pub label: String,
    /// A possible blood clot: urgent care today, not a physiotherapist.
    pub urgent: bool,
    /// What was marked, e.g. "pain 7, swelling".
    pub what: String,
    /// What to do, from the red-flag content.
    pub advice: String,
    /// YYYY-MM-DD of the mark.
    pub marked_on: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LoadNow {
    /// This week's running (Monday to today): metres and seconds.
    pub week_run_m: f64,
    pub week_run_s: f64,
    /// The average of the four weeks before this one.
    pub avg4_run_m: f64,
    pub avg4_run_s: f64,
    pub acute: f64,
    /// The 28-day chronic load the ratio divides by.
    pub chronic28: f64,
    /// The 42-day chronic load of the chart and of form.
    pub chronic: f64,
    pub form: f64,
    pub ratio: Option<f64>,
    /// What the ratio says, in plain words; never a risk.
    pub sentence: String,
    /// Training sessions of the last 7 days without an RPE.
    pub unrated: u32,
    /// Runs of the last 7 days still to be rated, newest first.
    pub to_rate: Vec<Session>,
    /// Days since the first training entry (0 on its day; absent with none).
    pub days_of_data: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NextRace {
    pub session_id: String,
    pub name: String,
    pub date: String,
    pub days_to_go: i32,
    /// Where massage stands before it (no deep tissue from …), once that is near.
    pub massage: Option<MassageWindow>,
}
