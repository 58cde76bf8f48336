//! Words for what a FIT file names by code: its file type, its maker and its product, and the
//! sport it records.
//!
//! fitparser gives Garmin products by their profile names ("fr935", "fenix5s_plus", "edge_530");
//! these become the names on the box ("Forerunner 935", "Fenix 5S Plus", "Edge 530") by family
//! prefix, with model tokens upper-cased. Other makers' product numbers are not in the profile,
//! so the maker's name stands in ("Wahoo Fitness"), unless the file carries a product_name.

use super::model::Sport;
use super::sport;

/// The FIT sport of a session (or sport message); `None` for a triathlon's transition, which is
/// no leg of its own.
pub(super) fn fit_sport(sport: Option<&str>, sub: Option<&str>) -> Option<Sport> {
    match (sport.unwrap_or(""), sub.unwrap_or("")) {
        ("transition", _) => None,
        (_, "strength_training") => Some(Sport::Strength),
        (_, "indoor_rowing") => Some(Sport::Rowing),
        (s, _) => Some(sport::from_name(s)),
    }
}

/// The file type in words, for "… is a FIT {word} file, not a recorded activity".
pub(super) fn file_type_words(kind: &str) -> String {
    match kind {
        "settings" => "settings".into(),
        "sport" => "sport settings".into(),
        "workout" => "planned workout".into(),
        "course" => "course (a planned route)".into(),
        "schedules" => "training schedule".into(),
        "weight" => "weight scale".into(),
        "totals" => "lifetime totals".into(),
        "goals" => "goals".into(),
        "blood_pressure" => "blood pressure".into(),
        "monitoring_a" | "monitoring_b" | "monitoring_daily" => "daily tracking (steps, sleep)".into(),
        "activity_summary" => "activity summary".into(),
        "segment" | "segment_list" => "segment".into(),
        "device" => "device description".into(),
        other if other.chars().all(|c| c.is_ascii_digit()) => format!("type {other}"),
        other => other.replace('_', " "),
    }
}

/// The device in words: a product name the file spells out, else a Garmin product by its
/// profile name, else the maker.
pub(super) fn device(manufacturer: Option<&str>, product: Option<&str>, product_name: Option<&str>) -> Option<String> {
    if let Some(n) = product_name.map(str::trim).filter(|n| !n.is_empty()) {
        return Some(n.to_owned());
    }
    let named_product = product.filter(|p| p.chars().any(|c| c.is_ascii_alphabetic()));
    match (manufacturer, named_product) {
        (_, Some("connect" | "connectiq_simulator" | "training_center")) => Some("Garmin Connect".into()),
        (_, Some(p)) => Some(garmin_product(p)),
        (Some(m), None) if m.chars().any(|c| c.is_ascii_alphabetic()) => Some(words(m)),
        _ => None,
    }
}

const FAMILIES: &[(&str, &str)] = &[
    ("fr", "Forerunner"),
    ("fenix", "Fenix"),
    ("epix", "Epix"),
    ("edge", "Edge"),
    ("vivoactive", "Vivoactive"),
    ("vivosmart", "Vivosmart"),
    ("vivofit", "Vivofit"),
    ("venu", "Venu"),
    ("instinct", "Instinct"),
    ("enduro", "Enduro"),
    ("descent", "Descent"),
    ("approach", "Approach"),
    ("marq", "MARQ"),
    ("hrm", "HRM"),
    ("swim", "Swim"),
];

fn garmin_product(p: &str) -> String {
    let lower = p.to_ascii_lowercase();
    for (prefix, family) in FAMILIES {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let separated = rest.starts_with('_');
            let rest = rest.trim_start_matches('_');
            // "fr935" and "edge_530" are a family and a model; in "frog" "fr" is no family.
            if rest.is_empty() || separated || rest.starts_with(|c: char| c.is_ascii_digit()) {
                return if rest.is_empty() {
                    (*family).to_owned()
                } else {
                    format!("{family} {}", model(rest))
                };
            }
        }
    }
    model(&lower)
}

/// "5s_plus" → "5S Plus", "935" → "935", "pro" → "Pro".
fn model(rest: &str) -> String {
    rest.split('_')
        .filter(|t| !t.is_empty())
        .map(|t| {
            if t.chars().any(|c| c.is_ascii_digit()) {
                t.to_ascii_uppercase()
            } else {
                title(t)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "wahoo_fitness" → "Wahoo Fitness".
fn words(s: &str) -> String {
    s.split('_')
        .filter(|t| !t.is_empty())
        .map(title)
        .collect::<Vec<_>>()
        .join(" ")
}

fn title(t: &str) -> String {
    let mut c = t.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case::forerunner(Some("garmin"), Some("fr935"), None, Some("Forerunner 935"))]
    #[case::forerunner_xt(Some("garmin"), Some("fr920xt"), None, Some("Forerunner 920XT"))]
    #[case::fenix(Some("garmin"), Some("fenix5s_plus"), None, Some("Fenix 5S Plus"))]
    #[case::edge(Some("garmin"), Some("edge_530"), None, Some("Edge 530"))]
    #[case::hrm(Some("dynastream"), Some("hrm1"), None, Some("HRM 1"))]
    #[case::unknown_garmin_number(Some("garmin"), Some("4315"), None, Some("Garmin"))]
    #[case::other_maker(Some("wahoo_fitness"), Some("31"), None, Some("Wahoo Fitness"))]
    #[case::named(Some("coros"), Some("12"), Some("COROS PACE 2"), Some("COROS PACE 2"))]
    #[case::connect(Some("garmin"), Some("connect"), None, Some("Garmin Connect"))]
    #[case::nothing(None, None, None, None)]
    #[case::numeric_maker(Some("255"), None, None, None)]
    fn devices_read_as_their_names(
        #[case] m: Option<&str>,
        #[case] p: Option<&str>,
        #[case] n: Option<&str>,
        #[case] want: Option<&str>,
    ) {
        assert_eq!(device(m, p, n).as_deref(), want);
    }

    #[test]
    fn sports_and_file_types() {
        assert_eq!(fit_sport(Some("running"), Some("trail")), Some(Sport::Running));
        assert_eq!(
            fit_sport(Some("training"), Some("strength_training")),
            Some(Sport::Strength)
        );
        assert_eq!(
            fit_sport(Some("fitness_equipment"), Some("indoor_rowing")),
            Some(Sport::Rowing)
        );
        assert_eq!(fit_sport(Some("e_biking"), None), Some(Sport::Cycling));
        assert_eq!(fit_sport(Some("transition"), None), None);
        assert_eq!(fit_sport(None, None), Some(Sport::Other));
        assert_eq!(file_type_words("monitoring_b"), "daily tracking (steps, sleep)");
        assert_eq!(file_type_words("exd_configuration"), "exd configuration");
    }
}
