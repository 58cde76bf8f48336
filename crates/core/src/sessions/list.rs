//! Listing, newest first, with keyset paging on `(start_utc, id)`. Keyset rather than OFFSET so the
//! hundredth page of ten years costs the same as the first.
//!
//! The UI's `SessionQuery` (dates as text in a zone, a cursor as text) is read once, in `list`,
//! into a typed `Filter`; everything inside the core that needs sessions in a span of time calls
//! `between` with instants.

use chrono::{DateTime, Duration, Utc};
use rusqlite::types::Value;
use rusqlite::Connection;

use super::model::{Session, SessionKind, SessionPage, SessionQuery};
use super::repo::{from_row, COLUMNS};
use crate::error::{Error, FieldCode, Result};
use crate::limits::{SESSION_IDS_MAX, SESSION_PAGE_DEFAULT, SESSION_PAGE_MAX};
use crate::storage::Db;
use crate::time;

/// Which sessions, in instants: `from` included, `to` excluded.
#[derive(Debug, Clone, Default)]
pub struct Filter<'a> {
    /// Empty means every kind.
    pub kinds: &'a [SessionKind],
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// Only sessions before this `(start, id)`, for the next page.
    pub before: Option<(DateTime<Utc>, String)>,
    /// Only these sessions; every one when empty.
    pub ids: &'a [String],
}

/// One page of the log for the UI.
pub fn list(db: &Db, q: &SessionQuery) -> Result<SessionPage> {
    let limit = q.limit.unwrap_or(SESSION_PAGE_DEFAULT);
    if !(1..=SESSION_PAGE_MAX).contains(&limit) {
        return Err(Error::field(
            "limit",
            FieldCode::OutOfRange,
            format!("Page size must be from 1 to {SESSION_PAGE_MAX}."),
        ));
    }
    let (from, to) = date_bounds(q)?;
    let before = q.cursor.as_deref().map(parse_cursor).transpose()?;
    if q.ids.len() > SESSION_IDS_MAX {
        return Err(Error::field(
            "ids",
            FieldCode::OutOfRange,
            format!("At most {SESSION_IDS_MAX} entries can be listed by id."),
        ));
    }
    let filter = Filter {
        kinds: &q.kinds,
        from,
        to,
        before,
        ids: &q.ids,
    };
    // One extra row tells whether another page follows.
    let mut items = query(db.conn(), &filter, limit + 1)?;
    let next_cursor = if items.len() > limit as usize {
        items.truncate(limit as usize);
        items.last().map(cursor_for)
    } else {
        None
    };
    Ok(SessionPage { items, next_cursor })
}

/// Sessions of `kinds` (every kind when empty) starting in `[from, to)`, newest first, at most
/// `limit` of them.
pub fn between(
    conn: &Connection,
    kinds: &[SessionKind],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    limit: u32,
) -> Result<Vec<Session>> {
    let filter = Filter {
        kinds,
        from: Some(from),
        to: Some(to),
        before: None,
        ids: &[],
    };
    query(conn, &filter, limit)
}

/// The earliest session of `kinds` (every kind when empty): where a runner's history begins.
pub fn first(conn: &Connection, kinds: &[SessionKind]) -> Result<Option<Session>> {
    let mut sql = format!("SELECT {COLUMNS} FROM sessions s WHERE 1");
    if !kinds.is_empty() {
        let marks = vec!["?"; kinds.len()].join(",");
        sql.push_str(&format!(" AND s.kind IN ({marks})"));
    }
    sql.push_str(" ORDER BY s.start_utc ASC, s.id ASC LIMIT 1");
    let mut stmt = conn.prepare_cached(&sql)?;
    let args = kinds.iter().map(|k| k.as_str());
    let mut rows = stmt.query_map(rusqlite::params_from_iter(args), from_row)?;
    let first = rows.next().transpose()?;
    Ok(first)
}

/// Newest first, at most `limit`.
pub fn query(conn: &Connection, f: &Filter, limit: u32) -> Result<Vec<Session>> {
    let mut sql = format!("SELECT {COLUMNS} FROM sessions s WHERE 1");
    let mut args: Vec<Value> = Vec::new();
    if !f.kinds.is_empty() {
        let marks = vec!["?"; f.kinds.len()].join(",");
        sql.push_str(&format!(" AND s.kind IN ({marks})"));
        args.extend(f.kinds.iter().map(|k| Value::Text(k.as_str().to_owned())));
    }
    if let Some(from) = f.from {
        sql.push_str(" AND s.start_utc >= ?");
        args.push(Value::Integer(from.timestamp()));
    }
    if let Some(to) = f.to {
        sql.push_str(" AND s.start_utc < ?");
        args.push(Value::Integer(to.timestamp()));
    }
    if !f.ids.is_empty() {
        // One JSON array, not one placeholder per id: an import can add thousands.
        sql.push_str(" AND s.id IN (SELECT value FROM json_each(?))");
        args.push(Value::Text(
            serde_json::to_string(f.ids).unwrap_or_else(|_| "[]".into()),
        ));
    }
    if let Some((start, id)) = &f.before {
        sql.push_str(" AND (s.start_utc, s.id) < (?, ?)");
        args.push(Value::Integer(start.timestamp()));
        args.push(Value::Text(id.clone()));
    }
    sql.push_str(" ORDER BY s.start_utc DESC, s.id DESC LIMIT ?");
    args.push(Value::Integer(i64::from(limit)));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(args), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// `from` and `to` are whole days in the query's zone; `to` is included, so the bound is the
/// start of the following day.
/// The instants a query's day range covers: `from` included, `to` excluded.
type Bounds = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

fn date_bounds(q: &SessionQuery) -> Result<Bounds> {
    let (from, to) = (blank_to_none(&q.from), blank_to_none(&q.to));
    if from.is_none() && to.is_none() {
        return Ok((None, None));
    }
    let tz = time::parse_zone("zone", &q.zone)?;
    let from = from.map(|d| time::parse_date("from", "From", d)).transpose()?;
    let to = to.map(|d| time::parse_date("to", "To", d)).transpose()?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(Error::field(
                "to",
                FieldCode::OutOfRange,
                "To must be on or after From.",
            ));
        }
    }
    Ok((
        from.map(|d| time::start_of_day(d, tz)),
        to.map(|d| time::start_of_day(d + Duration::days(1), tz)),
    ))
}

fn blank_to_none(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn cursor_for(s: &Session) -> String {
    format!("{}:{}", s.start_utc.timestamp(), s.id)
}

fn parse_cursor(c: &str) -> Result<(DateTime<Utc>, String)> {
    let bad = || {
        Error::field(
            "cursor",
            FieldCode::InvalidFormat,
            "The page cursor is not valid; reload the list.",
        )
    };
    let (secs, id) = c.split_once(':').ok_or_else(bad)?;
    let secs: i64 = secs.parse().map_err(|_| bad())?;
    Ok((time::from_unix(secs), id.to_owned()))
}
