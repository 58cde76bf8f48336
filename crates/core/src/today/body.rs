//! The body now: the latest mark per region over the last days, the worst of them by name, and
//! the marks of the last fortnight that call for a clinician. Pure over the marks read.

use super::model::{BodyNow, FlagNow, SoreArea};
use crate::content::{red_flags, SEE_CLINICIAN_FIRST};
use crate::marks::{Mark, Sensation};
use crate::regions;

/// Days the small heat map covers.
pub const HEAT_DAYS: u32 = 3;
/// A red-flag mark stays "in force" on Today for this many days.
pub const FLAG_DAYS: u32 = 14;
const WORST_SHOWN: usize = 3;

fn label(region_id: &str) -> String {
    regions::find(region_id).map_or_else(|| region_id.to_owned(), |r| r.label.to_owned())
}

fn severity(m: &Mark) -> (u8, i32) {
    let rank = match m.sensation {
        Sensation::Injury => 3,
        Sensation::Pain => 2,
        Sensation::Sore => 1,
        Sensation::Tight => 0,
    };
    (rank, m.intensity)
}

/// `recent`: the latest mark per region over `HEAT_DAYS`; `fortnight`: the same over `FLAG_DAYS`.
pub fn now(recent: Vec<Mark>, fortnight: &[Mark]) -> BodyNow {
    let mut worst: Vec<&Mark> = recent.iter().filter(|m| m.intensity > 0).collect();
    worst.sort_by(|a, b| {
        severity(b)
            .cmp(&severity(a))
            .then_with(|| a.region_id.cmp(&b.region_id))
    });
    let worst = worst
        .into_iter()
        .take(WORST_SHOWN)
        .map(|m| SoreArea {
            region_id: m.region_id.clone(),
            label: label(&m.region_id),
            sensation: m.sensation,
            intensity: m.intensity,
        })
        .collect();
    BodyNow {
        days: HEAT_DAYS,
        marks: recent,
        worst,
        flags: flags(fortnight),
    }
}

/// The marks that raise red flags, urgent first. A swollen calf is the possible clot: urgent
/// care today, whatever else was marked.
fn flags(marks: &[Mark]) -> Vec<FlagNow> {
    let all = red_flags();
    let clot = all.iter().find(|f| f.id == "hot_swollen_calf");
    let mut out: Vec<FlagNow> = marks
        .iter()
        .filter(|m| m.raises_red_flags())
        .map(|m| {
            let urgent = m.swelling && clot.is_some_and(|f| f.regions.iter().any(|r| *r == m.region_id));
            let advice = match (urgent, clot) {
                (true, Some(f)) => f.advice.to_owned(),
                _ => SEE_CLINICIAN_FIRST.to_owned(),
            };
            FlagNow {
                region_id: m.region_id.clone(),
                label: label(&m.region_id),
                urgent,
                what: what(m),
                advice,
                marked_on: crate::time::date_text(m.at_local.date()),
            }
        })
        .collect();
    out.sort_by(|a, b| b.urgent.cmp(&a.urgent).then_with(|| a.region_id.cmp(&b.region_id)));
    out
}

/// "pain 7, swelling".
fn what(m: &Mark) -> String {
    let mut parts = vec![format!("{} {}", m.sensation.as_str(), m.intensity)];
    if m.swelling {
        parts.push("swelling".into());
    }
    if m.bruising {
        parts.push("bruising".into());
    }
    parts.join(", ")
}
