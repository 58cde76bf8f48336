//! Soreness marks on the body chart.

mod map;
mod model;
mod repo;
pub(crate) mod validate;

pub use map::{heat_map, history, DEFAULT_DAYS};
pub use model::*;
pub use repo::{create, delete, for_session, get, restore, update};
pub(crate) use repo::{from_row, upsert, MarkRow, COLUMNS};
pub use validate::NOTE_MAX;

#[cfg(test)]
mod tests;
