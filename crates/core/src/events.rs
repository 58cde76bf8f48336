//! The events the shell sends to the window, by name, with their payloads. They are defined here,
//! beside the other boundary types, so their TypeScript is generated like the rest (the payloads
//! into `ui/src/lib/bindings/`, the names into `ui/src/lib/generated/events.ts`) and the UI can
//! never listen for a name the shell does not send.

use serde::Serialize;
use ts_rs::TS;

use crate::error::ErrorPayload;
use crate::ops::import::ImportSummary;
use crate::reminders::Reminder;
use crate::transfer::Progress;

/// A reminder fired (or was delivered again at start after a crash): `ReminderFired`.
pub const REMINDER_FIRED: &str = "reminder-fired";
/// The Rust side panicked: `PanicNotice`.
pub const APP_PANIC: &str = "app-panic";
/// A long export or import moved on: `DataProgress`.
pub const DATA_PROGRESS: &str = "data-progress";
/// A write changed data a page may show: `DataChanged`.
pub const DATA_CHANGED: &str = "data-changed";
/// An activity import read another file: `ImportProgress`.
pub const IMPORT_PROGRESS: &str = "import-progress";
/// An activity import ended, done, cancelled or failed: `ImportFinished`.
pub const IMPORT_FINISHED: &str = "import-finished";
/// Files are being dragged over the window (`DropHover`), so it can show where to drop them.
pub const DROP_HOVER: &str = "drop-hover";

/// Every event name, by the key the UI uses.
pub fn names() -> Vec<(&'static str, &'static str)> {
    vec![
        ("reminderFired", REMINDER_FIRED),
        ("appPanic", APP_PANIC),
        ("dataProgress", DATA_PROGRESS),
        ("dataChanged", DATA_CHANGED),
        ("importProgress", IMPORT_PROGRESS),
        ("importFinished", IMPORT_FINISHED),
        ("dropHover", DROP_HOVER),
    ]
}

/// Sent for each fired reminder, with why its notification failed, if it did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReminderFired {
    pub reminder: Reminder,
    pub delivery_error: Option<String>,
}

/// What a panic on the Rust side reports.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PanicNotice {
    pub message: String,
    /// The log file written, if it could be.
    pub log: Option<String>,
}

/// Which long operation a progress event belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DataOp {
    Export,
    Import,
}

/// A `Progress` with the operation it belongs to.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DataProgress {
    pub op: DataOp,
    #[serde(flatten)]
    #[ts(flatten)]
    pub progress: Progress,
}

/// Which part of the data a write changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DataArea {
    Sessions,
    Marks,
    Reminders,
    Settings,
    Everything,
}

/// Sent to the window after every write (`data-changed`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DataChanged {
    pub areas: Vec<DataArea>,
}

/// How an activity import ended: its summary, or why it stopped (the database failed, say). Each
/// file is written whole, so after an error the files read before it are in the log.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportFinished {
    pub summary: Option<ImportSummary>,
    pub error: Option<ErrorPayload>,
}

/// Whether files are being dragged over the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DropHover {
    pub active: bool,
}
