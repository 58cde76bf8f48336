//! The calm note when recent load has jumped: shown on Today and beside a logged session in the
//! Log, never a block and never a risk figure (the ratio's value for predicting injury is
//! disputed; see `ewma`).

use crate::recovery::Warning;

/// Above this ratio the note appears: the threshold, and the upper edge of the range
/// Gabbett 2016 called a "sweet spot", a notion the later papers dispute; here it only marks a
/// jump worth a sentence.
pub const RATIO_NOTE_ABOVE: f64 = 1.5;

pub fn ratio(ratio: Option<f64>) -> Option<Warning> {
    let r = ratio.filter(|r| *r > RATIO_NOTE_ABOVE)?;
    Some(Warning {
        rule: "load_ratio".into(),
        message: format!(
            "Your last 7 days carried {r:.1} times the load of the 4 weeks before. A jump like this is worth \
             noticing; a few easier days let the body catch up. This describes your training, not an injury \
             risk."
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_ratio_above_one_and_a_half_gets_a_note() {
        assert!(ratio(None).is_none());
        assert!(ratio(Some(1.5)).is_none());
        let n = ratio(Some(1.62)).unwrap();
        assert_eq!(n.rule, "load_ratio");
        assert!(n.message.contains("1.6 times"));
        assert!(!n.message.to_lowercase().contains("danger"));
    }
}
