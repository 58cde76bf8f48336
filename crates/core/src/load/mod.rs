//! Training load: how much work the body has been doing, from effort (session RPE) and from heart
//! rate (TRIMP). Pure functions over numbers; the database is read elsewhere.

pub mod trimp;

pub use trimp::{HeartProfile, Sex};
