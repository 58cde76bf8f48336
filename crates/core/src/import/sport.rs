//! Sport names from every source (FIT's profile, TCX's `Sport` attribute, GPX's free `<type>`,
//! Strava's "Activity Type") reduced to Aftermile's few. Names are compared lower-case with
//! spaces, dashes and underscores removed, so "Weight Training", "weight_training" and
//! "WeightTraining" agree. Anything not listed is `Other`: it still counts in load, never in
//! running distance.
//!
//! GPX `<type>` is free text; of the numbers Strava's own GPX exports write there, only 9 (run)
//! and 1 (ride) are mapped, the two whose meaning is clear from Strava's files.

use super::model::Sport;

pub(super) fn from_name(name: &str) -> Sport {
    let key: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match key.as_str() {
        "run" | "running" | "trailrun" | "trailrunning" | "virtualrun" | "treadmill" | "treadmillrunning"
        | "indoorrunning" | "streetrunning" | "trackrunning" | "9" => Sport::Running,
        "ride" | "cycling" | "biking" | "bike" | "virtualride" | "ebikeride" | "ebiking" | "mountainbikeride"
        | "emountainbikeride" | "gravelride" | "handcycle" | "velomobile" | "indoorcycling" | "1" => Sport::Cycling,
        "swim" | "swimming" | "openwaterswimming" | "lapswimming" => Sport::Swimming,
        "rowing" | "row" | "virtualrow" | "indoorrowing" => Sport::Rowing,
        "weighttraining" | "strengthtraining" | "strength" | "crossfit" => Sport::Strength,
        "walk" | "walking" | "casualwalking" | "speedwalking" | "indoorwalking" => Sport::Walking,
        "hike" | "hiking" => Sport::Hiking,
        _ => Sport::Other,
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case::strava_run("Run", Sport::Running)]
    #[case::strava_virtual_run("Virtual Run", Sport::Running)]
    #[case::tcx_running("Running", Sport::Running)]
    #[case::tcx_biking("Biking", Sport::Cycling)]
    #[case::strava_gpx_run_number("9", Sport::Running)]
    #[case::strava_gpx_ride_number("1", Sport::Cycling)]
    #[case::fit_e_biking("e_biking", Sport::Cycling)]
    #[case::strava_weights("Weight Training", Sport::Strength)]
    #[case::fit_strength("strength_training", Sport::Strength)]
    #[case::strava_row("Rowing", Sport::Rowing)]
    #[case::strava_walk("Walk", Sport::Walking)]
    #[case::strava_hike("Hike", Sport::Hiking)]
    #[case::strava_swim("Swim", Sport::Swimming)]
    #[case::yoga("Yoga", Sport::Other)]
    #[case::unknown_number("42", Sport::Other)]
    #[case::empty("", Sport::Other)]
    fn names_map_to_sports(#[case] name: &str, #[case] sport: Sport) {
        assert_eq!(from_name(name), sport);
    }
}
