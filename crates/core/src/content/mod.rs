//! What massage can do for a runner, which runner conditions concern which regions, and when to
//! see a clinician instead. One source of truth for the body chart, the Benefits page, the massage
//! form and the briefing sheet. The facts come from shared/seed and DESIGN.md; the wording and the
//! structure are the app's own, and a test fails on any run of eight words copied from the seed
//! (kept as `seed.txt` for that test only).
//!
//! Every claim says where it comes from (`Source`): cited trial findings, or Aftermile's advice.
//!
//! Content names regions by group ("calf" means both calves); `expand` turns a group into the
//! canonical ids, and a test checks that every name here resolves.

mod benefits;
mod conditions;
mod evidence;
mod glossary;
mod guide;
mod model;
mod red_flags;

#[cfg(test)]
mod seed_check;
#[cfg(test)]
mod tests;

use crate::regions;

pub use benefits::benefits;
pub use conditions::{conditions, DIAGNOSIS_NOTE};
pub use glossary::glossary;
pub use guide::{therapist_guide, BRIEFING_PURPOSE, RECOVERY_CONTEXT};
pub use model::*;
pub use red_flags::{red_flags, SEE_CLINICIAN_FIRST};

/// The advice the briefing sheet prints for an area whose mark raises red flags (pain, injury,
/// swelling or bruising). Each `RedFlag` has its own advice and urgency; this is the "soon" one.
pub const RED_FLAG_ADVICE: &str = SEE_CLINICIAN_FIRST;

pub fn all() -> Content {
    Content {
        benefits: benefits(),
        conditions: conditions(),
        red_flags: red_flags(),
        diagnosis_note: DIAGNOSIS_NOTE,
        recovery_context: RECOVERY_CONTEXT,
        therapist_guide: therapist_guide(),
        briefing_purpose: BRIEFING_PURPOSE,
        glossary: glossary(),
    }
}

/// Group names to canonical ids: "calf" gives calf_l and calf_r, "lower_back" gives itself.
/// An unknown group gives nothing, which the integrity test catches.
pub(crate) fn expand(groups: &[&str]) -> Vec<&'static str> {
    let all = regions::all();
    groups
        .iter()
        .flat_map(|g| {
            let exact: Vec<_> = all.iter().filter(|r| r.id == *g).map(|r| r.id).collect();
            if exact.is_empty() {
                all.iter()
                    .filter(|r| r.id.strip_suffix("_l").or(r.id.strip_suffix("_r")) == Some(g))
                    .map(|r| r.id)
                    .collect()
            } else {
                exact
            }
        })
        .collect()
}
