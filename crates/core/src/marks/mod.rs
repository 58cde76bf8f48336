//! Soreness marks on the body chart.

mod map;
mod model;
mod repo;
pub mod validate;

pub use map::{acute_regions, heat_map, history};
pub use model::*;
pub use repo::{create, delete, for_session, get, restore, update};
pub use repo::{from_row, upsert, MarkRow, COLUMNS};

#[cfg(test)]
mod tests;
