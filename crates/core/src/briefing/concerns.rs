//! The sheet's areas of concern: the latest mark per region in the window, numbered as on the
//! figures, with the trend since the last massage and what each asks of the therapist.

use chrono_tz::Tz;

use super::model::WINDOW_DAYS;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::OptionalExtension;

use super::format::side_and_region;
use super::model::*;
use crate::error::Result;
use crate::marks::{self, HeatMapQuery, Mark, Sensation};
use crate::storage::Db;
use crate::{regions, time};

pub(super) fn concerns(
    db: &Db,
    tz: Tz,
    until: NaiveDate,
    now: DateTime<Utc>,
    massage_ended: Option<DateTime<Utc>>,
    share_notes: bool,
) -> Result<Vec<Concern>> {
    let end = time::start_of_day(until + Duration::days(1), tz).min(now);
    let mut marks: Vec<Mark> = marks::heat_map(
        db,
        &HeatMapQuery {
            days: Some(WINDOW_DAYS as u32),
        },
        end,
    )?
    .into_iter()
    .filter(|m| m.intensity > 0 || m.swelling || m.bruising)
    .collect();
    let order: Vec<&str> = regions::all().iter().map(|r| r.id).collect();
    let rank = |id: &str| order.iter().position(|r| *r == id).unwrap_or(usize::MAX);
    marks.sort_by(|a, b| {
        b.intensity
            .cmp(&a.intensity)
            .then(rank(&a.region_id).cmp(&rank(&b.region_id)))
    });
    let mut out = Vec::with_capacity(marks.len());
    for (i, m) in marks.into_iter().enumerate() {
        let (trend, was) = match massage_ended {
            None => (Trend::Unknown, None),
            Some(ended) => match baseline(db, &m.region_id, ended)? {
                None => (Trend::New, None),
                Some(was) => (
                    match m.intensity.cmp(&was) {
                        std::cmp::Ordering::Less => Trend::Better,
                        std::cmp::Ordering::Equal => Trend::Same,
                        std::cmp::Ordering::Greater => Trend::Worse,
                    },
                    Some(was),
                ),
            },
        };
        let (side, region) = side_and_region(&m.region_id);
        out.push(Concern {
            number: i as u32 + 1,
            region,
            side,
            sensation: m.sensation,
            intensity: m.intensity,
            swelling: m.swelling,
            bruising: m.bruising,
            note: if share_notes {
                m.note.trim().into()
            } else {
                String::new()
            },
            marked_on: m.at_local.date(),
            trend,
            was,
            red_flag: is_red_flag(&m),
            pressure_note: pressure_note(&m),
            region_id: m.region_id,
        });
    }
    Ok(out)
}

/// The region's intensity as the last massage ended: its newest mark up to then, from the two
/// weeks before. `None` when it was not marked.
fn baseline(db: &Db, region_id: &str, ended: DateTime<Utc>) -> Result<Option<i32>> {
    let since = ended - Duration::days(WINDOW_DAYS);
    Ok(db
        .conn()
        .prepare_cached(
            "SELECT intensity FROM marks WHERE region_id = ?1 AND at_utc <= ?2 AND at_utc >= ?3
             ORDER BY at_utc DESC, updated_at DESC LIMIT 1",
        )?
        .query_row(
            rusqlite::params![region_id, ended.timestamp(), since.timestamp()],
            |r| r.get(0),
        )
        .optional()?)
}

/// A red flag on the sheet, by the app's own rules: marked as an injury, or with swelling or
/// bruising. Pain alone is an area of concern with a pressure note, not a red flag.
pub(super) fn is_red_flag(m: &Mark) -> bool {
    m.sensation == Sensation::Injury || m.swelling || m.bruising
}

fn pressure_note(m: &Mark) -> Option<String> {
    (m.sensation == Sensation::Pain && !is_red_flag(m)).then(|| {
        format!(
            "Painful ({}/10): ask first, light pressure, stop if it hurts more.",
            m.intensity
        )
    })
}
