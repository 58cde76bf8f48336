//! The core's one error type, and the shape it takes at the IPC boundary.
//!
//! Every error carries a stable `code` so the UI can tell "invalid distance" from "disk full"
//! without parsing messages. Validation errors carry every offending field at once, so a form can
//! show each message beside its input after a single round trip.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why one field was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldCode {
    Required,
    InvalidFormat,
    OutOfRange,
    TooLong,
    UnknownValue,
    /// A wall time that a DST change skipped.
    NonexistentTime,
    NotAllowed,
    Duplicate,
    /// A typed confirmation that does not match.
    Mismatch,
    /// A file format version this build does not read.
    Unsupported,
    /// The operating system would not make the change.
    SystemRefused,
    /// Refused for a reason that is not about the field's own value.
    Invalid,
}

/// One refused field: `field` is the form field's id, `message` names it in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    pub field: String,
    pub code: FieldCode,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, code: FieldCode, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            code,
            message: message.into(),
        }
    }
}

impl FieldCode {
    /// The code as it travels (`"out_of_range"`).
    pub fn as_str(self) -> &'static str {
        match self {
            FieldCode::Required => "required",
            FieldCode::InvalidFormat => "invalid_format",
            FieldCode::OutOfRange => "out_of_range",
            FieldCode::TooLong => "too_long",
            FieldCode::UnknownValue => "unknown_value",
            FieldCode::NonexistentTime => "nonexistent_time",
            FieldCode::NotAllowed => "not_allowed",
            FieldCode::Duplicate => "duplicate",
            FieldCode::Mismatch => "mismatch",
            FieldCode::Unsupported => "unsupported",
            FieldCode::SystemRefused => "system_refused",
            FieldCode::Invalid => "invalid",
        }
    }
}

/// What kind of failure a command hit, for the UI to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidInput,
    NotFound,
    SchemaTooNew,
    NotADatabase,
    DiskFull,
    ReadOnly,
    Corrupt,
    Busy,
    Storage,
    Migration,
    Io,
    /// A bug, not the runner's doing: the message says what.
    Internal,
    /// The shell could not read a command's arguments.
    InvalidRequest,
    /// The database is closed (a reopen failed); see the message, retry or quit.
    Closed,
    /// Another process holds the data folder.
    InUse,
    /// One of these runs at a time (an import), and one is running.
    AlreadyRunning,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", .0.first().map(|e| e.message.as_str()).unwrap_or("Invalid input."))]
    Invalid(Vec<FieldError>),

    #[error("{what} not found.")]
    NotFound { what: &'static str },

    #[error(
        "This data was written by a newer version of Aftermile (schema {found}; this version \
         understands up to {supported}). Update Aftermile to open it. The file was left untouched."
    )]
    SchemaTooNew { found: u32, supported: u32 },

    #[error("{path} is not an Aftermile database. It was left untouched.")]
    NotADatabase { path: String },

    #[error("The disk is full, so nothing was saved. Free some space and try again.")]
    DiskFull,

    #[error("The data folder is read-only, so nothing was saved. You can still browse your entries.")]
    ReadOnly,

    #[error(
        "The data folder is read-only, and your data needs an upgrade for this version of Aftermile. \
         Make the folder writable and start Aftermile again."
    )]
    ReadOnlyNeedsUpgrade,

    #[error("{what} is damaged ({detail}). It was left untouched.")]
    Corrupt { what: String, detail: String },

    #[error("The database is busy in another process. Try again in a moment.")]
    Busy,

    #[error("Database error: {0}")]
    Storage(rusqlite::Error),

    /// Only a failed schema migration: other failures have their own variants.
    #[error("Could not upgrade the database: {0}")]
    Migration(String),

    #[error("File error: {0}")]
    Io(std::io::Error),

    #[error("Aftermile hit an internal error: {0}")]
    Internal(String),

    /// The database was closed to replace its file and could not be opened again.
    #[error("Aftermile's database is closed: {why}. Try again, or quit and start Aftermile again.")]
    Closed { why: String },

    /// Another program (a second Aftermile, a sync tool) holds the data folder.
    #[error("Aftermile's data folder is in use by another program ({detail}). Close the other Aftermile window, or wait for the sync to finish, and try again.")]
    InUse { detail: String },

    /// A long job that runs one at a time (an activity import) was asked for while one runs.
    #[error("{what} is already running. Wait for it to finish, or cancel it.")]
    AlreadyRunning { what: &'static str },
}

impl Error {
    /// A single invalid field.
    pub fn field(field: &str, code: FieldCode, message: impl Into<String>) -> Self {
        Error::Invalid(vec![FieldError::new(field, code, message)])
    }

    pub fn kind(&self) -> ErrorCode {
        match self {
            Error::Invalid(_) => ErrorCode::InvalidInput,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::SchemaTooNew { .. } => ErrorCode::SchemaTooNew,
            Error::NotADatabase { .. } => ErrorCode::NotADatabase,
            Error::DiskFull => ErrorCode::DiskFull,
            Error::ReadOnly | Error::ReadOnlyNeedsUpgrade => ErrorCode::ReadOnly,
            Error::Corrupt { .. } => ErrorCode::Corrupt,
            Error::Busy => ErrorCode::Busy,
            Error::Storage(_) => ErrorCode::Storage,
            Error::Migration(_) => ErrorCode::Migration,
            Error::Io(_) => ErrorCode::Io,
            Error::Internal(_) => ErrorCode::Internal,
            Error::Closed { .. } => ErrorCode::Closed,
            Error::InUse { .. } => ErrorCode::InUse,
            Error::AlreadyRunning { .. } => ErrorCode::AlreadyRunning,
        }
    }

    /// The code as it travels (`"disk_full"`), for logs and tests.
    pub fn code(&self) -> &'static str {
        self.kind().as_str()
    }

    pub fn payload(&self) -> ErrorPayload {
        let fields = match self {
            Error::Invalid(f) => f.clone(),
            _ => Vec::new(),
        };
        ErrorPayload {
            code: self.kind(),
            message: self.to_string(),
            field: fields.first().map(|f| f.field.clone()),
            fields,
        }
    }
}

impl From<rusqlite::Error> for Error {
    /// Disk-full, read-only and busy get their own variants: the UI words them for a runner and
    /// keeps the app usable for reading instead of showing an SQLite code.
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DiskFull) => Error::DiskFull,
            Some(C::ReadOnly) => Error::ReadOnly,
            Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => Error::Busy,
            Some(C::NotADatabase) => Error::NotADatabase {
                path: String::from("The database file"),
            },
            _ => Error::Storage(e),
        }
    }
}

impl From<std::io::Error> for Error {
    /// A full disk or a read-only file system reads the same whether SQLite or a file copy hit it.
    fn from(e: std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::StorageFull | K::QuotaExceeded => Error::DiskFull,
            K::ReadOnlyFilesystem => Error::ReadOnly,
            _ => Error::Io(e),
        }
    }
}

/// What the UI receives for any failed command: `{code, message, field?, fields}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub fields: Vec<FieldError>,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::NotFound => "not_found",
            ErrorCode::SchemaTooNew => "schema_too_new",
            ErrorCode::NotADatabase => "not_a_database",
            ErrorCode::DiskFull => "disk_full",
            ErrorCode::ReadOnly => "read_only",
            ErrorCode::Corrupt => "corrupt",
            ErrorCode::Busy => "busy",
            ErrorCode::Storage => "storage",
            ErrorCode::Migration => "migration",
            ErrorCode::Io => "io",
            ErrorCode::Internal => "internal",
            ErrorCode::InvalidRequest => "invalid_request",
            ErrorCode::Closed => "closed",
            ErrorCode::InUse => "in_use",
            ErrorCode::AlreadyRunning => "already_running",
        }
    }
}

/// Codes compare with their text forms, so a test or a log check can say `code == "disk_full"`.
macro_rules! eq_text {
    ($t:ty) => {
        impl PartialEq<&str> for $t {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    };
}
eq_text!(ErrorCode);
eq_text!(FieldCode);

impl ErrorPayload {
    /// A payload for a failure outside the core (the shell's own), with no field.
    pub fn internal(message: impl Into<String>) -> Self {
        ErrorPayload {
            code: ErrorCode::Internal,
            message: message.into(),
            field: None,
            fields: Vec::new(),
        }
    }
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.payload().serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_payload_names_the_first_field_and_lists_all() {
        let e = Error::Invalid(vec![
            FieldError::new("distance", FieldCode::OutOfRange, "Distance must be more than 0."),
            FieldError::new("rpe", FieldCode::OutOfRange, "Effort must be from 1 to 10."),
        ]);
        let p = e.payload();
        assert_eq!(p.code, "invalid_input");
        assert_eq!(p.field.as_deref(), Some("distance"));
        assert_eq!(p.message, "Distance must be more than 0.");
        assert_eq!(p.fields.len(), 2);
    }

    #[test]
    fn serializes_as_payload() {
        let v = serde_json::to_value(Error::NotFound { what: "Session" }).unwrap();
        assert_eq!(v["code"], "not_found");
        assert!(v.get("field").is_none());
    }
}
