//! One session as training load sees it: its day, its minutes, its effort, and whether it was a
//! run. Massage and other recovery work are not training load; a planned race has not happened.
//!
//! Session RPE load (Foster et al. 2001, "A new approach to monitoring exercise training", J
//! Strength Cond Res 15(1):109–115) is the session's rating of perceived exertion on the CR-10
//! scale times its duration in minutes, in arbitrary units (AU): a 60-minute run rated 5 is 300 AU.
//! The minutes are moving time when a watch measured it (pauses are not effort), else the
//! duration the runner logged. A session with no RPE has no session-RPE load: it is counted as
//! unrated and shown as such, never guessed.

use chrono::NaiveDate;

use crate::sessions::{RaceStatus, Session, SessionDetails};

/// What load needs of one session.
#[derive(Debug, Clone, PartialEq)]
pub struct Effort {
    /// The day it happened, on the runner's wall clock where they were.
    pub date: NaiveDate,
    pub minutes: f64,
    pub rpe: Option<i32>,
    pub trimp: Option<f64>,
    /// Running only: metres and seconds that count as running distance and time.
    pub running: Option<(f64, f64)>,
    /// A race, named, for marking it on the charts.
    pub race: Option<String>,
    pub session_id: String,
}

impl Effort {
    /// Foster's session RPE load, or `None` for an unrated session.
    pub fn srpe(&self) -> Option<f64> {
        self.rpe.map(|r| srpe(r, self.minutes))
    }
}

/// RPE × minutes (Foster 2001), never negative.
pub fn srpe(rpe: i32, minutes: f64) -> f64 {
    (f64::from(rpe.max(0)) * minutes).max(0.0)
}

/// The session as training load, or `None` when it is not training (massage, recovery work, a
/// race still to come).
pub fn of(s: &Session) -> Option<Effort> {
    let race = match &s.details {
        SessionDetails::Massage(_) | SessionDetails::OtherRecovery(_) => return None,
        SessionDetails::Race(r) if r.status == RaceStatus::Planned => return None,
        SessionDetails::Race(r) => Some(r.name.clone()),
        _ => None,
    };
    let measured = s.measured.as_ref();
    let seconds = measured
        .and_then(|m| m.moving_s)
        .or(s.duration_s)
        .map_or(0.0, |v| f64::from(v.max(0)));
    let running = s
        .kind()
        .is_run()
        .then(|| (s.distance_m.unwrap_or(0.0).max(0.0), seconds));
    Some(Effort {
        date: s.start_local.date(),
        minutes: seconds / 60.0,
        rpe: s.rpe,
        trimp: measured.and_then(|m| m.trimp).filter(|t| t.is_finite() && *t >= 0.0),
        running,
        race,
        session_id: s.id.clone(),
    })
}
