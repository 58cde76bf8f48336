//! The session log: runs, races, massages and other recovery work.
//!
//! Reads are here (`get`, `list`, `between`); the writes here are transaction-level pieces
//! (`insert`, `replace`, `remove`, `reinsert`, `upsert`). Hosts save through `ops::sessions`,
//! which also re-derives the session's recovery plan in the same transaction.

mod list;
mod model;
mod repo;
pub mod validate;

pub use list::{between, first, list, query, Filter};
pub use model::*;
pub use repo::{fetch, fetch_opt, from_row, get, insert, reinsert, remove, replace, upsert, SessionRow, COLUMNS};

#[cfg(test)]
mod tests;
