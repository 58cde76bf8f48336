//! Signs that mean: see a clinician, and no massage on that area (DESIGN.md "Red flags"). Each
//! carries its own urgency and advice, because one advice line for all would send a possible clot
//! to a physiotherapist. The list is ordered most urgent first, and a test keeps it so.

use super::{expand, RedFlag, Source, Urgency};

/// The advice for a sign that needs a doctor or physiotherapist before any massage. The briefing
/// sheet prints it for an area whose mark raises red flags (`RED_FLAG_ADVICE`).
pub const SEE_CLINICIAN_FIRST: &str = "See a doctor or physiotherapist before any massage on this area, and \
     leave it alone until they say massage is safe.";

pub fn red_flags() -> Vec<RedFlag> {
    vec![
        RedFlag {
            id: "hot_swollen_calf",
            sign: "A swollen, warm, painful calf",
            why: "It can be a blood clot in a deep vein of the leg (deep vein thrombosis).",
            urgency: Urgency::Urgent,
            advice: "Get urgent medical care today. Call emergency services if you are short of breath or \
                     have chest pain. Keep massage, foam rollers and massage guns off that leg until a \
                     doctor has ruled out a clot.",
            regions: expand(&["calf"]),
            source: Source::AppAdvice,
        },
        RedFlag {
            id: "swelling_bruising_heat",
            sign: "Swelling, bruising or heat",
            why: "Usually signs of a fresh injury. A swollen, warm, painful calf with no injury to explain it \
                  is the urgent sign above.",
            urgency: Urgency::Soon,
            advice: "Have it seen by a doctor or physiotherapist first. Massage on it waits for their \
                     all-clear, however long that takes: the pause of about 72 hours in your recovery plan \
                     is a minimum, not a green light.",
            regions: vec![],
            source: Source::AppAdvice,
        },
        RedFlag {
            id: "sudden_sharp_pain",
            sign: "Sudden, sharp pain",
            why: "It can mean a tear or another fresh injury.",
            urgency: Urgency::Soon,
            advice: SEE_CLINICIAN_FIRST,
            regions: vec![],
            source: Source::AppAdvice,
        },
        RedFlag {
            id: "pain_at_rest",
            sign: "Pain at rest or at night",
            why: "Muscle soreness eases with rest; pain that does not, or that wakes you, needs checking.",
            urgency: Urgency::Soon,
            advice: SEE_CLINICIAN_FIRST,
            regions: vec![],
            source: Source::AppAdvice,
        },
        RedFlag {
            id: "bone_point_pain",
            sign: "Pain on one point of a bone, such as the shin or foot",
            why: "It can be a stress fracture: a crack that builds up in a bone under repeated load.",
            urgency: Urgency::Soon,
            advice: "See a doctor or physiotherapist before any massage on this area, and stop running on \
                     it until they have seen it.",
            regions: vec![],
            source: Source::AppAdvice,
        },
        RedFlag {
            id: "numbness_tingling",
            sign: "Numbness or tingling",
            why: "It can mean a nerve is involved.",
            urgency: Urgency::Soon,
            advice: SEE_CLINICIAN_FIRST,
            regions: vec![],
            source: Source::AppAdvice,
        },
    ]
}
