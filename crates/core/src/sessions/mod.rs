//! The session log: runs, races, massages and other recovery work.

mod list;
mod model;
mod repo;
pub mod validate;

pub use list::list;
pub use model::*;
pub(crate) use repo::fetch_in;
pub use repo::{create, delete, get, restore, update};

#[cfg(test)]
mod tests;
