//! Runner settings, stored one key per row so later versions can add keys without a migration.
//! A key that is missing or holds an unknown value falls back to its default.

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Db;
use crate::error::Result;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Units {
    #[default]
    Km,
    Mi,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub units: Units,
}

pub fn get(db: &Db) -> Result<Settings> {
    let units: Option<String> = db
        .conn()
        .query_row("SELECT value FROM settings WHERE key = 'units'", [], |r| {
            r.get(0)
        })
        .optional()?;
    let units = match units.as_deref() {
        Some("mi") => Units::Mi,
        _ => Units::Km,
    };
    Ok(Settings { units })
}

pub fn update(db: &mut Db, s: &Settings) -> Result<Settings> {
    let units = match s.units {
        Units::Km => "km",
        Units::Mi => "mi",
    };
    db.with_tx(|tx| {
        tx.execute(
            "INSERT INTO settings (key, value) VALUES ('units', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [units],
        )?;
        Ok(())
    })?;
    get(db)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_km_and_remembers_miles() {
        let mut db = Db::open_in_memory().unwrap();
        assert_eq!(get(&db).unwrap().units, Units::Km);
        update(&mut db, &Settings { units: Units::Mi }).unwrap();
        assert_eq!(get(&db).unwrap().units, Units::Mi);
    }
}
