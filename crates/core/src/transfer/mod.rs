//! Export and import: everything as one versioned JSON document, and each table as CSV.
//!
//! The JSON document (docs/export-format.md) uses the same boundary types as the UI (`Session`,
//! `Mark`) plus reminders with their stored fields, so an export is readable without this app and
//! an import goes through the same validators as the forms. Records carry their stable ids, which
//! is what lets an import merge instead of duplicate: same id means the same record, and the one
//! with the newer `updatedAt` wins.
//!
//! Import is all or nothing: every record is parsed and validated before the one transaction that
//! writes them opens, and a write failure (a full disk) rolls the whole transaction back.

mod csv;
mod export;
mod import;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::marks::Mark;
use crate::recovery::ReminderKind;
use crate::reminders::ReminderState;
use crate::sessions::Session;
use crate::settings::Settings;

pub use csv::export_csv;
pub use export::{collect, export_json};
pub use import::{import_json, parse};

/// The `format` of every export document.
pub const FORMAT: &str = "aftermile-export";
/// The document version this build writes and the newest it reads.
pub const VERSION: u32 = 1;
/// Progress is reported every this many records.
pub const PROGRESS_EVERY: usize = 500;

/// The whole export document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportDoc {
    pub format: String,
    pub version: u32,
    /// RFC 3339, UTC.
    pub exported_at: String,
    /// The database schema the data came from (informative).
    pub schema_version: u32,
    pub app_version: String,
    pub sessions: Vec<Session>,
    pub marks: Vec<Mark>,
    pub reminders: Vec<ExportedReminder>,
    pub settings: Settings,
}

/// A reminder as stored: its due time, state and history, without the derived `firesAt`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedReminder {
    pub id: String,
    pub kind: ReminderKind,
    pub text: String,
    pub source: String,
    pub session_id: Option<String>,
    pub due_utc: String,
    pub wall_local: String,
    pub zone: String,
    pub state: ReminderState,
    pub snoozed_until: Option<String>,
    pub fired_at: Option<String>,
    pub missed: bool,
    pub delivery_error: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// How far a long export or import has got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// "reading", "checking" or "writing".
    pub phase: String,
    pub done: u32,
    pub total: u32,
}

impl Progress {
    fn new(phase: &str, done: usize, total: usize) -> Self {
        Progress {
            phase: phase.into(),
            done: done as u32,
            total: total as u32,
        }
    }
}

/// Calls `f` every `PROGRESS_EVERY` records and at the end of a phase.
pub(crate) fn tick(f: &mut dyn FnMut(Progress), phase: &str, done: usize, total: usize) {
    if done.is_multiple_of(PROGRESS_EVERY) || done == total {
        f(Progress::new(phase, done, total));
    }
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportSummary {
    /// The file or folder written.
    pub path: String,
    pub sessions: u32,
    pub marks: u32,
    pub reminders: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportCounts {
    pub added: u32,
    /// Already there, and the file's copy was newer.
    pub updated: u32,
    /// Already there, and the file's copy was not newer.
    pub skipped: u32,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub sessions: ImportCounts,
    pub marks: ImportCounts,
    pub reminders: ImportCounts,
    /// Settings taken from the file: only those the database did not have yet.
    pub settings_applied: u32,
    /// The backup taken just before writing, if the database had data.
    pub backup: Option<String>,
}

#[cfg(test)]
mod tests;
