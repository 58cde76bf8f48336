//! `aftermile-cli load`: the daily training-load series, the same numbers the Today page and its
//! charts show (`load::read::load_points`), as JSON or as a table.
//!
//! It only reads, so it opens the database read-only and takes no lock: it works while the app
//! is open (SQLite's WAL lets a reader see the last commit while the app writes).

use std::path::Path;

use aftermile_core::load::{read, LoadPoint};
use aftermile_core::storage::{paths, Db, OpenOptions};
use aftermile_core::time;
use chrono::{Duration, NaiveDate};

/// Without `--from`, the series starts this many days before `--to`.
pub const DEFAULT_DAYS: i64 = 84;

pub fn run(dir: &Path, from: Option<&str>, to: Option<&str>, json: bool) -> anyhow::Result<Vec<LoadPoint>> {
    let file = paths::db_path(dir);
    if !file.exists() {
        anyhow::bail!(
            "no Aftermile data at {} yet; open the app or import first",
            dir.display()
        );
    }
    let db = Db::open_with(
        &file,
        &OpenOptions {
            read_only: true,
            ..Default::default()
        },
    )?;
    let zone = time::computer_zone();
    let today = time::now().with_timezone(&zone).date_naive();
    let to = match to {
        Some(t) => time::parse_date("to", "--to", t)?,
        None => today,
    };
    let from: NaiveDate = match from {
        Some(f) => time::parse_date("from", "--from", f)?,
        None => to - Duration::days(DEFAULT_DAYS - 1),
    };
    let points = read::load_points(db.conn(), from, to)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&points)?);
    } else {
        println!("date        srpe   trimp  acute chronic   form  ratio unrated");
        for p in &points {
            let ratio = p.ratio.map_or_else(|| "—".to_owned(), |r| format!("{r:.2}"));
            println!(
                "{}  {:>5.0}  {:>6.1}  {:>5.0}  {:>6.0}  {:>5.0}  {:>5}  {:>6}",
                p.date, p.srpe, p.trimp, p.acute, p.chronic, p.form, ratio, p.unrated
            );
        }
    }
    Ok(points)
}
