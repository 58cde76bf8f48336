//! Soreness marks on the body chart.

mod map;
mod model;
mod repo;
pub mod validate;

pub use map::{acute_regions, any, heat_map, history, latest_acute};
pub use model::*;
pub use repo::{check_restorable, created_at, fetch, for_session, get, remove, save, updated_at, Saving};
pub use repo::{from_row, upsert, MarkRow, COLUMNS};

#[cfg(test)]
mod tests;
