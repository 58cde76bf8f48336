//! The twelve benefits of massage for runners (DESIGN.md "Benefits"), in the app's own words and
//! structure. Each summary says what runners report apart from what trials measured; a claim no
//! cited trial backs is worded as Aftermile's advice, and the flushing-out-waste idea is listed as
//! not supported, with the trials that tested it.

use super::evidence::*;
use super::{expand, Benefit, Source, Support, Unsupported};

fn cited(evidence: Vec<super::Evidence>) -> Source {
    Source::Cited { evidence }
}

/// The idea behind both "muscle recovery" and "circulation" that trials measured and did not find.
fn waste_removal() -> Option<Unsupported> {
    Some(Unsupported {
        idea: "It is often said that massage speeds blood flow through worked muscles and so flushes out \
               lactate and other waste.",
        evidence: vec![hinds_blood_flow(), wiltshire_lactate()],
    })
}

pub fn benefits() -> Vec<Benefit> {
    vec![
        Benefit {
            id: "muscle_recovery",
            title: "Muscle recovery",
            summary: "Runners often say their legs feel looser and less stiff after a massage. What trials \
                      have measured is soreness: it came out lower over the three days after hard exercise \
                      when massage followed, and the largest review of massage called the effect small.",
            support: Support::SmallEffect,
            source: cited(vec![davis_soreness(), guo_soreness(), dupuy_soreness()]),
            advice: None,
            unsupported: waste_removal(),
            regions: expand(&["quadriceps", "hamstring", "calf", "glute"]),
            conditions: vec!["calf_strain", "hamstring_strain"],
        },
        Benefit {
            id: "flexibility",
            title: "Flexibility",
            summary: "In trials, muscles and joints moved a little further after massage. The review does \
                      not say how long the gain lasts or whether it changes how you run.",
            support: Support::SmallEffect,
            source: cited(vec![davis_flexibility()]),
            advice: None,
            unsupported: None,
            regions: expand(&["hamstring", "hip_flexor", "calf", "adductor", "lower_back"]),
            conditions: vec!["hip_tightness", "low_back_pain"],
        },
        Benefit {
            id: "muscle_balance",
            title: "Muscle balance",
            summary: "Tell your therapist if one side or one group of muscles feels tighter or works harder \
                      than the other, so they can spend longer there. That massage evens out imbalances is \
                      what runners and therapists report, not something trials have shown.",
            support: Support::Reported,
            source: Source::AppAdvice,
            advice: None,
            unsupported: None,
            regions: expand(&["glute", "hip_outer", "adductor", "quadriceps", "hamstring"]),
            conditions: vec!["hip_tightness", "runners_knee", "it_band_syndrome"],
        },
        Benefit {
            id: "injury_prevention",
            title: "Injury prevention",
            summary: "No cited trial shows that massage lowers the risk of running injuries. Use the session \
                      to find tight or tender spots early, and if the same spot keeps coming back, ease your \
                      training and have it checked by a doctor or physiotherapist.",
            support: Support::Reported,
            source: Source::AppAdvice,
            advice: None,
            unsupported: None,
            regions: expand(&["it_band", "calf", "achilles", "shin", "plantar"]),
            conditions: vec![
                "it_band_syndrome",
                "shin_splints",
                "achilles_tendinopathy",
                "plantar_fasciitis",
            ],
        },
        Benefit {
            id: "pain_relief",
            title: "Pain relief",
            summary: "Comfort for aches that hang on (a tight outer thigh, shins that stay sore, a muscle \
                      on the mend after a strain) is what runners most often report from massage. It comes \
                      second: new or worsening pain is checked by a doctor or physiotherapist first, and \
                      massage then sits beside their plan as comfort, not as the treatment.",
            support: Support::Reported,
            source: Source::AppAdvice,
            advice: None,
            unsupported: None,
            regions: expand(&["shin", "it_band", "hamstring", "calf", "lower_back", "knee"]),
            conditions: vec![
                "shin_splints",
                "it_band_syndrome",
                "hamstring_strain",
                "calf_strain",
                "low_back_pain",
            ],
        },
        Benefit {
            id: "stress_reduction",
            title: "Stress reduction",
            summary: "Many runners come away from a massage calmer and less wound up. If it does that for \
                      you, a massage in a heavy week of training or work can be worth it for that alone.",
            support: Support::Reported,
            source: Source::AppAdvice,
            advice: None,
            unsupported: None,
            regions: expand(&["neck_shoulders", "upper_back", "shoulder"]),
            conditions: vec![],
        },
        Benefit {
            id: "circulation",
            title: "Circulation",
            summary: "Massage is often said to push blood and lymph (the fluid that drains from the tissues \
                      back into the blood) through tired muscles. When trials measured it, blood flow to the \
                      exercised muscles did not rise and lactate did not clear faster. Blood markers of \
                      inflammation were a little lower after massage; what that means for how your legs \
                      recover is not clear.",
            support: Support::NotShown,
            source: cited(vec![dupuy_inflammation()]),
            advice: None,
            unsupported: waste_removal(),
            regions: expand(&["calf", "ankle", "quadriceps", "hamstring"]),
            conditions: vec![],
        },
        Benefit {
            id: "sleep",
            title: "Better sleep",
            summary: "Many runners say they sleep better on the night of a massage; this rests on what they \
                      report, not on trials. If you find the same, book it on an evening or before a rest day, \
                      when you can make the most of it.",
            support: Support::Reported,
            source: Source::AppAdvice,
            advice: None,
            unsupported: None,
            regions: expand(&["neck_shoulders", "upper_back", "lower_back"]),
            conditions: vec![],
        },
        Benefit {
            id: "post_race_recovery",
            title: "Post-race recovery",
            summary: "Soreness after a race tends to build over the next day or two. Trials found it lower \
                      over the three days after hard exercise when massage followed. One review found that \
                      people also felt less tired; another found no effect on fatigue. Getting your speed or \
                      strength back sooner has not been shown.",
            support: Support::SmallEffect,
            source: cited(vec![guo_soreness(), dupuy_soreness(), davis_performance()]),
            advice: Some(
                "Wait at least two hours after you finish before any massage. In the first two days keep to a light flush \
                 (gentle, sweeping strokes with little pressure) or gentle self-massage, and leave deep \
                 tissue work (slow, firm pressure into the deeper muscle) until two to three days after \
                 the race.",
            ),
            unsupported: None,
            regions: expand(&["quadriceps", "calf", "hamstring", "glute", "plantar"]),
            conditions: vec!["calf_strain"],
        },
        Benefit {
            id: "body_awareness",
            title: "Body awareness",
            summary: "Use the time on the table to notice where you hold tension and which side feels \
                      different, then mark it on the body chart so you can see whether it changes. Anything \
                      that hurts rather than aches is worth showing a doctor or physiotherapist.",
            support: Support::Reported,
            source: Source::AppAdvice,
            advice: None,
            unsupported: None,
            regions: expand(&["glute", "hip_outer", "lower_back", "it_band", "adductor", "hip_flexor"]),
            conditions: vec!["hip_tightness", "low_back_pain"],
        },
        Benefit {
            id: "performance",
            title: "Performance",
            summary: "When trials pooled their results, massage made no difference to strength, sprinting, \
                      jumping, endurance or fatigue. Some runners feel it helps them keep training week after \
                      week; that is their experience, not a trial result.",
            support: Support::NotShown,
            source: cited(vec![davis_performance()]),
            advice: None,
            unsupported: None,
            regions: expand(&["calf", "quadriceps", "hamstring", "glute"]),
            conditions: vec![],
        },
        Benefit {
            id: "mental_relaxation",
            title: "Mental relaxation",
            summary: "Many runners describe a massage as a quiet hour that leaves their head clearer. If it \
                      does that for you, book it when you do not have to rush off afterwards.",
            support: Support::Reported,
            source: Source::AppAdvice,
            advice: None,
            unsupported: None,
            regions: expand(&["neck_shoulders", "chest", "abdomen", "upper_back"]),
            conditions: vec![],
        },
    ]
}
