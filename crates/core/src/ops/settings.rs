//! Saving settings: new rule values or a new morning time move every recent and future plan, in
//! the same transaction as the settings themselves.

use chrono::{DateTime, Utc};

use super::plans;
use crate::error::Result;
use crate::settings::{self, Settings};
use crate::storage::Db;

pub fn update(db: &mut Db, s: &Settings, now: DateTime<Utc>) -> Result<Settings> {
    s.validate()?;
    db.with_tx(|tx| {
        settings::write(tx, s)?;
        plans::resync_all(tx, now)
    })?;
    settings::get(db)
}
