//! Common runner conditions and the regions they show up in (DESIGN.md "Runner conditions").

use super::{expand, Condition};

pub fn conditions() -> Vec<Condition> {
    vec![
        Condition {
            id: "it_band_syndrome",
            name: "IT band syndrome",
            summary: "Pain on the outside of the knee, sometimes up the outer thigh, that tends to come on \
                      at the same point in every run.",
            regions: expand(&["it_band", "knee"]),
            massage_note: "Work on the outer thigh, glutes and hip can ease it; the band itself barely \
                           stretches, so firm pressure on it is not the point.",
        },
        Condition {
            id: "shin_splints",
            name: "Shin splints (medial tibial stress)",
            summary: "An ache along the inner edge of the shin bone, common after a jump in mileage.",
            regions: expand(&["shin"]),
            massage_note: "Gentle work on the muscles beside the shin can help. Pain on one spot of the \
                           bone is a red flag for a stress fracture.",
        },
        Condition {
            id: "plantar_fasciitis",
            name: "Plantar fasciitis",
            summary: "Heel and arch pain, worst with the first steps of the morning.",
            regions: expand(&["plantar"]),
            massage_note: "Massage of the sole and calves, including rolling the foot, often eases it.",
        },
        Condition {
            id: "achilles_tendinopathy",
            name: "Achilles tendinopathy",
            summary: "Stiffness and pain in the tendon above the heel, often worst in the morning.",
            regions: expand(&["achilles", "calf"]),
            massage_note: "Calf work helps; keep pressure off an irritated tendon.",
        },
        Condition {
            id: "runners_knee",
            name: "Runner's knee (patellofemoral pain)",
            summary: "A dull ache around or behind the kneecap, worse on stairs, downhills and after \
                      sitting.",
            regions: expand(&["knee", "quadriceps"]),
            massage_note: "Easing tight quadriceps and hips can take load off the knee.",
        },
        Condition {
            id: "hamstring_strain",
            name: "Hamstring strain",
            summary: "A sudden pull at the back of the thigh, often in faster running.",
            regions: expand(&["hamstring"]),
            massage_note: "Not in the first days. Later, gentle work can help the muscle heal and move well.",
        },
        Condition {
            id: "calf_strain",
            name: "Calf strain",
            summary: "A sharp twinge or tightness in the calf, sometimes with a feeling of being kicked.",
            regions: expand(&["calf"]),
            massage_note: "Wait out the acute phase; afterwards massage can ease the tightness that follows.",
        },
        Condition {
            id: "hip_tightness",
            name: "Hip flexor and glute tightness",
            summary: "Tight fronts of the hips and stiff glutes, from running and long hours sitting.",
            regions: expand(&["hip_flexor", "glute", "hip_outer"]),
            massage_note: "One of the things massage does best for runners.",
        },
        Condition {
            id: "low_back_pain",
            name: "Low back pain",
            summary: "An ache across the lower back, often tied to tight hips and hamstrings.",
            regions: expand(&["lower_back"]),
            massage_note: "Massage of the back, glutes and hips often helps. Pain with numbness, or that \
                           wakes you at night, needs a clinician first.",
        },
    ]
}
