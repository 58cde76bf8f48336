//! Training load: how much work the body has been doing, from effort (session RPE) and from heart
//! rate (TRIMP), as daily series, weekly totals and the averages built on them. The formulas and
//! their sources are in each file: `effort` (session RPE, Foster 2001), `trimp` (Banister),
//! `ewma` (acute, chronic, form and the ratio, Williams 2017), `weekly` (monotony and strain,
//! Foster 1998). They are pure functions over numbers; `read` gathers the sessions.
//!
//! Cross-training counts in load (it is effort) and never in running distance or time.

pub mod daily;
pub mod effort;
pub mod ewma;
pub mod explain;
pub mod model;
pub mod notes;
pub mod read;
pub mod trimp;
pub mod weekly;

#[cfg(test)]
mod prop_tests;
#[cfg(test)]
mod tests;

pub use model::{LoadPoint, WeekSummary};
pub use trimp::{HeartProfile, Sex};
