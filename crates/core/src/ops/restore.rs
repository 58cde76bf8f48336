//! Restoring a backup: the crash-safe swap (`storage::restore`), then the reminders that came back
//! with the old data are settled, so one whose time passed meanwhile is marked missed instead of
//! being sent again now.

use std::path::Path;

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::reminders;
use crate::storage::restore::{self, RestoreOutcome};
use crate::storage::Handle;

pub fn restore(handle: &mut Handle, backup: &Path, now: DateTime<Utc>) -> Result<RestoreOutcome> {
    // Settled in the staged copy, before the swap: a crash or a failed reopen after it cannot let
    // the old reminders fire again. A copy of an older schema is settled once it is migrated.
    let settle = |c: &rusqlite::Connection| reminders::settle_returned(c, now, None).map(|_| ());
    let out = restore::restore_prepared(handle, backup, now, settle)?;
    if out.schema_version < crate::storage::latest_version() {
        handle.db()?.with_tx(|tx| reminders::settle_returned(tx, now, None))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;
    use crate::reminders::{ReminderInput, ReminderState};
    use crate::storage::backup::{self, Reason};
    use crate::storage::Db;

    /// A database with a reminder due on 2 May, backed up on 1 May; what the tests restore on
    /// 4 May, after the reminder's time: (folder, handle, reminder id, backup path, restore time).
    fn scene() -> (tempfile::TempDir, Handle, String, std::path::PathBuf, DateTime<Utc>) {
        let tmp = tempfile::tempdir().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
        let mut db = Db::open(&tmp.path().join("aftermile.sqlite3")).unwrap();
        let input = ReminderInput {
            text: "Stretch".into(),
            wall_local: "2026-05-02T12:00".into(),
            zone: "UTC".into(),
        };
        let r = reminders::create_manual(&mut db, &input, now).unwrap();
        let b = backup::create(&db, &tmp.path().join("backups"), Reason::Manual, now).unwrap();
        let path = tmp.path().join("backups").join(&b.name);
        (tmp, Handle::new(db), r.id, path, now + Duration::days(3))
    }

    #[test]
    fn a_reminder_restored_after_its_time_is_missed_not_sent() {
        let (_tmp, mut handle, id, backup, later) = scene();
        restore(&mut handle, &backup, later).unwrap();
        let db = handle.db().unwrap();
        assert!(reminders::claim_due(db, later).unwrap().is_empty(), "not sent now");
        let back = reminders::get(db, &id).unwrap();
        assert_eq!(back.state, ReminderState::Fired);
        assert!(back.missed && back.delivered_at.is_some());
    }

    #[test]
    fn a_reopen_that_fails_after_the_swap_still_leaves_the_old_reminders_missed() {
        let (_tmp, mut handle, id, backup, later) = scene();
        crate::storage::fault::fail_at("restore", 4);
        assert!(restore(&mut handle, &backup, later).is_err());
        // The runner presses Retry: the restored data opens, and nothing from it is due now.
        handle.reopen().unwrap();
        let db = handle.db().unwrap();
        assert!(reminders::claim_due(db, later).unwrap().is_empty(), "not sent now");
        assert!(reminders::get(db, &id).unwrap().missed);
    }
}
