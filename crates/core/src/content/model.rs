//! The content types the UI, the briefing sheet and the PDF read. Every claim carries where it
//! comes from: a cited trial finding, or Aftermile's own advice (`Source`), so nothing reads as
//! evidence that is not.

use serde::Serialize;
use ts_rs::TS;

/// What trials say about a benefit. The label is about the evidence, not about how runners feel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Support {
    /// Pooled trials found an effect, and a small one: say so, and no more.
    SmallEffect,
    /// Trials looked for the effect and did not find it.
    NotShown,
    /// Runners and therapists report it; no cited trial settles it.
    Reported,
}

/// One trial finding in the app's words, with the study it comes from.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub finding: &'static str,
    /// Authors, year, journal volume:page, and the kind of study. Only real, checked papers.
    pub citation: &'static str,
}

/// Where a piece of content comes from. Uncited text is labelled as the app's advice, never left
/// to look like a finding.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Source {
    /// Backed by these trial findings (never empty; a test checks).
    Cited { evidence: Vec<Evidence> },
    /// No study is cited: Aftermile's own advice, worded as advice. The UI shows "Aftermile's advice".
    AppAdvice,
}

/// A popular explanation that trials tested and did not bear out. The UI labels it "Not supported".
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Unsupported {
    pub idea: &'static str,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Benefit {
    pub id: &'static str,
    pub title: &'static str,
    /// What runners report and what trials measured, worded to match `support` and `source`.
    pub summary: &'static str,
    pub support: Support,
    /// Where the summary comes from.
    pub source: Source,
    /// Aftermile's own advice that goes with the benefit (timing, what to tell the therapist).
    /// Always uncited, so the UI labels it "Aftermile's advice".
    pub advice: Option<&'static str>,
    /// An explanation often given for this benefit that trials did not support.
    pub unsupported: Option<Unsupported>,
    /// Canonical region ids.
    pub regions: Vec<&'static str>,
    /// Condition ids.
    pub conditions: Vec<&'static str>,
}

/// Signs that turn a runner condition into an emergency.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EmergencySigns {
    pub signs: &'static str,
    pub advice: &'static str,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Condition {
    pub id: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    /// Canonical region ids.
    pub regions: Vec<&'static str>,
    /// What massage can and cannot do for it, and when it needs a clinician first.
    pub massage_note: &'static str,
    pub source: Source,
    /// Signs that need emergency care, shown apart from the rest (low back pain has them).
    pub emergency: Option<EmergencySigns>,
}

/// How soon a red flag needs a clinician.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Medical care the same day; emergency services in the cases the advice names.
    Urgent,
    /// A doctor or physiotherapist before any massage on the area.
    Soon,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RedFlag {
    pub id: &'static str,
    /// The sign, short enough for a list ("Also ask about" on the briefing sheet uses it).
    pub sign: &'static str,
    /// What it can mean.
    pub why: &'static str,
    pub urgency: Urgency,
    /// What to do, addressed to the runner. The urgent flag's advice never sends them to a physiotherapist.
    pub advice: &'static str,
    /// Canonical region ids where the sign matters most, for showing it unasked on those regions;
    /// empty means anywhere.
    pub regions: Vec<&'static str>,
    pub source: Source,
}

/// A word the content uses that a runner may not know.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Term {
    pub term: &'static str,
    pub meaning: &'static str,
}

/// How to choose a massage therapist, in the app's words.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TherapistGuide {
    pub title: &'static str,
    pub intro: &'static str,
    /// What to look for.
    pub look_for: Vec<&'static str>,
    /// Questions to ask before booking.
    pub ask: Vec<&'static str>,
    pub source: Source,
}

/// Everything the chart, the Benefits page, the massage form and the briefing page need, in one call.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Content {
    pub benefits: Vec<Benefit>,
    pub conditions: Vec<Condition>,
    /// Most urgent first: the possible clot leads.
    pub red_flags: Vec<RedFlag>,
    /// Shown under every runner condition: the app describes, it never diagnoses.
    pub diagnosis_note: &'static str,
    /// Massage as one part of recovery, for the Benefits page.
    pub recovery_context: &'static str,
    pub therapist_guide: TherapistGuide,
    /// One sentence for the Briefing page: what the sheet is for.
    pub briefing_purpose: &'static str,
    pub glossary: Vec<Term>,
}
