//! "How this is worked out": one short note per figure the app shows, with its source, in words
//! for a runner. The UI shows each beside its figure; the Today page carries them all.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Explainer {
    /// Which figure: `srpe`, `trimp`, `acute`, `chronic`, `form`, `ratio`, `monotony`, `week`.
    pub id: &'static str,
    pub figure: &'static str,
    pub how: &'static str,
    pub source: &'static str,
}

pub fn explainers() -> Vec<Explainer> {
    vec![
        Explainer {
            id: "srpe",
            figure: "Session load (RPE × minutes)",
            how: "How hard a session felt, from 1 (very easy) to 10 (maximal), times its minutes: a 60-minute run \
                  rated 5 is 300. Moving time is used when a watch recorded it. A session without a rating has no \
                  load here and is counted as unrated, not as zero.",
            source: "Foster et al. 2001, J Strength Cond Res 15(1):109–115",
        },
        Explainer {
            id: "trimp",
            figure: "TRIMP (heart rate)",
            how: "From the heart-rate samples of an imported activity: each minute counts by how far your heart \
                  rate was between resting and maximum, with time near maximum weighted far more. It uses the \
                  resting and maximum heart rate in Settings → Profile (60 and 200 until you set yours).",
            source: "Banister 1991; weighting from Banister & Calvert 1980",
        },
        Explainer {
            id: "acute",
            figure: "Acute load (7 days)",
            how: "An average of daily session load that weights the last days most, fading over about a week \
                  (an exponentially weighted average with λ = 2/(7+1)). Rest days count as zero.",
            source: "Williams et al. 2017, Br J Sports Med 51:209–210",
        },
        Explainer {
            id: "chronic",
            figure: "Chronic load (28 and 42 days)",
            how: "The same kind of average over a longer span: what your body has been used to. The ratio \
                  uses 28 days (λ = 2/29), as Williams defined it; the chart's chronic line and form use 42 days \
                  (λ = 2/43), as Banister's fitness–fatigue model does.",
            source: "Williams et al. 2017; Banister 1991",
        },
        Explainer {
            id: "form",
            figure: "Form",
            how: "Chronic (42-day) load minus acute load. Below zero while the last week has been harder than \
                  what came before; above zero after easier days.",
            source: "Banister's fitness–fatigue model",
        },
        Explainer {
            id: "ratio",
            figure: "Acute:chronic ratio",
            how: "Acute load divided by 28-day chronic load: about 1 when this week is like the month before, \
                  above 1 when it is harder. It needs 28 days of entries. It describes your recent training; \
                  whether it predicts injury is disputed, so Aftermile gives no risk from it.",
            source: "Williams et al. 2017; disputed by Impellizzeri et al. 2020 (IJSPP 15:907–913) and \
                     Lolli et al. 2019 (BJSM 53:921–922)",
        },
        Explainer {
            id: "monotony",
            figure: "Monotony and strain",
            how: "Monotony is a week's average daily load divided by how much it varied from day to day: the \
                  same load every day is monotonous, however light. Strain is the week's load times its \
                  monotony.",
            source: "Foster 1998, Med Sci Sports Exerc 30(7):1164–1168",
        },
        Explainer {
            id: "week",
            figure: "Running this week",
            how: "Distance and time of this week's runs (Monday to today) against the average of the four \
                  weeks before. Cross-training counts in load but never in running distance.",
            source: "Your log",
        },
    ]
}
