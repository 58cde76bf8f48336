//! Banister's training impulse (TRIMP) from heart rate: each minute counts by how hard the heart
//! worked, weighted so that time near maximum counts far more than time near rest.
//!
//! TRIMP = Σ Δt (minutes) × HRr × a × e^(b × HRr), with HRr = (HR − HRrest) / (HRmax − HRrest)
//! clamped to 0..1 (Banister 1991, "Modeling elite athletic performance", in Physiological Testing
//! of Elite Athletes; the weighting from Banister & Calvert 1980). The constants are a = 0.64,
//! b = 1.92 for men and a = 0.86, b = 1.67 for women; when sex is not given the app uses
//! a = 0.725, b = 1.795 (b the midpoint of the two; a as the load issue specifies, between the
//! two), rather than silently picking one.
//!
//! It is worked out once, when an activity is imported, from the heart-rate samples, so later
//! figures need no raw samples. A gap longer than `MAX_GAP_S` between samples (the strap dropped
//! out, the watch paused) is not counted as exercise.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The runner's sex, for TRIMP's weighting; optional in the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
}

/// The heart-rate values TRIMP needs, from the profile or the defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeartProfile {
    pub resting: f64,
    pub max: f64,
    pub sex: Option<Sex>,
}

/// Until the runner sets theirs: a typical adult resting rate, and a maximum high enough not to
/// overstate effort for most runners.
pub const DEFAULT_RESTING_HR: u16 = 60;
pub const DEFAULT_MAX_HR: u16 = 200;
/// Samples further apart than this are a gap, not exercise.
pub const MAX_GAP_S: u32 = 60;

impl Default for HeartProfile {
    fn default() -> Self {
        HeartProfile {
            resting: f64::from(DEFAULT_RESTING_HR),
            max: f64::from(DEFAULT_MAX_HR),
            sex: None,
        }
    }
}

impl HeartProfile {
    /// The weighting constants (a, b) for this profile.
    pub fn constants(&self) -> (f64, f64) {
        match self.sex {
            Some(Sex::Male) => (0.64, 1.92),
            Some(Sex::Female) => (0.86, 1.67),
            None => (0.725, 1.795),
        }
    }

    /// The TRIMP of `minutes` at a steady `bpm`.
    pub fn steady(&self, minutes: f64, bpm: f64) -> f64 {
        let (a, b) = self.constants();
        let span = self.max - self.resting;
        if span <= 0.0 || minutes <= 0.0 {
            return 0.0;
        }
        let hrr = ((bpm - self.resting) / span).clamp(0.0, 1.0);
        minutes * hrr * a * (b * hrr).exp()
    }
}

/// TRIMP from heart-rate samples `(seconds from the start, bpm)`, sorted by time. Each sample
/// stands for the time until the next one (at most `MAX_GAP_S`); the last stands for nothing.
pub fn from_samples(samples: &[(u32, u16)], p: &HeartProfile) -> f64 {
    samples
        .windows(2)
        .map(|w| {
            let dt = w[1].0.saturating_sub(w[0].0);
            if dt == 0 || dt > MAX_GAP_S {
                0.0
            } else {
                p.steady(f64::from(dt) / 60.0, f64::from(w[0].1))
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn male(resting: f64, max: f64) -> HeartProfile {
        HeartProfile {
            resting,
            max,
            sex: Some(Sex::Male),
        }
    }

    #[test]
    fn a_worked_example_matches_the_formula_by_hand() {
        // 30 minutes at 150 bpm, resting 60, max 200, male: HRr = 90/140 = 0.642857.
        // TRIMP = 30 × 0.642857 × 0.64 × e^(1.92 × 0.642857) = 30 × 0.642857 × 0.64 × 3.43592 = 42.41.
        let t = male(60.0, 200.0).steady(30.0, 150.0);
        assert!((t - 42.41).abs() < 0.01, "{t}");
        // The same for a woman: 30 × 0.642857 × 0.86 × e^(1.67 × 0.642857) = 30 × 0.642857 × 0.86 × 2.92581 = 48.53.
        let f = HeartProfile {
            sex: Some(Sex::Female),
            ..male(60.0, 200.0)
        };
        assert!(
            (f.steady(30.0, 150.0) - 48.53).abs() < 0.01,
            "{}",
            f.steady(30.0, 150.0)
        );
    }

    #[test]
    fn samples_add_up_like_the_steady_state_and_gaps_do_not_count() {
        let p = HeartProfile::default();
        let steady: Vec<(u32, u16)> = (0..=1800).step_by(5).map(|t| (t, 150)).collect();
        let by_samples = from_samples(&steady, &p);
        assert!((by_samples - p.steady(30.0, 150.0)).abs() < 1e-6, "{by_samples}");
        let with_gap = [(0, 150), (5, 150), (600, 150), (605, 150)];
        assert!((from_samples(&with_gap, &p) - p.steady(10.0 / 60.0, 150.0)).abs() < 1e-9);
    }

    #[test]
    fn nothing_counts_at_or_below_rest_and_the_top_is_capped() {
        let p = HeartProfile::default();
        assert_eq!(p.steady(30.0, 55.0), 0.0);
        assert_eq!(p.steady(30.0, 230.0), p.steady(30.0, 200.0));
        assert_eq!(from_samples(&[], &p), 0.0);
        assert_eq!(from_samples(&[(0, 150)], &p), 0.0);
        assert_eq!(
            male(200.0, 200.0).steady(30.0, 150.0),
            0.0,
            "a broken profile gives no load"
        );
    }
}
