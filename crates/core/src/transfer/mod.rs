//! Export and import: everything as one versioned JSON document, and each table as CSV.
//!
//! The JSON document (docs/export-format.md) uses the same boundary types as the UI (`Session`,
//! `Mark`, `Reminder`), so an export is readable without this app and
//! an import goes through the same validators as the forms. Records carry their stable ids, which
//! is what lets an import merge instead of duplicate: same id means the same record, and the one
//! with the newer `updatedAt` wins.
//!
//! Import is all or nothing: every record is parsed and validated here before `ops::transfer`
//! opens the one transaction that writes them, and a write failure (a full disk) rolls the whole
//! transaction back.

mod csv;
mod export;
mod import;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::marks::Mark;
use crate::reminders::Reminder;
use crate::sessions::Session;
use crate::settings::Settings;

pub use csv::export_csv;
pub use export::{collect, export_json};
pub use import::{at, parse, place, Checked, MarkRec, SessionRec};

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
    pub reminders: Vec<Reminder>,
    pub settings: Settings,
}

/// Which part of a long export or import is under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Reading,
    Checking,
    Writing,
}

/// How far a long export or import has got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub phase: Phase,
    pub done: u32,
    pub total: u32,
}

impl Progress {
    pub fn new(phase: Phase, done: usize, total: usize) -> Self {
        Progress {
            phase,
            done: done as u32,
            total: total as u32,
        }
    }
}

/// Calls `f` every `PROGRESS_EVERY` records and at the end of a phase.
pub fn tick(f: &mut dyn FnMut(Progress), phase: Phase, done: usize, total: usize) {
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
