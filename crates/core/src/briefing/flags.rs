//! The sheet's red-flag lines, addressed to the therapist: one per red-flag concern and one per
//! sign the runner ticked, a possible clot first and marked urgent.

use chrono::Duration;

use super::model::*;
use crate::content;
use crate::marks::Sensation;
use crate::recovery::RecoveryRules;
use crate::{regions, time};

/// The red-flag lines, addressed to the therapist: one per red-flag concern and one per sign the
/// runner ticked; a possible clot first, marked urgent.
pub(super) fn sheet_flags(rules: &RecoveryRules, concerns: &[Concern], ticked: &[String]) -> Vec<SheetFlag> {
    let mut out = Vec::new();
    for c in concerns.iter().filter(|c| c.red_flag) {
        let label = regions::find(&c.region_id).map(|r| r.label).unwrap_or("This area");
        // The mark's day is all the sheet has: count the pause from the end of that day, so the
        // date printed is never sooner than the rule's hours after the mark itself.
        let clear = c.marked_on + Duration::days(1) + Duration::hours(i64::from(rules.acute_injury_no_massage_hours));
        let not_before = format!(", and not before {} in any case", time::date_text(clear));
        let marked_on = time::date_text(c.marked_on);
        let swollen_calf = c.swelling && c.region_id.starts_with("calf_");
        let text = if swollen_calf {
            format!(
                "{}. {label}: swelling marked on {}. A swollen calf can be a blood clot: please do not massage \
                 this leg. The runner needs urgent medical care today (emergency services if short of breath or \
                 with chest pain).",
                c.number, marked_on
            )
        } else if c.sensation == Sensation::Injury {
            let with = match (c.swelling, c.bruising) {
                (true, true) => " with swelling and bruising",
                (true, false) => " with swelling",
                (false, true) => " with bruising",
                (false, false) => "",
            };
            format!(
                "{}. {label}: marked as an acute injury{with} on {}. Please do not massage it until a clinician \
                 has seen it and given the all-clear{not_before}.",
                c.number, marked_on
            )
        } else {
            let what = match (c.swelling, c.bruising) {
                (true, true) => "swelling and bruising",
                (true, false) => "swelling",
                _ => "bruising",
            };
            format!(
                "{}. {label}: {what} marked on {}. Please do not massage it until a clinician has seen it and \
                 given the all-clear{not_before}.",
                c.number, marked_on
            )
        };
        out.push(SheetFlag {
            urgent: swollen_calf,
            text,
        });
    }
    for f in content::red_flags()
        .into_iter()
        .filter(|f| ticked.iter().any(|t| t == f.id))
    {
        let urgent = f.urgency == content::Urgency::Urgent;
        let text = if urgent {
            format!(
                "The runner reports: {}. It can be a blood clot: please do not massage the leg. The runner needs \
                 urgent medical care today (emergency services if short of breath or with chest pain).",
                f.sign.to_lowercase()
            )
        } else {
            format!(
                "The runner reports: {}. Please do not massage the area concerned until a clinician has seen it.",
                f.sign.to_lowercase()
            )
        };
        out.push(SheetFlag { urgent, text });
    }
    out.sort_by_key(|f| !f.urgent);
    out
}
