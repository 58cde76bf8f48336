//! Words and numbers as the sheet prints them. The UI formats for the screen; the sheet is
//! rendered here, so it formats for itself.

use crate::marks::Sensation;
use crate::regions::{self, Side};
use crate::sessions::{MassageType, Pressure, RaceDistance, Session};
use crate::settings::Units;

use super::model::Trend;

pub fn distance(metres: f64, units: Units) -> String {
    match units {
        Units::Km => format!("{:.1} km", metres / 1000.0),
        Units::Mi => format!("{:.1} mi", metres / 1609.344),
    }
}

/// "45 min", "1 h 05 min".
pub fn duration(secs: i64) -> String {
    let mins = (secs + 30) / 60;
    if mins < 60 {
        format!("{mins} min")
    } else {
        format!("{} h {:02} min", mins / 60, mins % 60)
    }
}

/// A finish time, "3:12:45".
pub fn clock(secs: i32) -> String {
    format!("{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

pub fn race_distance(d: RaceDistance) -> &'static str {
    match d {
        RaceDistance::FiveK => "5K",
        RaceDistance::TenK => "10K",
        RaceDistance::Half => "Half marathon",
        RaceDistance::Marathon => "Marathon",
        RaceDistance::Custom => "Custom",
    }
}

pub fn session_kind(s: &Session) -> String {
    s.kind().label().into()
}

pub fn massage_type(t: MassageType) -> &'static str {
    match t {
        MassageType::Sports => "Sports",
        MassageType::DeepTissue => "Deep tissue",
        MassageType::Relaxation => "Relaxation",
        MassageType::SelfMassage => "Self-massage",
        MassageType::FoamRolling => "Foam rolling",
    }
}

pub fn pressure(p: Pressure) -> &'static str {
    match p {
        Pressure::Light => "Light",
        Pressure::Medium => "Medium",
        Pressure::Firm => "Firm",
    }
}

pub fn sensation(s: Sensation) -> &'static str {
    match s {
        Sensation::Tight => "Tight",
        Sensation::Sore => "Sore",
        Sensation::Pain => "Pain",
        Sensation::Injury => "Injury",
    }
}

/// Words first, so the trend reads in grayscale and aloud.
pub fn trend(t: Trend, was: Option<i32>, now: i32) -> String {
    match (t, was) {
        (Trend::Better, Some(w)) => format!("Better ({w} → {now})"),
        (Trend::Worse, Some(w)) => format!("Worse ({w} → {now})"),
        (Trend::Same, _) => "Same".into(),
        (Trend::New, _) => "New since then".into(),
        _ => "—".into(),
    }
}

/// "Left", "Calf" from "calf_l"; centre regions get "Centre" and their whole label.
pub fn side_and_region(id: &str) -> (String, String) {
    let Some(r) = regions::find(id) else {
        return ("—".into(), id.into());
    };
    let side = match r.side {
        Side::Left => "Left",
        Side::Right => "Right",
        Side::Centre => "Centre",
    };
    let name = r
        .label
        .strip_prefix("Left ")
        .or_else(|| r.label.strip_prefix("Right "))
        .unwrap_or(r.label);
    let mut chars = name.chars();
    let name = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    (side.into(), name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_as_printed() {
        assert_eq!(distance(42_195.0, Units::Km), "42.2 km");
        assert_eq!(distance(42_195.0, Units::Mi), "26.2 mi");
        assert_eq!(duration(45 * 60), "45 min");
        assert_eq!(duration(3_900), "1 h 05 min");
        assert_eq!(clock(11_565), "3:12:45");
        assert_eq!(side_and_region("calf_l"), ("Left".into(), "Calf".into()));
        assert_eq!(
            side_and_region("it_band_r"),
            ("Right".into(), "IT band (outer thigh)".into())
        );
        assert_eq!(side_and_region("lower_back"), ("Centre".into(), "Lower back".into()));
        assert_eq!(trend(Trend::Better, Some(6), 3), "Better (6 → 3)");
    }
}
