//! What massage can do for a runner, which runner conditions concern which regions, and when to
//! see a clinician instead. One source of truth for the body chart, the Benefits page and the
//! briefing sheet. The facts come from shared/seed and DESIGN.md; the wording is the app's own.
//!
//! Content names regions by group ("calf" means both calves); `expand` turns a group into the
//! canonical ids, and a test checks that every name here resolves.

mod benefits;
mod conditions;
mod red_flags;

use serde::Serialize;
use ts_rs::TS;

use crate::regions;

pub use benefits::benefits;
pub use conditions::conditions;
pub use red_flags::red_flags;

/// How firmly a benefit is supported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Support {
    /// Trials show an effect.
    Studied,
    /// Trials looked and found little or no effect.
    Weak,
    /// Runners and therapists report it; trials have not settled it.
    Reported,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub finding: &'static str,
    pub citation: &'static str,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Benefit {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub support: Support,
    /// Canonical region ids.
    pub regions: Vec<&'static str>,
    /// Condition ids.
    pub conditions: Vec<&'static str>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Condition {
    pub id: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    /// Canonical region ids.
    pub regions: Vec<&'static str>,
    /// What massage can and cannot do for it.
    pub massage_note: &'static str,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RedFlag {
    pub id: &'static str,
    pub sign: &'static str,
    pub why: &'static str,
}

/// Everything the chart, Benefits page and briefing sheet need, in one call.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Content {
    pub benefits: Vec<Benefit>,
    pub conditions: Vec<Condition>,
    pub red_flags: Vec<RedFlag>,
    /// Shown with every red flag.
    pub red_flag_advice: &'static str,
}

pub const RED_FLAG_ADVICE: &str = "See a doctor or physiotherapist before any massage on this area, and leave it \
     alone until they have looked at it.";

pub fn all() -> Content {
    Content {
        benefits: benefits(),
        conditions: conditions(),
        red_flags: red_flags(),
        red_flag_advice: RED_FLAG_ADVICE,
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn twelve_benefits_with_the_design_ids() {
        let ids: Vec<_> = benefits().iter().map(|b| b.id).collect();
        assert_eq!(
            ids,
            [
                "muscle_recovery",
                "flexibility",
                "muscle_balance",
                "injury_prevention",
                "pain_relief",
                "stress_reduction",
                "circulation",
                "sleep",
                "post_race_recovery",
                "body_awareness",
                "performance",
                "mental_relaxation",
            ]
        );
    }

    #[test]
    fn every_region_and_condition_named_exists() {
        let region_ids: HashSet<_> = regions::all().iter().map(|r| r.id).collect();
        let condition_ids: HashSet<_> = conditions().iter().map(|c| c.id).collect();
        for b in benefits() {
            assert!(!b.regions.is_empty(), "{} names no region", b.id);
            for r in &b.regions {
                assert!(region_ids.contains(r), "{} names unknown region {r}", b.id);
            }
            for c in &b.conditions {
                assert!(condition_ids.contains(c), "{} names unknown condition {c}", b.id);
            }
        }
        for c in conditions() {
            assert!(!c.regions.is_empty(), "{} names no region", c.id);
            for r in &c.regions {
                assert!(region_ids.contains(r), "{} names unknown region {r}", c.id);
            }
        }
    }

    #[test]
    fn expand_gives_both_sides_and_centre_regions_as_is() {
        assert_eq!(expand(&["calf", "lower_back"]), ["calf_l", "calf_r", "lower_back"]);
        assert!(expand(&["wing"]).is_empty());
    }

    #[test]
    fn each_design_group_has_a_condition_or_benefit() {
        // Every region should lead somewhere from the chart.
        let mut covered: HashSet<&str> = HashSet::new();
        for b in benefits() {
            covered.extend(b.regions);
        }
        for c in conditions() {
            covered.extend(c.regions);
        }
        for r in regions::all() {
            assert!(covered.contains(r.id), "{} links to nothing", r.id);
        }
    }

    #[test]
    fn evidence_notes_cite_the_design_sources() {
        let cited: HashSet<_> = benefits()
            .iter()
            .flat_map(|b| b.evidence.iter().map(|e| e.citation))
            .collect();
        assert!(cited.iter().any(|c| c.starts_with("Davis et al. 2020")));
        assert!(cited.iter().any(|c| c.starts_with("Dupuy et al. 2018")));
        assert!(cited.iter().any(|c| c.starts_with("Guo et al. 2017")));
        let perf = benefits().into_iter().find(|b| b.id == "performance").unwrap();
        assert_eq!(perf.support, Support::Weak);
    }

    #[test]
    fn six_red_flags() {
        assert_eq!(red_flags().len(), 6);
    }
}
