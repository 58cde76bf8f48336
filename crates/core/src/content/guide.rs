//! The seed's closing advice in the app's words: choosing a therapist, telling them what you need
//! (which is what the briefing sheet is for), and massage as one part of recovery. No study is
//! cited for any of it, so it is worded as Aftermile's advice.

use super::{Source, TherapistGuide};

pub const BRIEFING_PURPOSE: &str = "Your therapist can only work with what they know, so hand them this sheet \
     before you start: it puts your races, recent training, sore spots and goals for the session on one page.";

pub const RECOVERY_CONTEXT: &str = "Treat massage as one part of recovery. Sleep, enough food and drink, easy \
     running and rest days all matter as well; massage works alongside them and does not stand in for any of \
     them.";

pub fn therapist_guide() -> TherapistGuide {
    TherapistGuide {
        title: "How to choose a therapist",
        intro: "Aftermile's advice for finding someone who suits a runner, and what to ask them before you book.",
        look_for: vec![
            "Proper training in massage, and membership of a recognised professional register or body where \
             you live. What counts as qualified differs between countries, so check the local rules.",
            "Experience with runners or other endurance athletes, so they know what race weeks and heavy \
             training do to legs.",
            "Insurance for the work they do.",
            "Someone who will stop and send you to a doctor or physiotherapist when something needs checking.",
        ],
        ask: vec![
            "What training do you have, and which register or professional body are you on?",
            "How often do you work with runners, and with what kinds of problems?",
            "How do you change the pressure in the days before a race, or after one?",
            "What would make you stop, or send me to someone else?",
            "Are you insured?",
        ],
        source: Source::AppAdvice,
    }
}
