//! Words the content uses that a runner may not know. Each is also explained where it first
//! appears in a text; the glossary gathers them for the Benefits page, and a test checks that every
//! term the content uses has an entry.

use super::Term;

pub fn glossary() -> Vec<Term> {
    vec![
        Term {
            term: "Delayed-onset muscle soreness (DOMS)",
            meaning: "The ache and stiffness that builds over the day or two after hard or unfamiliar \
                      exercise, such as a race or a long downhill, and then fades over a few days.",
        },
        Term {
            term: "Randomised controlled trial (RCT)",
            meaning: "A study that decides by chance who gets massage and who gets a comparison, such as \
                      rest, so that a difference between the groups can be put down to the massage. A \
                      meta-analysis pools the results of many such studies.",
        },
        Term {
            term: "Acute phase",
            meaning: "The first few days after an injury, while it is freshly painful and may be swollen, \
                      bruised or warm.",
        },
        Term {
            term: "Lymph",
            meaning: "The clear fluid that drains out of the body's tissues and returns to the blood through \
                      its own small vessels.",
        },
        Term {
            term: "Light flush",
            meaning: "A short, gentle massage of sweeping strokes with little pressure, sometimes given in the \
                      day or two after a race.",
        },
        Term {
            term: "Deep tissue",
            meaning: "Massage with slow, firm pressure into the deeper layers of muscle. It can leave muscles \
                      tender for a day or two, which is why Aftermile keeps it away from races.",
        },
        Term {
            term: "Stress fracture",
            meaning: "A crack that builds up in a bone under repeated load, such as in the shin or foot. It \
                      often hurts on one point of the bone, and needs a clinician before any massage.",
        },
        Term {
            term: "Clinician",
            meaning: "A health professional who can examine you and say what is wrong, such as a doctor or \
                      physiotherapist.",
        },
    ]
}
