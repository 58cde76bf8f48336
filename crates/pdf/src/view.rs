//! The composed sheet in words: every value the PDF shows, worded as the HTML sheet words it
//! (crates/core/src/briefing/html.rs), so the two sheets say the same.

use aftermile_core::briefing::{self, format, Briefing};

pub struct SheetView {
    pub title: String,
    pub name: String,
    pub name_shown: String,
    pub contact: Option<String>,
    pub appointment_label: String,
    pub note: String,
    pub upcoming: Vec<String>,
    pub last_race: Option<String>,
    pub advice: Vec<String>,
    pub stats: [(&'static str, String); 4],
    pub training_span: String,
    pub hardest: Vec<String>,
    pub concerns: Vec<ConcernRow>,
    pub goals: Vec<String>,
    pub pressure: &'static str,
    pub caution: Option<String>,
    /// (label, text), e.g. ("Allergies", "Nut oils ...").
    pub health: Vec<(String, String)>,
    pub last_massage: Option<Massage>,
    pub red_flags: Vec<Flag>,
    pub ask: &'static str,
}

pub struct ConcernRow {
    pub number: String,
    pub region: String,
    pub side: String,
    pub sensation: &'static str,
    /// A red flag by the app's rules: the sensation is set in bold.
    pub flag: bool,
    pub intensity: String,
    /// "No" is the one value not set in bold.
    pub swelling: &'static str,
    pub note: String,
    pub pressure_note: Option<String>,
    pub trend: String,
}

pub struct Massage {
    pub kind: String,
    pub when: String,
    pub focus: String,
    pub felt: String,
}

pub struct Flag {
    pub urgent: bool,
    pub text: String,
}

fn days(n: i64, upcoming: bool) -> String {
    match (upcoming, n) {
        (_, 0) => "today".into(),
        (true, 1) => "in 1 day".into(),
        (true, n) => format!("in {n} days"),
        (false, 1) => "1 day ago".into(),
        (false, n) => format!("{n} days ago"),
    }
}

fn race(r: &briefing::RaceLine, upcoming: bool) -> String {
    let mut s = format!("{} · {} · {} · {}", r.name, r.distance, r.date, days(r.days, upcoming));
    if let Some(t) = &r.finish_time {
        s.push_str(&format!(" · finished in {t}"));
    }
    s
}

fn hard_session(h: &briefing::HardSession) -> String {
    let mut s = format!("{} · {}", h.date, h.kind);
    for part in [&h.distance, &h.duration].into_iter().flatten() {
        s.push_str(&format!(" · {part}"));
    }
    if let Some(r) = h.rpe {
        s.push_str(&format!(" · effort {r}/10"));
    }
    s
}

fn concern(c: &briefing::Concern) -> ConcernRow {
    ConcernRow {
        number: c.number.to_string(),
        region: c.region.clone(),
        side: c.side.clone(),
        sensation: format::sensation(c.sensation),
        flag: c.red_flag,
        intensity: c.intensity.to_string(),
        swelling: match (c.swelling, c.bruising) {
            (true, true) => "Swelling, bruising",
            (true, false) => "Swelling",
            (false, true) => "Bruising",
            (false, false) => "No",
        },
        note: c.note.clone(),
        pressure_note: c.pressure_note.clone(),
        trend: format::trend(c.trend, c.was, c.intensity),
    }
}

fn massage(m: &briefing::LastMassage) -> Massage {
    let mut when = format!("{} · {}", m.date, days(m.days_ago, false));
    if let Some(p) = m.pressure {
        when.push_str(&format!(" · {} pressure", format::pressure(p)));
    }
    Massage {
        kind: m.massage_type.clone(),
        when,
        focus: m.focus.join(", "),
        felt: m.felt_after.clone(),
    }
}

pub fn view(b: &Briefing) -> SheetView {
    let t = &b.training;
    SheetView {
        title: format!("Massage briefing, {}", b.appointment),
        name: b.name.clone(),
        name_shown: if b.name.is_empty() {
            "(no name given)".into()
        } else {
            b.name.clone()
        },
        contact: b.contact.clone(),
        appointment_label: b.appointment_label.clone(),
        note: b.note.clone(),
        upcoming: b.upcoming_races.iter().map(|r| race(r, true)).collect(),
        last_race: b.last_race.as_ref().map(|r| race(r, false)),
        advice: b.race_advice.clone(),
        stats: [
            ("Runs", t.runs.to_string()),
            ("Distance", t.distance.clone()),
            ("Time", t.time.clone()),
            ("Recovery", t.recovery_sessions.to_string()),
        ],
        training_span: format!("{} to {}", t.from, t.to),
        hardest: t.hardest.iter().map(hard_session).collect(),
        concerns: b.concerns.iter().map(concern).collect(),
        goals: b.goals.iter().map(|g| g.title.clone()).collect(),
        pressure: b.pressure.map(format::pressure).unwrap_or("no preference given"),
        caution: b.pressure_caution.clone(),
        health: b.health.iter().map(|h| (h.label.clone(), h.text.clone())).collect(),
        last_massage: b.last_massage.as_ref().map(massage),
        red_flags: b
            .red_flags
            .iter()
            .map(|f| Flag {
                urgent: f.urgent,
                text: f.text.clone(),
            })
            .collect(),
        ask: briefing::html::ASK_ABOUT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftermile_core::briefing::fixture;
    use aftermile_core::settings::Paper;

    #[test]
    fn the_typical_sheet_is_worded_as_the_html_sheet() {
        let (db, req) = fixture::typical(Paper::A4).unwrap();
        let b = briefing::compose(&db, &req, fixture::now()).unwrap();
        let v = view(&b);
        assert_eq!(v.title, "Massage briefing, 2026-12-01");
        assert_eq!(
            v.upcoming,
            ["Winter Half Marathon · Half marathon · 2026-12-05 · in 4 days"]
        );
        assert_eq!(
            v.last_race.as_deref(),
            Some("Autumn 10K · 10K · 2026-11-08 · 23 days ago · finished in 0:42:30")
        );
        assert_eq!(v.hardest[0], "2026-11-24 · Workout · 12.0 km · 58 min · effort 8/10");
        assert_eq!(
            v.last_massage.unwrap().when,
            "2026-11-20 · 11 days ago · Medium pressure"
        );
        assert_eq!(v.concerns[1].trend, "Better (6 → 4)");
        assert_eq!(v.pressure, "Medium");
    }
}
