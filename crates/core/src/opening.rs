//! What the window needs before its first screen, in one read: the settings (reading them also
//! proves the database opened), what start-up found, a panic the window may have missed, the body
//! regions (Today's body card draws them), and Today's page when the app will open on it. One call
//! instead of a chain of them keeps the first screen one round trip away from the window's first
//! paint.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use ts_rs::TS;

use crate::events::PanicNotice;
use crate::regions::{self, Region};
use crate::settings::{self, Settings};
use crate::storage::health::StartupReport;
use crate::today::{self, Today};
use crate::{Db, Result};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Opening {
    pub settings: Settings,
    pub report: StartupReport,
    pub panic: Option<PanicNotice>,
    /// Fixed for a given build; the window keeps them for every page that draws the body.
    pub regions: Vec<Region>,
    /// Today's page, unless start-up needs the runner to choose a recovery first. `None` also
    /// when it could not be read: the page then asks for it itself and shows why it failed.
    pub today: Option<Today>,
}

/// Reads the opening. An error means the settings could not be read: the database is not usable.
pub fn read(
    db: &Db,
    report: StartupReport,
    panic: Option<PanicNotice>,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<Opening> {
    let settings = settings::get(db)?;
    let today = match report.recovery {
        Some(_) => None,
        None => today::compose(db, now, zone).ok(),
    };
    Ok(Opening {
        settings,
        report,
        panic,
        regions: regions::all(),
        today,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::health::{Recovery, RecoveryProblem};
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap()
    }

    #[test]
    fn a_new_data_folder_opens_on_the_empty_today() {
        let db = Db::open_in_memory().unwrap();
        let o = read(&db, StartupReport::default(), None, now(), chrono_tz::Europe::London).unwrap();
        assert_eq!(o.settings, settings::get(&db).unwrap());
        assert_eq!(o.regions.len(), regions::all().len());
        let today = o.today.expect("Today comes with the opening");
        assert!(today.empty);
        assert_eq!(today.date, "2026-11-29");
    }

    #[test]
    fn a_recovery_to_choose_comes_without_today() {
        let db = Db::open_in_memory().unwrap();
        let report = StartupReport {
            recovery: Some(Recovery {
                problem: RecoveryProblem::Corrupt,
                detail: "damaged".into(),
                set_aside: vec![],
                newest_backup: None,
            }),
            ..Default::default()
        };
        let panic = Some(PanicNotice {
            message: "boom".into(),
            log: None,
        });
        let o = read(&db, report.clone(), panic, now(), chrono_tz::UTC).unwrap();
        assert!(o.today.is_none());
        assert_eq!(o.report, report);
        assert_eq!(o.panic.map(|p| p.message).as_deref(), Some("boom"));
    }
}
