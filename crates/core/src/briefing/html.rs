//! The one HTML renderer: a self-contained document (inline CSS and SVG, no script, no external
//! resource) sized for the runner's paper. maud escapes every interpolated value, so runner text
//! can never become markup; the only unescaped insert is our own stylesheet.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::figure;
use super::format;
use super::model::*;
use crate::regions::View;
use crate::sessions::Pressure;
use crate::settings::Paper;

const CSS: &str = include_str!("sheet.css");

/// Section headings, in order. The PDF checks look for each.
pub const HEADINGS: [&str; 9] = [
    "Races",
    "Last 14 days of training",
    "Areas of concern",
    "Session goals",
    "Pressure",
    "Health notes",
    "Last massage",
    "Red flags",
    "Therapist's notes",
];

pub fn render(b: &Briefing) -> String {
    let (paper_class, page) = match b.paper {
        Paper::A4 => ("a4", "A4"),
        Paper::Letter => ("letter", "letter"),
    };
    let title = if b.name.is_empty() {
        format!("Massage briefing, {}", b.appointment)
    } else {
        format!("Massage briefing: {}, {}", b.name, b.appointment)
    };
    let doc = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style {
                    (PreEscaped(CSS))
                    (PreEscaped(format!("@page {{ size: {page}; margin: 11mm 12mm; }}")))
                }
            }
            body {
                main class={ "sheet " (paper_class) } {
                    (header(b))
                    @if !b.note.is_empty() {
                        p class="runner-note" { span class="label" { "From the runner: " } (b.note) }
                    }
                    div class="cols" {
                        (races(b))
                        (training(b))
                    }
                    (concerns(b))
                    div class="cols" {
                        div {
                            (goals(b))
                            (pressure(b))
                        }
                        div {
                            (health(b))
                            (last_massage(b))
                        }
                    }
                    (red_flags(b))
                    section class="notes" id="notes" {
                        h2 { (HEADINGS[8]) }
                        div class="box" {}
                    }
                    footer {
                        "Prepared by the runner with Aftermile. It holds health information: please keep it confidential."
                    }
                }
            }
        }
    };
    doc.into_string()
}

fn header(b: &Briefing) -> Markup {
    html! {
        header class="top" {
            div {
                h1 { "Massage briefing" }
                p class="who" {
                    span class="label" { "Runner " }
                    strong { @if b.name.is_empty() { "(no name given)" } @else { (b.name) } }
                    @if let Some(c) = &b.contact {
                        " · " (c)
                    }
                }
            }
            div class="when" {
                span class="label" { "Appointment" }
                strong { (b.appointment_label) }
            }
        }
    }
}

fn race_row(r: &RaceLine, upcoming: bool) -> Markup {
    let days = match (upcoming, r.days) {
        (_, 0) => "today".to_string(),
        (true, 1) => "in 1 day".into(),
        (true, n) => format!("in {n} days"),
        (false, 1) => "1 day ago".into(),
        (false, n) => format!("{n} days ago"),
    };
    html! {
        li {
            strong { (r.name) } " · " (r.distance) " · " (r.date) " · " strong { (days) }
            @if let Some(t) = &r.finish_time { " · finished in " (t) }
        }
    }
}

fn races(b: &Briefing) -> Markup {
    html! {
        section id="races" {
            h2 { (HEADINGS[0]) }
            @if b.upcoming_races.is_empty() && b.last_race.is_none() {
                p class="muted" { "No races in the last year or the next six months." }
            }
            @if !b.upcoming_races.is_empty() {
                span class="label" { "Coming up" }
                ul { @for r in &b.upcoming_races { (race_row(r, true)) } }
            }
            @if let Some(r) = &b.last_race {
                span class="label" { "Last race" }
                ul { (race_row(r, false)) }
            }
            @if !b.race_advice.is_empty() {
                div class="advice" { @for a in &b.race_advice { p { (a) } } }
            }
        }
    }
}

fn training(b: &Briefing) -> Markup {
    let t = &b.training;
    html! {
        section id="training" {
            h2 { (HEADINGS[1]) }
            div class="stats" {
                div { span class="label" { "Runs" } strong { (t.runs) } }
                div { span class="label" { "Distance" } strong { (t.distance) } }
                div { span class="label" { "Time" } strong { (t.time) } }
                div { span class="label" { "Recovery" } strong { (t.recovery_sessions) } }
            }
            p class="label" { (t.from) " to " (t.to) }
            @if t.hardest.is_empty() {
                p class="muted" { "No hard sessions." }
            } @else {
                span class="label" { "Hardest sessions" }
                ul {
                    @for h in &t.hardest {
                        li {
                            (h.date) " · " strong { (h.kind) }
                            @if let Some(d) = &h.distance { " · " (d) }
                            @if let Some(d) = &h.duration { " · " (d) }
                            @if let Some(r) = h.rpe { " · effort " strong { (r) "/10" } }
                        }
                    }
                }
            }
        }
    }
}

fn concerns(b: &Briefing) -> Markup {
    html! {
        section id="concerns" {
            h2 { (HEADINGS[2]) }
            @if b.concerns.is_empty() {
                p class="muted" { "Nothing marked on the body chart in the last 14 days." }
            } @else {
                div class="concerns" {
                    div class="figures" {
                        figure { (figure::svg(View::Front, &b.concerns)) figcaption { "Front (runner's right on the left)" } }
                        figure { (figure::svg(View::Back, &b.concerns)) figcaption { "Back (runner's left on the left)" } }
                    }
                    table {
                        thead {
                            tr {
                                th { "#" } th { "Region" } th { "Side" } th { "Feels" } th { "0–10" }
                                th { "Swelling /" br; "bruising" } th { "Note" } th { "Since last" br; "massage" }
                            }
                        }
                        tbody {
                            @for c in &b.concerns {
                                tr {
                                    td class="num" { span class="badge" { (c.number) } }
                                    td { (c.region) }
                                    td { (c.side) }
                                    td class=[c.red_flag.then_some("flag")] { (format::sensation(c.sensation)) }
                                    td class="num" { (c.intensity) }
                                    td class=[(c.swelling || c.bruising).then_some("flag")] {
                                        (swelling_words(c))
                                    }
                                    td { (c.note) }
                                    td { (format::trend(c.trend, c.was, c.intensity)) }
                                }
                            }
                        }
                    }
                }
                @for c in b.concerns.iter().filter(|c| c.pressure_note.is_some()) {
                    p class="pressure-note" {
                        strong { (c.number) ". " (c.side) " " (c.region.to_lowercase()) ": " }
                        (c.pressure_note.as_deref().unwrap_or_default())
                    }
                }
                p class="legend" {
                    "Hatching on the figures: dots = tight, lines = sore, cross-hatch = pain or injury. "
                    "Latest mark per region in the last 14 days."
                }
            }
        }
    }
}

fn swelling_words(c: &Concern) -> &'static str {
    match (c.swelling, c.bruising) {
        (true, true) => "Swelling, bruising",
        (true, false) => "Swelling",
        (false, true) => "Bruising",
        (false, false) => "No",
    }
}

fn goals(b: &Briefing) -> Markup {
    html! {
        section id="goals" {
            h2 { (HEADINGS[3]) }
            @if b.goals.is_empty() {
                p class="muted" { "No goals chosen: ask the runner." }
            } @else {
                ul { @for g in &b.goals { li { (g.title) } } }
            }
        }
    }
}

fn pressure(b: &Briefing) -> Markup {
    html! {
        section id="pressure" {
            h2 { (HEADINGS[4]) }
            p {
                "Preferred: "
                strong { @match b.pressure { Some(p) => (format::pressure(p)), None => "no preference given" } }
                @if b.pressure == Some(Pressure::Firm) { " (firm, deep work welcome)" }
            }
            @if let Some(c) = &b.pressure_caution { p class="flag" { (c) } }
        }
    }
}

fn health(b: &Briefing) -> Markup {
    html! {
        section id="health" {
            h2 { (HEADINGS[5]) }
            @if b.health.is_empty() {
                p class="muted" { "None shared." }
            } @else {
                @for h in &b.health {
                    p { span class="label" { (h.label) ": " } (h.text) }
                }
            }
        }
    }
}

fn last_massage(b: &Briefing) -> Markup {
    html! {
        section id="last-massage" {
            h2 { (HEADINGS[6]) }
            @match &b.last_massage {
                None => p class="muted" { "None logged in the last year." },
                Some(m) => {
                    p {
                        strong { (m.massage_type) } " · " (m.date) " · "
                        @match m.days_ago { 0 => "today", 1 => "1 day ago", n => { (n) " days ago" } }
                        @if let Some(p) = m.pressure { " · " (format::pressure(p)) " pressure" }
                    }
                    @if !m.focus.is_empty() {
                        p { span class="label" { "Focus: " } (m.focus.join(", ")) }
                    }
                    @if !m.felt_after.is_empty() {
                        p { span class="label" { "Felt after: " } (m.felt_after) }
                    }
                }
            }
        }
    }
}

fn red_flags(b: &Briefing) -> Markup {
    html! {
        section class="flags" id="red-flags" {
            h2 { (HEADINGS[7]) }
            @if !b.red_flags.is_empty() {
                ul {
                    @for f in &b.red_flags {
                        li class={ "flag" @if f.urgent { " urgent" } } {
                            @if f.urgent { strong class="urgent-label" { "URGENT: " } }
                            (f.text)
                        }
                    }
                }
            }
            p class="signs" {
                span class="label" { "Before you start, please ask: " }
                (ASK_ABOUT)
            }
        }
    }
}

/// The signs to ask about, in words for the therapist. If any of these apply, the massage waits.
pub const ASK_ABOUT: &str = "a swollen, warm, painful calf can be a blood clot: no massage on that leg, and the \
     runner needs urgent medical care today (emergency services if short of breath or with chest pain); and if any \
     of these apply, do not massage the area and refer the runner to a clinician: sudden sharp pain; swelling, \
     bruising or heat; pain at rest or at night; pain on one point of a bone; numbness or tingling.";
