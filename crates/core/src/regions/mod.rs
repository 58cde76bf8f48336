//! The canonical body regions (DESIGN.md "Body regions"). Ids are stored in the database and shared
//! with the UI, the body chart and the briefing sheet, so they never change once shipped.

pub mod figure;

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum View {
    Front,
    Back,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Left,
    Right,
    Centre,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub id: &'static str,
    /// The accessible name, e.g. "Left calf".
    pub label: &'static str,
    pub view: View,
    pub side: Side,
}

macro_rules! pair {
    ($id:literal, $name:literal, $view:ident) => {
        [
            Region {
                id: concat!($id, "_l"),
                label: concat!("Left ", $name),
                view: View::$view,
                side: Side::Left,
            },
            Region {
                id: concat!($id, "_r"),
                label: concat!("Right ", $name),
                view: View::$view,
                side: Side::Right,
            },
        ]
    };
}

macro_rules! one {
    ($id:literal, $label:literal, $view:ident) => {
        [Region {
            id: $id,
            label: $label,
            view: View::$view,
            side: Side::Centre,
        }]
    };
}

const FRONT: [[Region; 2]; 9] = [
    pair!("shoulder", "shoulder", Front),
    pair!("hip_flexor", "hip flexor", Front),
    pair!("adductor", "adductor (inner thigh)", Front),
    pair!("quadriceps", "quadriceps", Front),
    pair!("it_band", "IT band (outer thigh)", Front),
    pair!("knee", "knee", Front),
    pair!("shin", "shin", Front),
    pair!("ankle", "ankle", Front),
    [
        Region {
            id: "chest",
            label: "Chest",
            view: View::Front,
            side: Side::Centre,
        },
        Region {
            id: "abdomen",
            label: "Abdomen",
            view: View::Front,
            side: Side::Centre,
        },
    ],
];

const BACK_CENTRE: [[Region; 1]; 3] = [
    one!("neck_shoulders", "Neck and upper shoulders", Back),
    one!("upper_back", "Upper back", Back),
    one!("lower_back", "Lower back", Back),
];

const BACK: [[Region; 2]; 6] = [
    pair!("glute", "glute", Back),
    pair!("hip_outer", "outer hip", Back),
    pair!("hamstring", "hamstring", Back),
    pair!("calf", "calf", Back),
    pair!("achilles", "Achilles", Back),
    pair!("plantar", "sole and heel (plantar fascia)", Back),
];

/// Every region, front view first.
pub fn all() -> Vec<Region> {
    let front = FRONT.iter().flatten();
    let back_centre = BACK_CENTRE.iter().flatten();
    let back = BACK.iter().flatten();
    front.chain(back_centre).chain(back).cloned().collect()
}

pub fn find(id: &str) -> Option<Region> {
    all().into_iter().find(|r| r.id == id)
}

pub fn is_known(id: &str) -> bool {
    find(id).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn holds_every_design_region_once() {
        let ids: Vec<_> = all().iter().map(|r| r.id).collect();
        let unique: HashSet<_> = ids.iter().collect();
        assert_eq!(ids.len(), unique.len(), "duplicate region id");
        assert_eq!(ids.len(), 33);
        for id in [
            "it_band_l",
            "shin_r",
            "achilles_l",
            "plantar_r",
            "neck_shoulders",
            "chest",
        ] {
            assert!(is_known(id), "{id} missing");
        }
        assert!(!is_known("tail"));
    }

    #[test]
    fn labels_name_the_side() {
        assert_eq!(find("calf_l").unwrap().label, "Left calf");
        assert_eq!(find("calf_r").unwrap().side, Side::Right);
    }
}
