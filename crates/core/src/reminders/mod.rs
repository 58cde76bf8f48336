//! Reminders: stored with their due instant, the wall time and zone they were set in, their kind,
//! source and state. The runner's own reminders are made here; plans made from races keep theirs
//! in step through `ops::plans`. The shell's scheduler claims and sends them (`fire`); `ics`
//! exports them for calendar apps.

mod fire;
pub mod ics;
mod model;
mod repo;

pub use fire::{
    claim_due, next_fire_at, record_delivered, record_delivery_error, settle_returned, undelivered, MISSED_AFTER,
};
pub use model::*;
pub use repo::{
    act, by_rule, create_manual, delete_in, delete_manual, due_by, edit, fetch, fetch_opt, for_session, from_row, get,
    list, snooze, upsert, COLUMNS,
};

#[cfg(test)]
mod tests;
