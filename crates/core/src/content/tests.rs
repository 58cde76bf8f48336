use std::collections::HashSet;

use super::evidence::{DAVIS_2020, DUPUY_2018, GUO_2017, HINDS_2004, WILTSHIRE_2010};
use super::seed_check::content_strings;
use super::*;

fn citations(source: &Source) -> Vec<&'static str> {
    match source {
        Source::Cited { evidence } => evidence.iter().map(|e| e.citation).collect(),
        Source::AppAdvice => vec![],
    }
}

#[test]
fn twelve_benefits_with_the_design_ids() {
    let ids: Vec<_> = benefits().iter().map(|b| b.id).collect();
    assert_eq!(
        ids,
        [
            "muscle_recovery",
            "flexibility",
            "muscle_balance",
            "injury_prevention",
            "pain_relief",
            "stress_reduction",
            "circulation",
            "sleep",
            "post_race_recovery",
            "body_awareness",
            "performance",
            "mental_relaxation",
        ]
    );
}

#[test]
fn every_region_and_condition_named_exists() {
    let region_ids: HashSet<_> = regions::all().iter().map(|r| r.id).collect();
    let condition_ids: HashSet<_> = conditions().iter().map(|c| c.id).collect();
    for b in benefits() {
        assert!(!b.regions.is_empty(), "{} names no region", b.id);
        for r in &b.regions {
            assert!(region_ids.contains(r), "{} names unknown region {r}", b.id);
        }
        for c in &b.conditions {
            assert!(condition_ids.contains(c), "{} names unknown condition {c}", b.id);
        }
    }
    for c in conditions() {
        assert!(!c.regions.is_empty(), "{} names no region", c.id);
        for r in &c.regions {
            assert!(region_ids.contains(r), "{} names unknown region {r}", c.id);
        }
    }
    for f in red_flags() {
        for r in &f.regions {
            assert!(region_ids.contains(r), "{} names unknown region {r}", f.id);
        }
    }
}

#[test]
fn expand_gives_both_sides_and_centre_regions_as_is() {
    assert_eq!(expand(&["calf", "lower_back"]), ["calf_l", "calf_r", "lower_back"]);
    assert!(expand(&["wing"]).is_empty());
}

#[test]
fn each_design_group_has_a_condition_or_benefit() {
    // Every region should lead somewhere from the chart.
    let mut covered: HashSet<&str> = HashSet::new();
    for b in benefits() {
        covered.extend(b.regions);
    }
    for c in conditions() {
        covered.extend(c.regions);
    }
    for r in regions::all() {
        assert!(covered.contains(r.id), "{} links to nothing", r.id);
    }
}

#[test]
fn every_claim_has_a_real_source_or_is_the_apps_advice() {
    let known = [DAVIS_2020, DUPUY_2018, GUO_2017, HINDS_2004, WILTSHIRE_2010];
    let mut sources: Vec<(&str, &Source)> = vec![];
    let (bs, cs, fs, guide) = (benefits(), conditions(), red_flags(), therapist_guide());
    sources.extend(bs.iter().map(|b| (b.id, &b.source)));
    sources.extend(cs.iter().map(|c| (c.id, &c.source)));
    sources.extend(fs.iter().map(|f| (f.id, &f.source)));
    sources.push(("therapist_guide", &guide.source));
    for (id, source) in sources {
        if let Source::Cited { evidence } = source {
            assert!(!evidence.is_empty(), "{id} is marked cited but cites nothing");
        }
        for c in citations(source) {
            assert!(
                known.contains(&c),
                "{id} cites {c}, which is not one of the checked papers"
            );
        }
    }
    for b in &bs {
        for e in b.unsupported.iter().flat_map(|u| &u.evidence) {
            assert!(known.contains(&e.citation), "{} cites {}", b.id, e.citation);
        }
        // A label about trials needs trials behind it; uncited text can only be what runners report.
        let cited = matches!(b.source, Source::Cited { .. });
        assert_eq!(
            cited,
            b.support != Support::Reported,
            "{}: {:?} with {:?}",
            b.id,
            b.support,
            b.source
        );
    }
}

#[test]
fn evidence_notes_cite_the_design_sources() {
    let cited: HashSet<_> = benefits().iter().flat_map(|b| citations(&b.source)).collect();
    for paper in [DAVIS_2020, DUPUY_2018, GUO_2017] {
        assert!(cited.contains(paper), "no benefit cites {paper}");
    }
    let perf = benefits().into_iter().find(|b| b.id == "performance").unwrap();
    assert_eq!(perf.support, Support::NotShown);
    assert_eq!(citations(&perf.source), [DAVIS_2020]);
}

#[test]
fn flushing_out_waste_is_labelled_not_supported_with_the_blood_flow_trials() {
    for id in ["muscle_recovery", "circulation"] {
        let b = benefits().into_iter().find(|b| b.id == id).unwrap();
        let u = b
            .unsupported
            .unwrap_or_else(|| panic!("{id} does not mark the waste idea"));
        let papers: Vec<_> = u.evidence.iter().map(|e| e.citation).collect();
        assert_eq!(papers, [HINDS_2004, WILTSHIRE_2010], "{id}");
    }
}

#[test]
fn overclaims_from_the_old_text_are_gone() {
    let banned = [
        "more blood",
        "clears what exercise",
        "clear what exercise",
        "endorphin",
        "does best",
        "help the muscle heal",
        "shorten the days",
        "weakly supported",
    ];
    for s in content_strings() {
        let lower = s.to_lowercase();
        for b in banned {
            assert!(!lower.contains(b), "\"{b}\" is back in: {s}");
        }
    }
}

#[test]
fn six_red_flags_most_urgent_first_with_the_possible_clot_leading() {
    let flags = red_flags();
    assert_eq!(flags.len(), 6);
    assert!(
        flags.windows(2).all(|w| w[0].urgency <= w[1].urgency),
        "flags out of urgency order"
    );
    let clot = &flags[0];
    assert_eq!((clot.id, clot.urgency), ("hot_swollen_calf", Urgency::Urgent));
    assert!(clot.advice.contains("urgent medical care today"), "{}", clot.advice);
    assert!(clot.advice.contains("emergency services"), "{}", clot.advice);
    assert!(clot.regions.contains(&"calf_l") && clot.regions.contains(&"calf_r"));
    for text in [clot.sign, clot.why, clot.advice] {
        assert!(
            !text.to_lowercase().contains("physio"),
            "the clot flag sends to a physiotherapist: {text}"
        );
    }
    assert_eq!(flags.iter().filter(|f| f.urgency == Urgency::Urgent).count(), 1);
}

#[test]
fn swelling_waits_for_the_clinicians_all_clear_not_just_the_clock() {
    let f = red_flags()
        .into_iter()
        .find(|f| f.id == "swelling_bruising_heat")
        .unwrap();
    assert!(
        f.advice.contains("seen by a doctor or physiotherapist first"),
        "{}",
        f.advice
    );
    assert!(f.advice.contains("all-clear"), "{}", f.advice);
}

#[test]
fn low_back_pain_carries_the_emergency_signs() {
    let c = conditions().into_iter().find(|c| c.id == "low_back_pain").unwrap();
    let e = c.emergency.expect("low back pain names no emergency signs");
    for word in ["groin", "seat", "bladder", "bowel"] {
        assert!(
            e.signs.contains(word),
            "the emergency signs leave out {word}: {}",
            e.signs
        );
    }
    assert!(e.advice.starts_with("This is an emergency"), "{}", e.advice);
    assert!(e.advice.contains("emergency services"), "{}", e.advice);
    let others = conditions().into_iter().filter(|c| c.emergency.is_some()).count();
    assert_eq!(others, 1, "only low back pain has emergency signs today");
}

#[test]
fn conditions_are_described_never_diagnosed() {
    assert!(DIAGNOSIS_NOTE.starts_with("Only a clinician"));
    for c in conditions() {
        let lower = format!("{} {}", c.summary, c.massage_note).to_lowercase();
        assert!(!lower.contains("you have"), "{} tells the runner what they have", c.id);
    }
}

#[test]
fn abbreviations_are_spelled_out_in_each_text_that_uses_them() {
    let spelled = [
        ("DOMS", "delayed-onset muscle soreness"),
        ("RCT", "randomised controlled trial"),
    ];
    for s in content_strings() {
        for (short, long) in spelled {
            if s.contains(short) {
                assert!(s.to_lowercase().contains(long), "{short} without \"{long}\": {s}");
            }
        }
    }
}

#[test]
fn the_glossary_explains_every_term_the_content_uses() {
    let jargon = [
        "DOMS",
        "RCT",
        "acute phase",
        "lymph",
        "light flush",
        "deep tissue",
        "stress fracture",
    ];
    let terms: Vec<String> = glossary().iter().map(|t| t.term.to_lowercase()).collect();
    let glossary_text: HashSet<String> = glossary().iter().map(|t| t.meaning.to_owned()).collect();
    let used: Vec<String> = content_strings()
        .into_iter()
        .filter(|s| !glossary_text.contains(s) && !terms.contains(&s.to_lowercase()))
        .collect();
    for word in jargon {
        let w = word.to_lowercase();
        if used.iter().any(|s| s.to_lowercase().contains(&w)) {
            assert!(
                terms.iter().any(|t| t.contains(&w)),
                "\"{word}\" is used but not in the glossary"
            );
        }
    }
}

#[test]
fn the_therapist_guide_and_briefing_purpose_say_what_they_are_for() {
    let g = therapist_guide();
    assert!(!g.look_for.is_empty() && !g.ask.is_empty());
    let all = g.look_for.join(" ");
    assert!(all.contains("register") && all.contains("runners"), "{all}");
    assert!(matches!(g.source, Source::AppAdvice));
    assert!(BRIEFING_PURPOSE.contains("before you start"), "{BRIEFING_PURPOSE}");
    for part in ["Sleep", "food", "easy running", "rest days"] {
        assert!(RECOVERY_CONTEXT.contains(part), "recovery context leaves out {part}");
    }
}
