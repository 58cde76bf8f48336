//! The therapist briefing sheet (DESIGN.md "Therapist briefing sheet").
//!
//! `compose` gathers everything for one appointment day into a `Briefing`, already filtered by
//! what the runner chose to share: a renderer never sees unshared health notes or contact, so
//! none can leak them. `html::render` is the one HTML renderer (the app's preview, Print and
//! Save as HTML all use it); the PDF crate lays out the same `Briefing`.

mod compose;
mod concerns;
pub mod figure;
pub mod fixture;
mod flags;
pub mod format;
pub mod html;
mod model;

pub use compose::compose;
pub use html::{render as render_html, HEADINGS};
pub use model::*;

/// A file name for the saved sheet, e.g. `briefing-2026-12-01.pdf`.
pub fn file_name(b: &Briefing, ext: &str) -> String {
    format!("briefing-{}.{ext}", b.appointment)
}

#[cfg(test)]
mod tests;
