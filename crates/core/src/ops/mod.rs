//! Use cases that span domains, in one place. Each domain (sessions, marks, reminders, settings,
//! recovery, …) owns its types and tables and never calls another's write path; a step that must
//! change two of them together lives here, and calls them inside one transaction:
//!
//! - `sessions`: save a session and re-derive its recovery plan;
//! - `settings`: save settings and re-derive every plan the new values move;
//! - `marks`: save a soreness mark, and re-derive the plans a swelling or bruising mark softens;
//! - `plans`: the re-derivation these share;
//! - `warnings`: gather what the recovery rules need to judge a saved session;
//! - `transfer`: import an export document into every table at once;
//! - `restore`: swap in a backup, then settle the reminders that came back with it;
//! - `import`: turn activity files into sessions, recognising duplicates, one file per transaction.
//!
//! Hosts (the shell, the CLI, the benchmarks) call these for writes that span domains, and the
//! domains directly for everything else.

pub mod import;
pub mod marks;
pub mod plans;
pub mod restore;
pub mod sessions;
pub mod settings;
pub mod transfer;
pub mod warnings;
