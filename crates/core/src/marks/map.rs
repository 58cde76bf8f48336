//! Reading marks for the chart: the latest mark per region in a window (the heat map) and one
//! region's history with the massages that fall in it (the trend chart).

use chrono::{DateTime, Duration, Utc};

use super::model::{HeatMapQuery, Mark, MassageMarker, RegionHistory};
use super::repo::{from_row, COLUMNS};
use crate::error::{Error, FieldCode, Result};
use crate::limits::{HEAT_MAP_DAYS_DEFAULT, HEAT_MAP_DAYS_MAX};
use crate::sessions::MassageType;
use crate::storage::Db;
use crate::{regions, time};

/// A region's history shows at most this many marks, the newest ones.
pub const HISTORY_MAX: u32 = 365;

/// The latest mark of each region marked within the last `days` days, for colouring the chart.
pub fn heat_map(db: &Db, q: &HeatMapQuery, now: DateTime<Utc>) -> Result<Vec<Mark>> {
    let days = q.days.unwrap_or(HEAT_MAP_DAYS_DEFAULT);
    if !(1..=HEAT_MAP_DAYS_MAX).contains(&days) {
        return Err(Error::field(
            "days",
            FieldCode::OutOfRange,
            format!("The window must be from 1 to {HEAT_MAP_DAYS_MAX} days."),
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
            FieldCode::UnknownValue,
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
            // A week before the first mark shows whether a massage came just before it.
            massages_since(db, region_id, first.at_utc - Duration::days(7))?
        }
    };
    Ok(RegionHistory {
        region_id: region_id.to_owned(),
        marks,
        massages,
    })
}

/// When the newest swelling or bruising mark was made, if there is one.
pub fn latest_acute(conn: &rusqlite::Connection) -> Result<Option<DateTime<Utc>>> {
    let at: Option<i64> = conn.query_row(
        "SELECT max(at_utc) FROM marks WHERE swelling = 1 OR bruising = 1",
        [],
        |r| r.get(0),
    )?;
    Ok(at.map(crate::time::from_unix))
}

/// Regions marked with swelling or bruising between `since` and `until`, sorted.
pub fn acute_regions(conn: &rusqlite::Connection, since: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT region_id FROM marks WHERE (swelling = 1 OR bruising = 1) AND at_utc >= ?1 AND at_utc <= ?2
         GROUP BY region_id ORDER BY region_id",
    )?;
    let rows = stmt
        .query_map([since.timestamp(), until.timestamp()], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn massages_since(db: &Db, region_id: &str, since: DateTime<Utc>) -> Result<Vec<MassageMarker>> {
    let mut stmt = db.conn().prepare_cached(
        "SELECT s.id, s.start_utc, s.zone, s.massage_type,
                EXISTS (SELECT 1 FROM session_focus_regions f WHERE f.session_id = s.id AND f.region_id = ?1)
         FROM sessions s WHERE s.kind = 'massage' AND s.start_utc >= ?2
         ORDER BY s.start_utc",
    )?;
    let rows = stmt
        .query_map(rusqlite::params![region_id, since.timestamp()], |r| {
            let start = time::from_unix(r.get(1)?);
            let zone: String = r.get(2)?;
            let tz = zone.parse::<chrono_tz::Tz>().unwrap_or(chrono_tz::UTC);
            let kind: String = r.get(3)?;
            Ok(MassageMarker {
                session_id: r.get(0)?,
                start_utc: start,
                start_local: time::wall_in(start, tz),
                massage_type: MassageType::parse(&kind).unwrap_or(MassageType::Sports),
                focused: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Whether any mark exists at all.
pub fn any(conn: &rusqlite::Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM marks)")?
        .query_row([], |r| r.get(0))?)
}
