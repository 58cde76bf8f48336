//! Runner settings, stored one key per row as JSON so later versions can add keys without a
//! migration. A key that is missing, or holds a value this version can't read, falls back to its
//! default on its own; the other keys keep their values.

use chrono::NaiveTime;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::db::Db;
use crate::error::{Error, FieldError, Result};
use crate::recovery::{quiet, QuietHours, RecoveryRules};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Units {
    #[default]
    Km,
    Mi,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub units: Units,
    pub quiet_hours: QuietHours,
    /// When day-based reminders come, `HH:MM` local.
    pub morning_time: String,
    pub rules: RecoveryRules,
    /// Closing the window keeps Aftermile in the tray, so reminders still fire.
    pub close_to_tray: bool,
    pub start_at_login: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            units: Units::Km,
            quiet_hours: QuietHours::default(),
            morning_time: "08:00".into(),
            rules: RecoveryRules::default(),
            close_to_tray: true,
            start_at_login: false,
        }
    }
}

impl Settings {
    pub fn validate(&self) -> Result<()> {
        let mut errs: Vec<FieldError> = Vec::new();
        for r in [
            self.quiet_hours.validate(),
            self.morning().map(|_| ()),
            self.rules.validate(),
        ] {
            if let Err(Error::Invalid(mut f)) = r {
                errs.append(&mut f);
            }
        }
        if errs.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(errs))
        }
    }

    pub fn morning(&self) -> Result<NaiveTime> {
        quiet::parse_hhmm("morningTime", "Morning reminder time", &self.morning_time)
    }

    /// The morning time, or 08:00 if the stored value is unreadable.
    pub fn morning_or_default(&self) -> NaiveTime {
        self.morning()
            .unwrap_or_else(|_| NaiveTime::from_hms_opt(8, 0, 0).expect("valid time"))
    }
}

pub fn get(db: &Db) -> Result<Settings> {
    read(db.conn())
}

/// Reads settings on any connection, including inside a transaction.
pub fn read(conn: &Connection) -> Result<Settings> {
    let Value::Object(mut merged) = serde_json::to_value(Settings::default()).map_err(json_err)? else {
        return Ok(Settings::default());
    };
    let mut stmt = conn.prepare_cached("SELECT key, value FROM settings")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (key, raw) = row?;
        let Some(slot) = merged.get(&key).cloned() else {
            continue;
        };
        // Schema 1 stored units as bare text; everything since is JSON.
        let value = serde_json::from_str(&raw).unwrap_or(Value::String(raw));
        merged.insert(key.clone(), value);
        if serde_json::from_value::<Settings>(Value::Object(merged.clone())).is_err() {
            merged.insert(key, slot);
        }
    }
    serde_json::from_value(Value::Object(merged)).map_err(json_err)
}

pub fn update(db: &mut Db, s: &Settings) -> Result<Settings> {
    s.validate()?;
    let Value::Object(fields) = serde_json::to_value(s).map_err(json_err)? else {
        return Err(Error::Migration("settings did not serialize to an object".into()));
    };
    db.with_tx(|tx| {
        write(tx, &fields)?;
        // New rule values or morning time move every recent and future plan.
        crate::reminders::sync::resync_all(tx, crate::time::now())
    })?;
    get(db)
}

fn write(conn: &Connection, fields: &Map<String, Value>) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?;
    for (k, v) in fields {
        stmt.execute([k, &v.to_string()])?;
    }
    Ok(())
}

fn json_err(e: serde_json::Error) -> Error {
    Error::Migration(format!("settings: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_then_remembers_every_field() {
        let mut db = Db::open_in_memory().unwrap();
        assert_eq!(get(&db).unwrap(), Settings::default());
        let mut s = Settings {
            units: Units::Mi,
            ..Default::default()
        };
        s.quiet_hours.start = "21:30".into();
        s.rules.checkin_hours = vec![24, 48];
        s.close_to_tray = false;
        update(&mut db, &s).unwrap();
        assert_eq!(get(&db).unwrap(), s);
    }

    #[test]
    fn schema_1_bare_units_and_unreadable_keys_fall_back_one_by_one() {
        let db = Db::open_in_memory().unwrap();
        db.conn()
            .execute_batch(
                "INSERT INTO settings VALUES ('units', 'mi');
                 INSERT INTO settings VALUES ('rules', '{\"easyDaysPerMile\": \"lots\"}');
                 INSERT INTO settings VALUES ('someFutureKey', '42');",
            )
            .unwrap();
        let s = get(&db).unwrap();
        assert_eq!(s.units, Units::Mi);
        assert_eq!(s.rules, RecoveryRules::default());
    }

    #[test]
    fn bad_values_are_refused_by_field_and_nothing_is_written() {
        let mut db = Db::open_in_memory().unwrap();
        let mut s = Settings {
            units: Units::Mi,
            morning_time: "8 o'clock".into(),
            ..Default::default()
        };
        s.quiet_hours.end = "nope".into();
        let p = update(&mut db, &s).unwrap_err().payload();
        let fields: Vec<_> = p.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["quietHours.end", "morningTime"]);
        assert_eq!(get(&db).unwrap(), Settings::default());
    }
}
