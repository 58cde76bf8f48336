//! One CSV file per table, for spreadsheets. Columns are the table's own, in schema order; instants
//! (stored as unix seconds) are written as RFC 3339 UTC so a spreadsheet shows a date. Quoting
//! follows RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. UTF-8,
//! CRLF line ends. CSV is for reading elsewhere; only the JSON document can be imported back.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::types::ValueRef;

use super::{tick, ExportSummary, Phase, Progress};
use crate::error::Result;
use crate::storage::files;
use crate::storage::Db;

/// Tables and the order their rows are written in.
const TABLES: &[(&str, &str)] = &[
    ("sessions", "start_utc, id"),
    ("session_focus_regions", "session_id, region_id"),
    ("marks", "at_utc, id"),
    ("reminders", "due_utc, id"),
    ("settings", "key"),
];

fn is_instant(column: &str) -> bool {
    column.ends_with("_utc") || column.ends_with("_at") || column == "snoozed_until"
}

/// Quotes one text field when it needs it. Text that a spreadsheet would run as a formula (it
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return: someone's note "=HYPERLINK(…)")
/// gets a leading `'`, which spreadsheets show as text and do not evaluate.
pub(crate) fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn cell(column: &str, v: ValueRef) -> String {
    match v {
        ValueRef::Null => String::new(),
        ValueRef::Integer(i) if is_instant(column) => crate::time::rfc3339(crate::time::from_unix(i)),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) => field(&String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => b.iter().map(|x| format!("{x:02x}")).collect(),
    }
}

/// Writes `<parent>/aftermile-csv-<date>/<table>.csv` for every table (a new folder each time,
/// never over an earlier export) and returns the folder.
pub fn export_csv(
    db: &Db,
    parent: &Path,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ExportSummary> {
    let base = format!("aftermile-csv-{}", now.format("%Y-%m-%d"));
    let mut dir = parent.join(&base);
    let mut n = 2;
    while dir.exists() {
        dir = parent.join(format!("{base}-{n}"));
        n += 1;
    }
    // Written under a hidden name and renamed when complete.
    let partial: PathBuf = parent.join(format!(
        ".{}.partial",
        dir.file_name().unwrap_or_default().to_string_lossy()
    ));
    let _ = std::fs::remove_dir_all(&partial);
    // Owner-only, like every folder of health data the app makes.
    crate::storage::paths::create_private_dir(&partial)?;
    let result = write_tables(db, &partial, progress);
    let counts = match result {
        Ok(c) => c,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&partial);
            return Err(e);
        }
    };
    std::fs::rename(&partial, &dir)?;
    files::sync_dir(parent);
    Ok(ExportSummary {
        path: dir.display().to_string(),
        sessions: counts[0],
        marks: counts[2],
        reminders: counts[3],
    })
}

fn write_tables(db: &Db, dir: &Path, progress: &mut dyn FnMut(Progress)) -> Result<Vec<u32>> {
    let tx = db.conn().unchecked_transaction()?;
    let mut total = 0usize;
    for (t, _) in TABLES {
        let n: i64 = tx.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
        total += n as usize;
    }
    let mut done = 0;
    let mut counts = Vec::new();
    progress(Progress::new(Phase::Writing, 0, total));
    for (table, order) in TABLES {
        let path = dir.join(format!("{table}.csv"));
        let file = files::create_private(&path)?;
        let mut out = std::io::BufWriter::new(file);
        let mut stmt = tx.prepare(&format!("SELECT * FROM {table} ORDER BY {order}"))?;
        let columns: Vec<String> = stmt.column_names().into_iter().map(str::to_owned).collect();
        out.write_all(columns.join(",").as_bytes())?;
        out.write_all(b"\r\n")?;
        let mut rows = stmt.query([])?;
        let mut n = 0u32;
        while let Some(row) = rows.next()? {
            let line: Vec<String> = columns
                .iter()
                .enumerate()
                .map(|(i, c)| row.get_ref(i).map(|v| cell(c, v)))
                .collect::<rusqlite::Result<_>>()?;
            out.write_all(line.join(",").as_bytes())?;
            out.write_all(b"\r\n")?;
            n += 1;
            done += 1;
            tick(progress, Phase::Writing, done, total);
        }
        let file = out.into_inner().map_err(|e| crate::Error::from(e.into_error()))?;
        file.sync_all()?;
        files::make_private(&path);
        counts.push(n);
    }
    tx.finish()?;
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn text_a_spreadsheet_would_run_is_kept_as_text() {
        assert_eq!(field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        assert_eq!(field("+1 415"), "'+1 415");
        assert_eq!(field("-5 km felt easy"), "'-5 km felt easy");
        assert_eq!(field("@coach"), "'@coach");
        assert_eq!(field("easy, 5 km"), "\"easy, 5 km\"");
        assert_eq!(field("plain"), "plain");
    }
}
