//! The studies the content cites, and what each found, in the app's words. Only these papers are
//! cited; each finding was checked against the paper's abstract. A claim none of them backs is
//! the app's advice (`Source::AppAdvice`), never a finding.

use super::Evidence;

pub const DAVIS_2020: &str =
    "Davis et al. 2020, BMJ Open Sport & Exercise Medicine 6:e000614 (meta-analysis of 29 randomised studies)";
pub const DUPUY_2018: &str = "Dupuy et al. 2018, Frontiers in Physiology 9:403 (meta-analysis of 99 studies)";
pub const GUO_2017: &str =
    "Guo et al. 2017, Frontiers in Physiology 8:747 (meta-analysis of randomised controlled trials, or RCTs)";
pub const HINDS_2004: &str =
    "Hinds et al. 2004, Medicine & Science in Sports & Exercise 36:1308 (13 men, thigh exercise)";
pub const WILTSHIRE_2010: &str =
    "Wiltshire et al. 2010, Medicine & Science in Sports & Exercise 42:1062 (12 people, hand-grip exercise)";

pub fn davis_soreness() -> Evidence {
    Evidence {
        finding: "Pooled across trials, massage brought a small drop in delayed-onset muscle soreness \
                  (DOMS: the ache that builds over the day or two after hard exercise).",
        citation: DAVIS_2020,
    }
}

pub fn davis_flexibility() -> Evidence {
    Evidence {
        finding: "Pooled across trials, massage brought a small gain in flexibility.",
        citation: DAVIS_2020,
    }
}

pub fn davis_performance() -> Evidence {
    Evidence {
        finding: "Pooled across trials, massage made no difference to strength, sprinting, jumping, \
                  endurance or fatigue.",
        citation: DAVIS_2020,
    }
}

pub fn dupuy_soreness() -> Evidence {
    Evidence {
        finding: "Of the recovery methods the review compared, massage did the most for delayed-onset \
                  muscle soreness (DOMS) and for how tired people felt.",
        citation: DUPUY_2018,
    }
}

pub fn dupuy_inflammation() -> Evidence {
    Evidence {
        finding: "Across the recovery methods compared, two blood markers of inflammation (interleukin-6 \
                  and C-reactive protein) fell a little, and massage and cold exposure lowered them the most.",
        citation: DUPUY_2018,
    }
}

pub fn guo_soreness() -> Evidence {
    Evidence {
        finding: "People rated their soreness lower at 24, 48 and 72 hours after hard exercise when massage \
                  followed it than when nothing did.",
        citation: GUO_2017,
    }
}

pub fn hinds_blood_flow() -> Evidence {
    Evidence {
        finding: "Compared with resting, massage after thigh exercise did not raise blood flow in the leg's \
                  main artery or the muscle's temperature, and blood lactate was no different; only the skin \
                  warmed and its blood flow rose.",
        citation: HINDS_2004,
    }
}

pub fn wiltshire_lactate() -> Evidence {
    Evidence {
        finding: "After hard gripping exercise, blood flow to the forearm was lower with massage than with \
                  rest, and lactate left the muscle more slowly, not faster.",
        citation: WILTSHIRE_2010,
    }
}
