//! The load figures of Today, and the one plain sentence that says what the ratio means.
//!
//! The sentence describes recent training against the month before it. It never calls a ratio
//! dangerous and never gives an injury risk: whether the ratio predicts injury is disputed
//! (Impellizzeri et al. 2020; Lolli et al. 2019; see `load::ewma`).

use crate::load::ewma::Point;
use crate::load::weekly::Week;

/// What the ratio says, in words. `days_of_data` counts from the first training entry.
pub fn sentence(p: Option<&Point>, days_of_data: Option<i32>) -> String {
    let Some(p) = p else {
        return "No training logged yet: load appears once you log or import runs with a rating.".into();
    };
    match p.ratio {
        Some(r) => {
            let r2 = format!("{r:.2}");
            if r < 0.8 {
                format!("The last week has been lighter than the month before it (ratio {r2}).")
            } else if r <= 1.3 {
                format!("The last week is in line with the month before it (ratio {r2}).")
            } else if r <= crate::load::notes::RATIO_NOTE_ABOVE {
                format!("The last week has been harder than the month before it (ratio {r2}).")
            } else {
                format!(
                    "The last week has been much harder than the month before it (ratio {r2}). A jump like this \
                     is worth noticing, and easier days let the body catch up. The ratio describes training; it \
                     does not predict injury."
                )
            }
        }
        None => match days_of_data {
            Some(d) if i64::from(d) + 1 < crate::load::ewma::RATIO_MIN_DAYS => format!(
                "The acute:chronic ratio needs 28 days of entries; you have {} so far.",
                d + 1
            ),
            _ => "No rated sessions in the last four weeks, so there is no ratio to show. Rate your runs \
                  (RPE 1–10) to see it."
                .into(),
        },
    }
}

/// Average running metres and seconds of `weeks` (the four weeks before this one).
pub fn average(weeks: &[Week]) -> (f64, f64) {
    if weeks.is_empty() {
        return (0.0, 0.0);
    }
    let n = weeks.len() as f64;
    (
        weeks.iter().map(|w| w.run_m).sum::<f64>() / n,
        weeks.iter().map(|w| w.run_s).sum::<f64>() / n,
    )
}
