//! Reminders at the boundary.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::recovery::{QuietHours, ReminderKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReminderState {
    Pending,
    Fired,
    Done,
    Snoozed,
    Dismissed,
}

impl ReminderState {
    pub fn as_str(self) -> &'static str {
        match self {
            ReminderState::Pending => "pending",
            ReminderState::Fired => "fired",
            ReminderState::Done => "done",
            ReminderState::Snoozed => "snoozed",
            ReminderState::Dismissed => "dismissed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Pending, Self::Fired, Self::Done, Self::Snoozed, Self::Dismissed]
            .into_iter()
            .find(|v| v.as_str() == s)
    }

    /// Still to fire.
    pub fn is_waiting(self) -> bool {
        matches!(self, ReminderState::Pending | ReminderState::Snoozed)
    }
}

/// A reminder: the one shape the table is read into, written from, exported and imported as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub id: String,
    pub kind: ReminderKind,
    pub text: String,
    /// "manual", or the recovery rule that made it.
    pub source: String,
    /// The race or massage whose plan made it.
    pub session_id: Option<String>,
    /// When the rule or the runner set it for.
    #[serde(with = "crate::time::serde_fmt::instant")]
    #[ts(type = "string")]
    pub due_utc: DateTime<Utc>,
    /// Wall time and zone it was set in.
    #[serde(with = "crate::time::serde_fmt::wall")]
    #[ts(type = "string")]
    pub wall_local: NaiveDateTime,
    #[serde(with = "crate::time::serde_fmt::zone")]
    #[ts(type = "string")]
    pub zone: Tz,
    pub state: ReminderState,
    #[serde(with = "crate::time::serde_fmt::instant::option")]
    #[ts(type = "string | null")]
    pub snoozed_until: Option<DateTime<Utc>>,
    #[serde(with = "crate::time::serde_fmt::instant::option")]
    #[ts(type = "string | null")]
    pub fired_at: Option<DateTime<Utc>>,
    /// When its notification went out (or the window was told); unset for a fired reminder means
    /// a crash came between firing and delivery, and it is delivered again at the next start.
    #[serde(default, with = "crate::time::serde_fmt::instant::option")]
    #[ts(type = "string | null")]
    pub delivered_at: Option<DateTime<Utc>>,
    /// It came due while Aftermile was closed and was shown late.
    pub missed: bool,
    /// Why the notification could not be shown, if it could not.
    pub delivery_error: Option<String>,
    #[serde(with = "crate::time::serde_fmt::instant")]
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::time::serde_fmt::instant")]
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
    /// When it will fire, after snoozing and quiet hours; absent once it no longer waits.
    /// Worked out on the way out (it depends on the quiet hours), never stored or imported.
    #[serde(
        default,
        skip_deserializing,
        serialize_with = "crate::time::serde_fmt::instant::option::serialize"
    )]
    #[ts(type = "string | null")]
    pub fires_at: Option<DateTime<Utc>>,
}

impl Reminder {
    /// When it fires: its due time (or snooze), moved past quiet hours; `None` once it no longer
    /// waits.
    pub fn fire_time(&self, quiet: &QuietHours) -> Option<DateTime<Utc>> {
        if !self.state.is_waiting() {
            return None;
        }
        Some(quiet.release(self.snoozed_until.unwrap_or(self.due_utc), self.zone))
    }

    /// The reminder with `fires_at` filled in, as the UI lists it.
    pub fn with_fire_time(mut self, quiet: &QuietHours) -> Self {
        self.fires_at = self.fire_time(quiet);
        self
    }
}

/// A reminder the runner writes, or an edit to any reminder's text and time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReminderInput {
    pub text: String,
    /// `YYYY-MM-DDTHH:MM`.
    pub wall_local: String,
    pub zone: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Snooze {
    OneHour,
    /// The runner's morning time tomorrow, in the reminder's zone.
    TomorrowMorning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReminderAction {
    Done,
    Dismiss,
}

/// Which reminders to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReminderQuery {
    /// Only those still to fire.
    pub waiting_only: bool,
    /// Only those of one session's plan.
    pub session_id: Option<String>,
}
