//! Runner settings, stored one key per row as JSON so later versions can add keys without a
//! migration. A key that is missing, or holds a value this version can't read, falls back to its
//! default on its own; the other keys keep their values.

use chrono::NaiveTime;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::error::{Error, FieldCode, FieldError, Result};
use crate::limits::{PROFILE_CONTACT_MAX, PROFILE_NAME_MAX, PROFILE_NOTE_MAX};
use crate::load::{HeartProfile, Sex};
use crate::recovery::{quiet, QuietHours, RecoveryRules};
use crate::storage::Db;

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
    /// Who the runner is and what they may share on the briefing sheet.
    pub profile: Profile,
    /// How imported activities are read.
    pub import: ImportSettings,
}

/// How imported activities are read. `#[serde(default)]` so settings saved before imports existed
/// keep their other keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ImportSettings {
    /// A run at least this long (moving time) is imported as a long run.
    pub long_run_minutes: u32,
    /// The IANA zone for activities whose file gives no local time (GPX, TCX); empty means the
    /// computer's own zone at the time of the import.
    pub zone: String,
}

pub const LONG_RUN_MINUTES_DEFAULT: u32 = 90;

impl Default for ImportSettings {
    fn default() -> Self {
        ImportSettings {
            long_run_minutes: LONG_RUN_MINUTES_DEFAULT,
            zone: String::new(),
        }
    }
}

impl ImportSettings {
    /// The zone for files without one: the one set here, else this computer's.
    pub fn resolved_zone(&self) -> chrono_tz::Tz {
        self.zone
            .trim()
            .parse::<chrono_tz::Tz>()
            .unwrap_or_else(|_| crate::time::computer_zone())
    }

    pub fn validate(&self) -> Result<()> {
        let mut errs = Vec::new();
        if !(30..=600).contains(&self.long_run_minutes) {
            errs.push(FieldError::new(
                "import.longRunMinutes",
                FieldCode::OutOfRange,
                "A long run must be set from 30 to 600 minutes.",
            ));
        }
        if !self.zone.trim().is_empty() {
            if let Err(Error::Invalid(mut f)) = crate::time::parse_zone("import.zone", self.zone.trim()) {
                errs.append(&mut f);
            }
        }
        crate::input::finish(errs)
    }
}

/// Paper size of the briefing sheet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// The runner's own details. Each piece of health information has a tick saying whether the
/// briefing form starts with it shared; the runner can still change it per sheet.
/// `#[serde(default)]` so a profile stored by an older version, missing a newer key, keeps the
/// keys it has instead of falling back whole.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Profile {
    pub name: String,
    /// Phone or email, free text.
    pub contact: String,
    pub share_contact: bool,
    /// Current or past injuries the therapist should know about.
    pub injuries: String,
    pub share_injuries: bool,
    pub medication: String,
    pub share_medication: bool,
    /// Allergies, e.g. to massage oils or nuts in them.
    pub allergies: String,
    pub share_allergies: bool,
    pub paper: Paper,
    /// Resting heart rate, bpm, for TRIMP; 60 until set.
    pub resting_hr: Option<u16>,
    /// Maximum heart rate, bpm, for TRIMP; 200 until set.
    pub max_hr: Option<u16>,
    /// For TRIMP's weighting; when not given, values between the two are used (`load::trimp`).
    pub sex: Option<Sex>,
}

impl Profile {
    pub fn validate(&self) -> Result<()> {
        let mut errs = Vec::new();
        for (field, label, text, max) in [
            ("profile.name", "Name", &self.name, PROFILE_NAME_MAX),
            ("profile.contact", "Contact", &self.contact, PROFILE_CONTACT_MAX),
            ("profile.injuries", "Injuries", &self.injuries, PROFILE_NOTE_MAX),
            ("profile.medication", "Medication", &self.medication, PROFILE_NOTE_MAX),
            ("profile.allergies", "Allergies", &self.allergies, PROFILE_NOTE_MAX),
        ] {
            if text.chars().count() > max {
                errs.push(FieldError::new(
                    field,
                    FieldCode::TooLong,
                    format!("{label} can be at most {max} characters."),
                ));
            }
        }
        if let Some(r) = self.resting_hr {
            if !(25..=120).contains(&r) {
                errs.push(FieldError::new(
                    "profile.restingHr",
                    FieldCode::OutOfRange,
                    "Resting heart rate must be from 25 to 120 bpm.",
                ));
            }
        }
        if let Some(m) = self.max_hr {
            if !(120..=240).contains(&m) {
                errs.push(FieldError::new(
                    "profile.maxHr",
                    FieldCode::OutOfRange,
                    "Maximum heart rate must be from 120 to 240 bpm.",
                ));
            }
        }
        if let (Some(r), Some(m)) = (self.resting_hr, self.max_hr) {
            if r + 30 > m {
                errs.push(FieldError::new(
                    "profile.maxHr",
                    FieldCode::OutOfRange,
                    "Maximum heart rate must be well above the resting rate.",
                ));
            }
        }
        if errs.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(errs))
        }
    }

    /// The heart-rate values TRIMP is worked out with.
    pub fn heart(&self) -> HeartProfile {
        let d = HeartProfile::default();
        HeartProfile {
            resting: self.resting_hr.map_or(d.resting, f64::from),
            max: self.max_hr.map_or(d.max, f64::from),
            sex: self.sex,
        }
    }
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
            profile: Profile::default(),
            import: ImportSettings::default(),
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
            self.profile.validate(),
            self.import.validate(),
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

/// Writes every key of `s`, inside the caller's transaction. Hosts save through
/// `ops::settings::update`, which validates first and re-derives the plans the new values move.
pub fn write(conn: &Connection, s: &Settings) -> Result<()> {
    let Value::Object(fields) = serde_json::to_value(s).map_err(json_err)? else {
        return Err(Error::Internal("settings did not serialize to an object".into()));
    };
    let mut stmt = conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?;
    for (k, v) in &fields {
        stmt.execute([k, &v.to_string()])?;
    }
    Ok(())
}

/// Writes the keys of `values` the database does not hold yet and leaves the rest as they are:
/// a JSON import adds settings it brings without overriding the runner's own. Returns how many
/// were added.
pub fn write_missing(conn: &Connection, values: &serde_json::Map<String, Value>) -> Result<u32> {
    let mut stmt = conn.prepare_cached("INSERT OR IGNORE INTO settings (key, value) VALUES (?1, ?2)")?;
    let mut added = 0;
    for (k, v) in values {
        added += stmt.execute([k, &v.to_string()])? as u32;
    }
    Ok(added)
}

fn json_err(e: serde_json::Error) -> Error {
    Error::Internal(format!("settings: {e}"))
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
        crate::ops::settings::update(&mut db, &s, crate::time::now()).unwrap();
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
        assert_eq!(s.profile, Profile::default());
    }

    #[test]
    fn a_profile_missing_newer_keys_keeps_the_ones_it_has() {
        let db = Db::open_in_memory().unwrap();
        db.conn()
            .execute(
                "INSERT INTO settings VALUES ('profile', '{\"name\": \"Sam\", \"paper\": \"letter\"}')",
                [],
            )
            .unwrap();
        let p = get(&db).unwrap().profile;
        assert_eq!(p.name, "Sam");
        assert_eq!(p.paper, Paper::Letter);
        assert!(!p.share_allergies);
    }

    #[test]
    fn an_overlong_profile_note_is_refused_by_field() {
        let mut db = Db::open_in_memory().unwrap();
        let mut s = Settings::default();
        s.profile.allergies = "x".repeat(PROFILE_NOTE_MAX + 1);
        let p = crate::ops::settings::update(&mut db, &s, crate::time::now())
            .unwrap_err()
            .payload();
        assert_eq!(p.field.as_deref(), Some("profile.allergies"));
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
        let p = crate::ops::settings::update(&mut db, &s, crate::time::now())
            .unwrap_err()
            .payload();
        let fields: Vec<_> = p.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["quietHours.end", "morningTime"]);
        assert_eq!(get(&db).unwrap(), Settings::default());
    }
}
