//! Reads what Today needs and composes it: a handful of indexed queries over the last year, so
//! the page costs the same on the first day as after ten years (see `make bench`).

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::model::{LoadNow, NextRace, Today};
use super::{body, load, recovery};
use crate::error::Result;
use crate::load::daily::days;
use crate::load::ewma::series;
use crate::load::weekly::{monday, weeks};
use crate::load::{explain, notes, read, LoadPoint, WeekSummary};
use crate::marks::{self, HeatMapQuery};
use crate::recovery::{days as race_days, warnings, Warning};
use crate::reminders;
use crate::sessions::{self, RaceStatus, Session, SessionDetails, SessionKind};
use crate::settings;
use crate::storage::Db;

/// Weeks on the distance chart.
pub const WEEKS_SHOWN: usize = 52;
/// Days on the load chart: twelve weeks.
pub const SERIES_DAYS: i64 = 84;
/// A fired reminder nobody answered stays on Today this long.
const FIRED_SHOWN: Duration = Duration::days(7);
/// How far back a race is looked for (a 100-mile race has 100 easy days).
const RACE_LOOKBACK: Duration = Duration::days(200);
const RUNS_TO_RATE: usize = 5;

/// Today at `now`, for a runner whose calendar is in `zone` (the computer's, as new entries use).
pub fn compose(db: &Db, now: DateTime<Utc>, zone: Tz) -> Result<Today> {
    let conn = db.conn();
    let s = settings::get(db)?;
    let today = now.with_timezone(&zone).date_naive();

    // Training: one read of the year behind the charts, warm-up included (see `load::read`).
    let since = read::data_since(conn)?;
    let chart_from =
        (monday(today) - Duration::weeks(WEEKS_SHOWN as i64 - 1)).min(today - Duration::days(SERIES_DAYS - 1));
    let warm_from = match since {
        Some(first) => (chart_from - Duration::days(read::WARM_UP_DAYS))
            .max(first)
            .min(chart_from),
        None => chart_from,
    };
    let all_days = days(&read::efforts(conn, warm_from, today)?, warm_from, today);
    let chart_days: Vec<_> = all_days.iter().filter(|d| d.date >= chart_from).cloned().collect();
    let points = series(all_days, since);
    let series_from = today - Duration::days(SERIES_DAYS - 1);
    let shown_points: Vec<LoadPoint> = points
        .iter()
        .filter(|p| p.day.date >= series_from)
        .map(LoadPoint::from)
        .collect();
    let all_weeks = weeks(&chart_days);
    let week_rows: Vec<WeekSummary> = all_weeks
        .iter()
        .rev()
        .take(WEEKS_SHOWN)
        .rev()
        .map(WeekSummary::from)
        .collect();

    // The last week's sessions, for rating and for the notes.
    let week_sessions = sessions::between(conn, &[], now - Duration::days(7), now + Duration::minutes(1), 500)?;
    let last = points.last();
    let days_of_data = since.map(|first| recovery::small((today - first).num_days()));
    let this_week = all_weeks.last().filter(|w| w.start == monday(today));
    let before: Vec<_> = all_weeks
        .iter()
        .filter(|w| w.start < monday(today) && w.start >= monday(today) - Duration::weeks(4))
        .cloned()
        .collect();
    let (avg_m, avg_s) = load::average(&before);
    let training: Vec<&Session> = week_sessions
        .iter()
        .filter(|x| crate::load::effort::of(x).is_some())
        .collect();
    let load_now = LoadNow {
        week_run_m: this_week.map_or(0.0, |w| w.run_m),
        week_run_s: this_week.map_or(0.0, |w| w.run_s),
        avg4_run_m: avg_m,
        avg4_run_s: avg_s,
        acute: last.map_or(0.0, |p| round2(p.acute)),
        chronic28: last.map_or(0.0, |p| round2(p.chronic28)),
        chronic: last.map_or(0.0, |p| round2(p.chronic)),
        form: last.map_or(0.0, |p| round2(p.form)),
        ratio: last.and_then(|p| p.ratio).map(|r| (r * 1000.0).round() / 1000.0),
        sentence: load::sentence(last.filter(|_| since.is_some()), days_of_data),
        unrated: training.iter().filter(|x| x.rpe.is_none()).count() as u32,
        to_rate: training
            .iter()
            .filter(|x| x.rpe.is_none() && x.kind().is_run())
            .take(RUNS_TO_RATE)
            .map(|x| (*x).clone())
            .collect(),
        days_of_data,
    };

    // Races: the last one run, and the next one planned.
    let races = sessions::between(
        conn,
        &[SessionKind::Race],
        now - RACE_LOOKBACK,
        now + Duration::days(400),
        500,
    )?;
    let next = races
        .iter()
        .filter(|r| is_planned(r) && race_days::days_before(now, r.start_utc, r.zone) >= 0)
        .min_by_key(|r| r.start_utc);
    let mut recovery_now = None;
    let mut recovery_race = None;
    for race in races.iter().filter(|r| r.start_utc <= now && !is_planned(r)) {
        let plan: Vec<_> = reminders::for_session(conn, &race.id)?
            .into_iter()
            .map(|r| r.with_fire_time(&s.quiet_hours))
            .collect();
        if let Some(r) = recovery::now_after(&s.rules, race, &plan, next, now, zone) {
            recovery_now = Some(r);
            recovery_race = Some(race);
            break;
        }
    }
    let next_race = next.map(|r| NextRace {
        session_id: r.id.clone(),
        name: match &r.details {
            SessionDetails::Race(d) => d.name.clone(),
            _ => String::new(),
        },
        date: crate::time::date_text(r.start_local.date()),
        days_to_go: recovery::small(race_days::days_before(now, r.start_utc, r.zone)),
        massage: recovery::before_race(&s.rules, r, now, zone),
    });

    // Notes: a hard session inside the easy days, and a jump in load.
    let mut notes_now: Vec<Warning> = Vec::new();
    if let Some(race) = recovery_race {
        let hard_in_easy = training
            .iter()
            .filter(|x| x.id != race.id && x.start_utc > race.start_utc)
            .flat_map(|x| warnings::check(&s.rules, x, std::slice::from_ref(race), &[]))
            .find(|w| w.rule == "easy_days");
        notes_now.extend(hard_in_easy);
    }
    notes_now.extend(notes::ratio(load_now.ratio));

    // The body.
    let recent = marks::heat_map(
        db,
        &HeatMapQuery {
            days: Some(body::HEAT_DAYS),
        },
        now,
    )?;
    let fortnight = marks::heat_map(
        db,
        &HeatMapQuery {
            days: Some(body::FLAG_DAYS),
        },
        now,
    )?;
    let empty = since.is_none() && sessions::first(conn, &[])?.is_none() && !marks::any(conn)?;

    // What is due: until the end of the runner's day.
    let end_of_day = crate::time::start_of_day(today + Duration::days(1), zone);
    let due = reminders::due_by(db, now - FIRED_SHOWN, end_of_day)?;
    let booked_massage = sessions::between(conn, &[SessionKind::Massage], now, now + Duration::days(366), 100)?
        .into_iter()
        .min_by_key(|m| m.start_utc);

    Ok(Today {
        date: crate::time::date_text(today),
        zone: zone.name().to_owned(),
        empty,
        recovery: recovery_now,
        body: body::now(recent, &fortnight),
        load: load_now,
        due,
        booked_massage,
        next_race,
        notes: notes_now,
        weeks: week_rows,
        series: shown_points,
        explainers: explain::explainers(),
    })
}

fn is_planned(r: &Session) -> bool {
    matches!(&r.details, SessionDetails::Race(d) if d.status == RaceStatus::Planned)
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}
