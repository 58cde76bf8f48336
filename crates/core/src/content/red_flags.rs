//! Signs that mean: see a clinician, and no massage on that area (DESIGN.md "Red flags").

use super::RedFlag;

pub fn red_flags() -> Vec<RedFlag> {
    vec![
        RedFlag {
            id: "sudden_sharp_pain",
            sign: "Sudden, sharp pain",
            why: "It can mean a tear or another acute injury.",
        },
        RedFlag {
            id: "swelling_bruising_heat",
            sign: "Swelling, bruising or heat",
            why: "Signs of an acute injury: no massage on it for about 72 hours.",
        },
        RedFlag {
            id: "pain_at_rest",
            sign: "Pain at rest or at night",
            why: "Muscle soreness eases with rest; pain that does not needs checking.",
        },
        RedFlag {
            id: "bone_point_pain",
            sign: "Pain on one point of a bone, such as the shin or foot",
            why: "It can be a stress fracture.",
        },
        RedFlag {
            id: "numbness_tingling",
            sign: "Numbness or tingling",
            why: "It can mean a nerve is involved.",
        },
        RedFlag {
            id: "hot_swollen_calf",
            sign: "A swollen, warm, painful calf",
            why: "It can be a blood clot: get it seen the same day, and never massage it.",
        },
    ]
}
