//! aftermile-core: the domain, storage and rules of Aftermile, with no Tauri and no webview. The
//! desktop shell, the benchmarks and the tests all use it the same way: open a `Db`, call functions.

// Tests build fixtures with plain file writes and fixed clocks; clippy.toml bans those only for
// the app's own code.
#![cfg_attr(test, allow(clippy::disallowed_methods))]

pub mod briefing;
pub mod content;
pub mod error;
pub mod events;
pub mod import;
pub mod input;
pub mod limits;
pub mod load;
pub mod marks;
pub mod opening;
pub mod ops;
pub mod recovery;
pub mod regions;
pub mod reminders;
pub mod sessions;
pub mod settings;
pub mod storage;
pub mod time;
pub mod today;
pub mod transfer;

#[cfg(test)]
mod bindings;

pub use error::{Error, ErrorPayload, FieldError, Result};
pub use storage::Db;
