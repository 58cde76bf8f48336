//! Storage: everything below the domains. The database handle and its migrations, backups and
//! restore, the start-up health check, file moves, the data folder's paths, and delete-all.
//!
//! The leaves come first and know nothing of `Db`: `paths` (where things live), `files` (atomic,
//! private writes and set-aside moves), `inspect` (reading a file's header or checking it without
//! writing) and `snapshot` (a consistent copy of a connection, as every backup is made). `db` uses
//! `snapshot` for the copy taken before a migration; `backup`, `restore`, `health` and `wipe` sit
//! on `db`. Nothing here calls a domain module.

pub mod backup;
pub mod db;
// Visible to the crate so the use cases (ops) can test their steps against the same faults.
pub(crate) mod fault;
pub mod files;
pub mod handle;
pub mod health;
pub mod inspect;
pub mod lock;
mod migrations;
pub mod paths;
pub mod restore;
pub mod snapshot;
pub mod wipe;

pub use db::{Db, OpenOptions};
pub use handle::Handle;
pub use migrations::latest_version;
