//! The core's one error type, and the shape it takes at the IPC boundary.
//!
//! Every error carries a stable `code` so the UI can tell "invalid distance" from "disk full"
//! without parsing messages. Validation errors carry every offending field at once, so a form can
//! show each message beside its input after a single round trip.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// One refused field: `field` is the form field's id, `message` names it in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }
    }
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

    #[error("Could not upgrade the database: {0}")]
    Migration(String),

    #[error("File error: {0}")]
    Io(std::io::Error),
}

impl Error {
    /// A single invalid field.
    pub fn field(field: &str, code: &str, message: impl Into<String>) -> Self {
        Error::Invalid(vec![FieldError::new(field, code, message)])
    }

    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid_input",
            Error::NotFound { .. } => "not_found",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::NotADatabase { .. } => "not_a_database",
            Error::DiskFull => "disk_full",
            Error::ReadOnly | Error::ReadOnlyNeedsUpgrade => "read_only",
            Error::Corrupt { .. } => "corrupt",
            Error::Busy => "busy",
            Error::Storage(_) => "storage",
            Error::Migration(_) => "migration",
            Error::Io(_) => "io",
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        let fields = match self {
            Error::Invalid(f) => f.clone(),
            _ => Vec::new(),
        };
        ErrorPayload {
            code: self.code().to_owned(),
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
    pub code: String,
    pub message: String,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub fields: Vec<FieldError>,
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
            FieldError::new("distance", "out_of_range", "Distance must be more than 0."),
            FieldError::new("rpe", "out_of_range", "Effort must be from 1 to 10."),
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
