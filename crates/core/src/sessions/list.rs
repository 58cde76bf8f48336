//! Listing, newest first, with keyset paging on `(start_utc, id)`. Keyset rather than OFFSET so the
//! hundredth page of ten years costs the same as the first.

use chrono::Duration;
use rusqlite::types::Value;

use super::model::{SessionPage, SessionQuery};
use super::repo::{from_row, COLUMNS};
use crate::error::{Error, Result};
use crate::storage::db::Db;
use crate::time;

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 500;

pub fn list(db: &Db, q: &SessionQuery) -> Result<SessionPage> {
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(Error::field(
            "limit",
            "out_of_range",
            format!("Page size must be from 1 to {MAX_LIMIT}."),
        ));
    }
    let mut sql = format!("SELECT {COLUMNS} FROM sessions s WHERE 1");
    let mut args: Vec<Value> = Vec::new();

    if !q.kinds.is_empty() {
        let marks = vec!["?"; q.kinds.len()].join(",");
        sql.push_str(&format!(" AND s.kind IN ({marks})"));
        args.extend(q.kinds.iter().map(|k| Value::Text(k.as_str().to_owned())));
    }
    let (from, to) = date_bounds(q)?;
    if let Some(from) = from {
        sql.push_str(" AND s.start_utc >= ?");
        args.push(Value::Integer(from));
    }
    if let Some(to) = to {
        sql.push_str(" AND s.start_utc < ?");
        args.push(Value::Integer(to));
    }
    if let Some(cursor) = &q.cursor {
        let (start, id) = parse_cursor(cursor)?;
        sql.push_str(" AND (s.start_utc, s.id) < (?, ?)");
        args.push(Value::Integer(start));
        args.push(Value::Text(id));
    }
    // One extra row tells whether another page follows.
    sql.push_str(" ORDER BY s.start_utc DESC, s.id DESC LIMIT ?");
    args.push(Value::Integer(i64::from(limit) + 1));

    let mut stmt = db.conn().prepare_cached(&sql)?;
    let mut items = stmt
        .query_map(rusqlite::params_from_iter(args), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let next_cursor = if items.len() > limit as usize {
        items.truncate(limit as usize);
        items.last().map(cursor_for)
    } else {
        None
    };
    Ok(SessionPage { items, next_cursor })
}

/// `from` and `to` are whole days in the query's zone; `to` is included, so the bound is the
/// start of the following day.
fn date_bounds(q: &SessionQuery) -> Result<(Option<i64>, Option<i64>)> {
    let (from, to) = (blank_to_none(&q.from), blank_to_none(&q.to));
    if from.is_none() && to.is_none() {
        return Ok((None, None));
    }
    let tz = time::parse_zone("zone", &q.zone)?;
    let from = from.map(|d| time::parse_date("from", "From", d)).transpose()?;
    let to = to.map(|d| time::parse_date("to", "To", d)).transpose()?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(Error::field("to", "out_of_range", "To must be on or after From."));
        }
    }
    Ok((
        from.map(|d| time::start_of_day(d, tz).timestamp()),
        to.map(|d| time::start_of_day(d + Duration::days(1), tz).timestamp()),
    ))
}

fn blank_to_none(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn cursor_for(s: &super::model::Session) -> String {
    let secs = chrono::DateTime::parse_from_rfc3339(&s.start_utc)
        .map(|t| t.timestamp())
        .unwrap_or_default();
    format!("{secs}:{}", s.id)
}

fn parse_cursor(c: &str) -> Result<(i64, String)> {
    let bad = || {
        Error::field(
            "cursor",
            "invalid_format",
            "The page cursor is not valid; reload the list.",
        )
    };
    let (secs, id) = c.split_once(':').ok_or_else(bad)?;
    Ok((secs.parse().map_err(|_| bad())?, id.to_owned()))
}
