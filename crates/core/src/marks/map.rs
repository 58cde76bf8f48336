//! Reading marks for the chart: the latest mark per region in a window (the heat map) and one
//! region's history with the massages that fall in it (the trend chart).

use chrono::{DateTime, Duration, Utc};

use super::model::{HeatMapQuery, Mark, MassageMarker, RegionHistory};
use super::repo::{from_row, rfc3339, COLUMNS};
use crate::error::{Error, Result};
use crate::storage::db::Db;
use crate::{regions, time};

pub const DEFAULT_DAYS: u32 = 7;
/// A region's history shows at most this many marks, the newest ones.
pub const HISTORY_MAX: u32 = 365;

/// The latest mark of each region marked within the last `days` days, for colouring the chart.
pub fn heat_map(db: &Db, q: &HeatMapQuery, now: DateTime<Utc>) -> Result<Vec<Mark>> {
    let days = q.days.unwrap_or(DEFAULT_DAYS);
    if !(1..=365).contains(&days) {
        return Err(Error::field(
            "days",
            "out_of_range",
            "The window must be from 1 to 365 days.",
        ));
    }
    let since = (now - Duration::days(i64::from(days))).timestamp();
    // The window function picks one row per region: the newest; marks in the same minute go by
    // which was saved last.
    let sql = format!(
        "SELECT {COLUMNS} FROM (
            SELECT *, row_number() OVER (PARTITION BY region_id ORDER BY at_utc DESC, updated_at DESC, rowid DESC) AS n
            FROM marks WHERE at_utc >= ?1 AND at_utc <= ?2
         ) m WHERE m.n = 1 ORDER BY m.region_id"
    );
    let mut stmt = db.conn().prepare_cached(&sql)?;
    let rows = stmt
        .query_map([since, now.timestamp()], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One region's marks, oldest first (the newest `HISTORY_MAX`), and the massages from the first
/// shown mark onwards, flagged when they focused on this region.
pub fn history(db: &Db, region_id: &str) -> Result<RegionHistory> {
    if !regions::is_known(region_id) {
        return Err(Error::field(
            "region",
            "unknown_value",
            format!("\"{}\" is not a body region.", time::clip(region_id)),
        ));
    }
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM marks m WHERE m.region_id = ?1 ORDER BY m.at_utc DESC, m.updated_at DESC, m.rowid DESC LIMIT ?2"
    ))?;
    let mut marks = stmt
        .query_map(rusqlite::params![region_id, HISTORY_MAX], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    marks.reverse();

    let massages = match marks.first() {
        None => Vec::new(),
        Some(first) => {
            let since = DateTime::parse_from_rfc3339(&first.at_utc)
                .map(|t| t.timestamp())
                .unwrap_or_default();
            // A week before the first mark shows whether a massage came just before it.
            massages_since(db, region_id, since - 7 * 86_400)?
        }
    };
    Ok(RegionHistory {
        region_id: region_id.to_owned(),
        marks,
        massages,
    })
}

fn massages_since(db: &Db, region_id: &str, since: i64) -> Result<Vec<MassageMarker>> {
    let mut stmt = db.conn().prepare_cached(
        "SELECT s.id, s.start_utc, s.zone, s.massage_type,
                EXISTS (SELECT 1 FROM session_focus_regions f WHERE f.session_id = s.id AND f.region_id = ?1)
         FROM sessions s WHERE s.kind = 'massage' AND s.start_utc >= ?2
         ORDER BY s.start_utc",
    )?;
    let rows = stmt
        .query_map(rusqlite::params![region_id, since], |r| {
            let start: i64 = r.get(1)?;
            let zone: String = r.get(2)?;
            let tz = zone.parse::<chrono_tz::Tz>().unwrap_or(chrono_tz::UTC);
            let instant = DateTime::from_timestamp(start, 0).unwrap_or(DateTime::UNIX_EPOCH);
            Ok(MassageMarker {
                session_id: r.get(0)?,
                start_utc: rfc3339(start),
                start_local: time::utc_to_wall(instant, tz),
                massage_type: r.get(3)?,
                focused: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
