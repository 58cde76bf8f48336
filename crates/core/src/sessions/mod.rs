//! The session log: runs, races, massages and other recovery work.

mod list;
mod model;
mod repo;
pub mod validate;

pub use list::list;
pub use model::*;
pub use repo::{create, delete, get, restore, update};
pub(crate) use repo::{fetch_in, from_row, insert, COLUMNS};

#[cfg(test)]
mod tests;
