//! The twelve benefits of massage for runners, in the app's own words.

use super::{expand, Benefit, Evidence, Support};

const DAVIS_2020: &str = "Davis et al. 2020, BMJ Open Sport & Exercise Medicine (meta-analysis of 29 RCTs)";
const DUPUY_2018: &str = "Dupuy et al. 2018, Frontiers in Physiology";
const GUO_2017: &str = "Guo et al. 2017, Frontiers in Physiology";

fn doms_davis() -> Evidence {
    Evidence {
        finding: "Across 29 trials, massage gave a small reduction in delayed-onset muscle soreness (DOMS).",
        citation: DAVIS_2020,
    }
}

fn dupuy() -> Evidence {
    Evidence {
        finding: "Of the recovery methods compared, massage did the most for DOMS and for how tired athletes felt.",
        citation: DUPUY_2018,
    }
}

fn guo() -> Evidence {
    Evidence {
        finding: "Soreness was lower 24, 48 and 72 hours after exercise when massage followed it.",
        citation: GUO_2017,
    }
}

pub fn benefits() -> Vec<Benefit> {
    vec![
        Benefit {
            id: "muscle_recovery",
            title: "Muscle recovery",
            summary: "After a hard session or a race, massage can take the edge off soreness and stiffness. \
                      It brings more blood to the worked muscles, which helps clear what exercise leaves \
                      behind and feeds the repair.",
            support: Support::Studied,
            regions: expand(&["quadriceps", "hamstring", "calf", "glute"]),
            conditions: vec!["calf_strain", "hamstring_strain"],
            evidence: vec![doms_davis(), dupuy(), guo()],
        },
        Benefit {
            id: "flexibility",
            title: "Flexibility",
            summary: "Regular work on tight tissue can give muscles and joints more range, so a stride \
                      moves freely instead of fighting stiffness.",
            support: Support::Studied,
            regions: expand(&["hamstring", "hip_flexor", "calf", "adductor", "lower_back"]),
            conditions: vec!["hip_tightness", "low_back_pain"],
            evidence: vec![Evidence {
                finding: "Massage brought a small gain in flexibility.",
                citation: DAVIS_2020,
            }],
        },
        Benefit {
            id: "muscle_balance",
            title: "Muscle balance",
            summary: "Running repeats one movement thousands of times, so some muscles end up overworked \
                      and others underused. A therapist can target the overworked groups and help even \
                      things out.",
            support: Support::Reported,
            regions: expand(&["glute", "hip_outer", "adductor", "quadriceps", "hamstring"]),
            conditions: vec!["hip_tightness", "runners_knee", "it_band_syndrome"],
            evidence: vec![],
        },
        Benefit {
            id: "injury_prevention",
            title: "Injury prevention",
            summary: "Easing tension and imbalance before they build up may lower the chance of the \
                      overuse injuries that runners know too well.",
            support: Support::Reported,
            regions: expand(&["it_band", "calf", "achilles", "shin", "plantar"]),
            conditions: vec![
                "it_band_syndrome",
                "shin_splints",
                "achilles_tendinopathy",
                "plantar_fasciitis",
            ],
            evidence: vec![],
        },
        Benefit {
            id: "pain_relief",
            title: "Pain relief",
            summary: "Massage can ease the ache of a muscle strain, shin splints or a grumbling IT band, \
                      and help manage the long-running aches that years of running can bring. It is not a \
                      treatment for an acute injury.",
            support: Support::Reported,
            regions: expand(&["shin", "it_band", "hamstring", "calf", "lower_back", "knee"]),
            conditions: vec![
                "shin_splints",
                "it_band_syndrome",
                "hamstring_strain",
                "calf_strain",
                "low_back_pain",
            ],
            evidence: vec![],
        },
        Benefit {
            id: "stress_reduction",
            title: "Stress reduction",
            summary: "A massage sets off the body's own feel-good chemicals, endorphins among them. Many \
                      runners come away calmer and less anxious.",
            support: Support::Reported,
            regions: expand(&["neck_shoulders", "upper_back", "shoulder"]),
            conditions: vec![],
            evidence: vec![],
        },
        Benefit {
            id: "circulation",
            title: "Circulation",
            summary: "Pressure and stroking move blood and lymph along, which helps carry away waste from \
                      hard efforts and can calm inflammation.",
            support: Support::Reported,
            regions: expand(&["calf", "ankle", "quadriceps", "hamstring"]),
            conditions: vec![],
            evidence: vec![],
        },
        Benefit {
            id: "sleep",
            title: "Better sleep",
            summary: "Plenty of runners say they sleep more deeply on the night of a massage, and sleep is \
                      where most recovery happens.",
            support: Support::Reported,
            regions: expand(&["neck_shoulders", "upper_back", "lower_back"]),
            conditions: vec![],
            evidence: vec![],
        },
        Benefit {
            id: "post_race_recovery",
            title: "Post-race recovery",
            summary: "A well-timed massage after a race can shorten the days of heavy legs, lower the \
                      soreness and help you relax after the effort. Wait until the first couple of days \
                      have passed before anything deep.",
            support: Support::Studied,
            regions: expand(&["quadriceps", "calf", "hamstring", "glute", "plantar"]),
            conditions: vec!["calf_strain"],
            evidence: vec![guo(), dupuy()],
        },
        Benefit {
            id: "body_awareness",
            title: "Body awareness",
            summary: "Time on the table is a chance to notice where you hold tension, which side feels \
                      different, and what has been quietly bothering you on runs.",
            support: Support::Reported,
            regions: expand(&["glute", "hip_outer", "lower_back", "it_band", "adductor", "hip_flexor"]),
            conditions: vec!["hip_tightness", "low_back_pain"],
            evidence: vec![],
        },
        Benefit {
            id: "performance",
            title: "Performance",
            summary: "Keeping muscles in good condition, and catching problems before they stop training, \
                      may help you run better over a season. The direct effect on speed is weakly supported.",
            support: Support::Weak,
            regions: expand(&["calf", "quadriceps", "hamstring", "glute"]),
            conditions: vec![],
            evidence: vec![Evidence {
                finding: "Massage showed no effect on strength, sprint, jump, endurance or fatigue.",
                citation: DAVIS_2020,
            }],
        },
        Benefit {
            id: "mental_relaxation",
            title: "Mental relaxation",
            summary: "The calm of a massage can carry into the rest of the day: a quieter mind and a \
                      clearer head.",
            support: Support::Reported,
            regions: expand(&["neck_shoulders", "chest", "abdomen", "upper_back"]),
            conditions: vec![],
            evidence: vec![],
        },
    ]
}
