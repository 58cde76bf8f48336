//! Weeks, Monday to Sunday: running distance and time, load, and Foster's monotony and strain.
//!
//! Monotony = the week's mean daily load / the standard deviation of its daily loads (rest days
//! count as zero); strain = the week's total load × monotony (Foster 1998, "Monitoring training in
//! athletes with reference to overtraining syndrome", Med Sci Sports Exerc 30(7):1164–1168). The
//! same load every day is monotonous however light; monotony is undefined for a week whose
//! loads do not vary at all (no deviation to divide by), which includes a week of rest.

use chrono::{Datelike, Duration, NaiveDate};

use super::daily::Day;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Week {
    /// Its Monday.
    pub start: NaiveDate,
    pub run_m: f64,
    pub run_s: f64,
    pub cross_s: f64,
    pub srpe: f64,
    pub trimp: f64,
    pub sessions: u32,
    pub unrated: u32,
    pub monotony: Option<f64>,
    pub strain: Option<f64>,
    pub races: Vec<String>,
}

/// The Monday of `d`'s week.
pub fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// Monotony and strain of seven daily loads.
pub fn monotony_and_strain(loads: &[f64]) -> (Option<f64>, Option<f64>) {
    if loads.is_empty() {
        return (None, None);
    }
    let n = loads.len() as f64;
    let total: f64 = loads.iter().sum();
    let mean = total / n;
    // The population deviation, over the days of the week, as Foster computed it.
    let sd = (loads.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / n).sqrt();
    if sd < 1e-9 {
        return (None, None);
    }
    let monotony = mean / sd;
    (Some(monotony), Some(total * monotony))
}

/// `days` (consecutive, oldest first) grouped into their weeks. A week cut by the span's ends
/// has monotony and strain only over the days it has.
pub fn weeks(days: &[Day]) -> Vec<Week> {
    let mut out: Vec<Week> = Vec::new();
    let mut loads: Vec<f64> = Vec::new();
    for d in days {
        let start = monday(d.date);
        if out.last().is_none_or(|w| w.start != start) {
            if let Some(w) = out.last_mut() {
                (w.monotony, w.strain) = monotony_and_strain(&loads);
            }
            loads.clear();
            out.push(Week {
                start,
                ..Week::default()
            });
        }
        let w = out.last_mut().expect("just pushed");
        w.run_m += d.run_m;
        w.run_s += d.run_s;
        w.cross_s += d.cross_s;
        w.srpe += d.srpe;
        w.trimp += d.trimp;
        w.sessions += d.sessions;
        w.unrated += d.unrated;
        w.races.extend(d.races.iter().cloned());
        loads.push(d.srpe);
    }
    if let Some(w) = out.last_mut() {
        (w.monotony, w.strain) = monotony_and_strain(&loads);
    }
    out
}
