//! Reminders at the boundary.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::recovery::ReminderKind;

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
    /// RFC 3339, UTC: when the rule or the runner set it for.
    pub due_utc: String,
    /// Wall time and zone it was set in.
    pub wall_local: String,
    pub zone: String,
    pub state: ReminderState,
    pub snoozed_until: Option<String>,
    /// When it will fire, after snoozing and quiet hours; absent once it no longer waits.
    pub fires_at: Option<String>,
    pub fired_at: Option<String>,
    /// It came due while Aftermile was closed and was shown late.
    pub missed: bool,
    /// Why the notification could not be shown, if it could not.
    pub delivery_error: Option<String>,
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
