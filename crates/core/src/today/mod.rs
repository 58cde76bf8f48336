//! Today: where a runner's recovery stands, in one read. It gathers the last race and its plan,
//! the body chart of the last days, the training load and what is due, and composes them into
//! one `Today` for the landing page, so the page loads with one call.
//!
//! Read-only: nothing here writes. Each part is worked out by a small pure function over what
//! `compose` reads, so the wording and the arithmetic are tested without a database.

mod body;
mod compose;
mod load;
mod model;
mod recovery;

#[cfg(test)]
mod tests;

pub use compose::{compose, SERIES_DAYS, WEEKS_SHOWN};
pub use model::{
    BodyNow, FlagNow, LoadNow, MassageWindow, NextRace, PlanStep, RecoveryNow, SoreArea, Today, WindowState,
};
