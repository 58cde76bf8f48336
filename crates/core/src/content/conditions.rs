//! Common runner conditions and the regions they show up in (DESIGN.md "Runner conditions"). They
//! describe, so a runner knows what to ask about; they never diagnose (`DIAGNOSIS_NOTE` is shown
//! under each). No study is cited for them, so each is Aftermile's advice, worded as advice, with
//! the signs that need a clinician before any massage.

use super::{expand, Condition, EmergencySigns, Source};

pub const DIAGNOSIS_NOTE: &str = "Only a clinician who examines you, such as a doctor or physiotherapist, can \
     say whether this is what you have. Aftermile describes it so you know what to ask about.";

pub fn conditions() -> Vec<Condition> {
    vec![
        Condition {
            id: "it_band_syndrome",
            name: "IT band syndrome",
            summary: "Pain on the outside of the knee, sometimes up the outer thigh along the iliotibial (IT) \
                      band, that tends to come on at the same point in every run.",
            regions: expand(&["it_band", "knee"]),
            massage_note: "Many runners find work on the glutes, hip and outer thigh eases it. Ask your \
                           therapist to go gently on the band itself, which is often tender.",
            source: Source::AppAdvice,
            emergency: None,
        },
        Condition {
            id: "shin_splints",
            name: "Shin splints (medial tibial stress)",
            summary: "An ache along the inner edge of the shin bone, common after a jump in mileage.",
            regions: expand(&["shin"]),
            massage_note: "Gentle work on the calf and the muscles beside the shin may ease the ache; keep \
                           pressure off the bone. Pain on one point of the bone, or pain that stays when you \
                           rest, needs a doctor or physiotherapist before any massage: it can be a stress \
                           fracture.",
            source: Source::AppAdvice,
            emergency: None,
        },
        Condition {
            id: "plantar_fasciitis",
            name: "Plantar fasciitis",
            summary: "Heel and arch pain, worst with the first steps of the morning.",
            regions: expand(&["plantar"]),
            massage_note: "Many runners find that massage of the calf and sole, or rolling the foot over a \
                           ball, eases it for a while. Heel pain that began with a sudden injury, or that \
                           swells, needs a clinician first.",
            source: Source::AppAdvice,
            emergency: None,
        },
        Condition {
            id: "achilles_tendinopathy",
            name: "Achilles tendinopathy",
            summary: "Stiffness and pain in the tendon above the heel, often worst in the morning.",
            regions: expand(&["achilles", "calf"]),
            massage_note: "Calf massage may ease the tightness around it; ask for no firm pressure on the \
                           tendon itself while it is painful. A sudden snap, or a feeling of being kicked at \
                           the back of the ankle, needs urgent medical care the same day.",
            source: Source::AppAdvice,
            emergency: None,
        },
        Condition {
            id: "runners_knee",
            name: "Runner's knee (patellofemoral pain)",
            summary: "A dull ache around or behind the kneecap, worse on stairs, downhills and after \
                      sitting.",
            regions: expand(&["knee", "quadriceps"]),
            massage_note: "Work on the thighs and hips may make the knee feel easier, though it does not treat \
                           the knee itself. A knee that swells, locks or gives way needs a clinician first.",
            source: Source::AppAdvice,
            emergency: None,
        },
        Condition {
            id: "hamstring_strain",
            name: "Hamstring strain",
            summary: "A sudden pull at the back of the thigh, often in faster running.",
            regions: expand(&["hamstring"]),
            massage_note: "No massage on it in the acute phase (the first few days, while it is freshly \
                           painful, swollen or bruised). Once a clinician has checked it and says massage is \
                           fine, gentle work may ease the stiffness that follows.",
            source: Source::AppAdvice,
            emergency: None,
        },
        Condition {
            id: "calf_strain",
            name: "Calf strain",
            summary: "A sharp twinge or tightness in the calf, sometimes with a feeling of being kicked.",
            regions: expand(&["calf"]),
            massage_note: "No massage on it in the acute phase (the first few days, while it is freshly \
                           painful, swollen or bruised). Once a clinician has checked it, gentle work may ease \
                           the tightness that follows. A calf that is swollen, warm and painful with no strain to \
                           explain it, or whose swelling keeps growing, can be a blood clot: get urgent medical \
                           care today, and call emergency services if you are short of breath or have chest \
                           pain.",
            source: Source::AppAdvice,
            emergency: None,
        },
        Condition {
            id: "hip_tightness",
            name: "Hip flexor and glute tightness",
            summary: "Tight fronts of the hips and stiff glutes, from running and long hours sitting.",
            regions: expand(&["hip_flexor", "glute", "hip_outer"]),
            massage_note: "A common reason runners book a massage, and many find it loosens the hips and \
                           glutes for a while. Pain in the groin or deep in the hip that grows as you run, or \
                           makes you limp, needs a clinician first: it can be a stress fracture.",
            source: Source::AppAdvice,
            emergency: None,
        },
        Condition {
            id: "low_back_pain",
            name: "Low back pain",
            summary: "An ache across the lower back; many runners feel tight hips and hamstrings with it.",
            regions: expand(&["lower_back"]),
            massage_note: "Many runners find massage of the back, glutes and hips eases a back that aches \
                           after running. Back pain with numbness or tingling down a leg, or pain that wakes \
                           you at night, needs a clinician first.",
            source: Source::AppAdvice,
            emergency: Some(EmergencySigns {
                signs: "Back pain with numbness around the groin, genitals or seat (where you sit on a \
                        saddle), new trouble with your bladder or bowels (passing or holding urine or stools), \
                        or weakness in both legs.",
                advice: "This is an emergency: call emergency services or go to an emergency department now, \
                         and do not wait to see whether it passes. These signs can mean pressure on the nerves \
                         at the base of the spine, which needs treatment straight away.",
            }),
        },
    ]
}
