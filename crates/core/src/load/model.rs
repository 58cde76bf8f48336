//! The load figures as they cross to the UI and the command line.

use serde::Serialize;
use ts_rs::TS;

use super::ewma::Point;
use super::weekly::Week;

/// One day of the series: its load, and the averages as of that evening.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LoadPoint {
    /// YYYY-MM-DD, the runner's own calendar day.
    pub date: String,
    /// Session RPE load of the day's rated sessions, AU (Foster 2001).
    pub srpe: f64,
    /// TRIMP of the day's sessions that have heart rate (Banister).
    pub trimp: f64,
    pub sessions: u32,
    /// Sessions without an RPE, so missing from `srpe`.
    pub unrated: u32,
    /// 7-day EWMA of session RPE load.
    pub acute: f64,
    /// 42-day EWMA of session RPE load.
    pub chronic: f64,
    /// chronic − acute.
    pub form: f64,
    /// acute / 28-day EWMA (Williams 2017); absent before 28 days of data.
    pub ratio: Option<f64>,
}

/// One week, Monday to Sunday.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WeekSummary {
    /// Its Monday, YYYY-MM-DD.
    pub start: String,
    /// Running distance, metres (cross-training never counts here).
    pub run_m: f64,
    /// Running time, seconds.
    pub run_s: f64,
    /// Cross-training time, seconds.
    pub cross_s: f64,
    pub srpe: f64,
    pub trimp: f64,
    pub sessions: u32,
    pub unrated: u32,
    /// Foster's monotony: mean daily load / its standard deviation; absent when it cannot vary.
    pub monotony: Option<f64>,
    /// Foster's strain: weekly load × monotony.
    pub strain: Option<f64>,
    /// The races run that week, by name.
    pub races: Vec<String>,
}

fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

impl From<&Point> for LoadPoint {
    fn from(p: &Point) -> Self {
        LoadPoint {
            date: crate::time::date_text(p.day.date),
            srpe: round(p.day.srpe, 1),
            trimp: round(p.day.trimp, 1),
            sessions: p.day.sessions,
            unrated: p.day.unrated,
            acute: round(p.acute, 2),
            chronic: round(p.chronic, 2),
            form: round(p.form, 2),
            ratio: p.ratio.map(|r| round(r, 3)),
        }
    }
}

impl From<&Week> for WeekSummary {
    fn from(w: &Week) -> Self {
        WeekSummary {
            start: crate::time::date_text(w.start),
            run_m: round(w.run_m, 1),
            run_s: w.run_s.round(),
            cross_s: w.cross_s.round(),
            srpe: round(w.srpe, 1),
            trimp: round(w.trimp, 1),
            sessions: w.sessions,
            unrated: w.unrated,
            monotony: w.monotony.map(|m| round(m, 2)),
            strain: w.strain.map(|s| round(s, 1)),
            races: w.races.clone(),
        }
    }
}
