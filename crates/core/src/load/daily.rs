//! The daily series: every calendar day in a span, with the load of the sessions on it, and zero
//! on days without any (a rest day is load too: it is what lets acute load fall).

use chrono::{Duration, NaiveDate};

use super::effort::Effort;

/// One day's totals.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    /// Session RPE load of the rated sessions, AU.
    pub srpe: f64,
    /// TRIMP of the sessions that have one.
    pub trimp: f64,
    pub sessions: u32,
    /// Sessions without an RPE: their session RPE load is unknown, not zero.
    pub unrated: u32,
    pub run_m: f64,
    pub run_s: f64,
    /// Training other than running, in seconds: it counts in load, never in running distance.
    pub cross_s: f64,
    pub races: Vec<String>,
}

/// Every day from `from` to `to` (both included), in order, with `efforts` added to their days.
/// Efforts outside the span are ignored.
pub fn days(efforts: &[Effort], from: NaiveDate, to: NaiveDate) -> Vec<Day> {
    if to < from {
        return Vec::new();
    }
    let n = (to - from).num_days() as usize + 1;
    let mut out: Vec<Day> = (0..n)
        .map(|i| Day {
            date: from + Duration::days(i as i64),
            ..Day::default()
        })
        .collect();
    for e in efforts {
        let Some(day) = usize::try_from((e.date - from).num_days())
            .ok()
            .and_then(|i| out.get_mut(i))
        else {
            continue;
        };
        day.sessions += 1;
        match e.srpe() {
            Some(l) => day.srpe += l,
            None => day.unrated += 1,
        }
        day.trimp += e.trimp.unwrap_or(0.0);
        match e.running {
            Some((m, s)) => {
                day.run_m += m;
                day.run_s += s;
            }
            None => day.cross_s += e.minutes * 60.0,
        }
        if let Some(r) = &e.race {
            day.races.push(r.clone());
        }
    }
    out
}
