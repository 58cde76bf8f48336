//! Reminders: stored with their due instant, the wall time and zone they were set in, their kind,
//! source and state. Plans made from races keep them in step (`sync`); the shell's scheduler
//! claims and sends them (`fire`); `ics` exports them for calendar apps.

mod fire;
pub mod ics;
mod model;
mod repo;
pub(crate) mod sync;

pub use fire::{claim_due, next_fire_at, record_delivery_error, MISSED_AFTER};
pub use model::*;
pub use repo::{act, create_manual, delete_manual, edit, get, list, snooze, TEXT_MAX};

#[cfg(test)]
mod tests;
