//! aftermile-core: the domain, storage and rules of Aftermile, with no Tauri and no webview. The
//! desktop shell, the benchmarks and the tests all use it the same way: open a `Db`, call functions.

pub mod backup;
pub mod briefing;
pub mod content;
pub mod db;
pub mod error;
mod files;
pub mod health;
pub mod marks;
pub mod paths;
pub mod recovery;
pub mod regions;
pub mod reminders;
pub mod sessions;
pub mod settings;
pub mod time;
pub mod transfer;
pub mod wipe;

#[cfg(test)]
mod bindings;

pub use db::Db;
pub use error::{Error, ErrorPayload, FieldError, Result};
