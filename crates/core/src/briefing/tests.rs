use std::path::PathBuf;

use super::fixture::{self, Texts};
use super::*;
use crate::settings::{self, Paper};
use crate::Db;

fn snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("src/briefing/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_SNAPSHOTS=1", path.display()));
    assert!(
        want == actual,
        "{name} differs from the snapshot; inspect the change and rerun with UPDATE_SNAPSHOTS=1 if it is right"
    );
}

fn typical(paper: Paper) -> Briefing {
    let (db, req) = fixture::typical(paper).unwrap();
    compose(&db, &req, fixture::now()).unwrap()
}

#[test]
fn typical_sheet_matches_the_snapshots() {
    let a4 = typical(Paper::A4);
    snapshot("typical_a4.html", &render_html(&a4));
    snapshot("typical_letter.html", &render_html(&typical(Paper::Letter)));
    snapshot("typical.json", &serde_json::to_string_pretty(&a4).unwrap());
}

#[test]
fn composes_the_typical_case() {
    let b = typical(Paper::A4);
    assert_eq!(b.appointment_label, "Tuesday 1 December 2026");
    assert_eq!(b.upcoming_races.len(), 1);
    assert_eq!(b.upcoming_races[0].days, 4);
    let last = b.last_race.as_ref().unwrap();
    assert_eq!((last.name.as_str(), last.days), ("Autumn 10K", 23));
    assert_eq!(last.finish_time.as_deref(), Some("0:42:30"));
    assert!(
        b.race_advice[0].contains("no deep tissue in the last 5 days"),
        "{:?}",
        b.race_advice
    );
    // 14 days up to today (29 Nov): the 10K on 8 Nov is outside it.
    assert_eq!(b.training.runs, 7);
    assert_eq!(b.training.distance, "89.0 km");
    assert_eq!(b.training.hardest.len(), 3);
    assert_eq!(b.training.hardest[0].rpe, Some(8));
    assert_eq!(b.training.recovery_sessions, 1);
    let regions: Vec<_> = b
        .concerns
        .iter()
        .map(|c| (c.number, c.region_id.as_str(), c.trend))
        .collect();
    assert_eq!(
        regions,
        [
            (1, "it_band_r", Trend::New),
            (2, "calf_l", Trend::Better),
            (3, "hamstring_r", Trend::Same),
            (4, "lower_back", Trend::New),
        ]
    );
    assert_eq!(b.concerns[1].was, Some(6));
    // The IT band is painful (5/10): an area of concern with a pressure note, not a red flag.
    assert!(b.red_flags.is_empty(), "{:?}", b.red_flags);
    assert!(!b.concerns[0].red_flag);
    assert!(b.concerns[0]
        .pressure_note
        .as_deref()
        .unwrap()
        .starts_with("Painful (5/10): ask first"));
    let m = b.last_massage.as_ref().unwrap();
    assert_eq!((m.date.as_str(), m.days_ago), ("2026-11-20", 11));
    assert_eq!(b.goals.len(), 3);
    assert_eq!(b.health.len(), 3);
}

#[test]
fn firm_pressure_before_a_race_gets_a_caution() {
    let (db, mut req) = fixture::typical(Paper::A4).unwrap();
    req.pressure = Some(crate::sessions::Pressure::Firm);
    let b = compose(&db, &req, fixture::now()).unwrap();
    assert!(b.pressure_caution.is_some());
    assert!(render_html(&b).contains("light to medium today"));
}

const HOSTILE: &str = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>&amp;";

#[test]
fn hostile_text_in_every_free_text_field_comes_out_as_text() {
    let texts = Texts {
        name: HOSTILE,
        contact: HOSTILE,
        injuries: HOSTILE,
        medication: HOSTILE,
        allergies: HOSTILE,
        race: HOSTILE,
        felt_after: HOSTILE,
        mark_note: HOSTILE,
        request_note: HOSTILE,
    };
    let (db, req) = fixture::seeded(Paper::A4, &texts).unwrap();
    let b = compose(&db, &req, fixture::now()).unwrap();
    let html = render_html(&b);
    assert!(!html.contains("<script"), "a script tag got through");
    assert!(!html.contains("<img"), "an img tag got through");
    assert!(!html.contains("alert(2)>"), "a tag was closed by runner text");
    assert!(!html.contains("\"><img"), "an attribute was broken out of");
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&amp;amp;";
    // Name (twice: title and header), contact, three health notes, race (twice: list and advice),
    // felt after, mark note, runner's note.
    let n = html.matches(escaped).count();
    assert!(n >= 10, "expected every field escaped, found {n}:\n{html}");
    // The sheet carries no script at all, and loads nothing.
    assert!(!html.to_lowercase().contains("<script"));
    let without_ns = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(!without_ns.contains("http:") && !without_ns.contains("https:") && !without_ns.contains("url(http"));
    for tag in ["<link", "<iframe", "<object", "<embed", "<img"] {
        assert!(!html.contains(tag), "{tag} in the sheet");
    }
}

#[test]
fn unticked_health_notes_and_contact_never_reach_the_sheet() {
    let (db, mut req) = fixture::typical(Paper::A4).unwrap();
    req.share_contact = false;
    req.share_health = ShareHealth {
        injuries: false,
        medication: true,
        allergies: false,
    };
    let b = compose(&db, &req, fixture::now()).unwrap();
    let html = render_html(&b);
    let json = serde_json::to_string(&b).unwrap();
    for hidden in [
        fixture::TYPICAL.contact,
        fixture::TYPICAL.injuries,
        fixture::TYPICAL.allergies,
    ] {
        assert!(
            !html.contains(&maud::html! { (hidden) }.into_string()),
            "{hidden} leaked into the HTML"
        );
        assert!(!json.contains(hidden), "{hidden} leaked into the composed data");
    }
    assert!(html.contains(fixture::TYPICAL.medication));
    assert!(b.contact.is_none());
    assert!(!html.contains("alex.morgan"));

    req.share_health.medication = false;
    let html = render_html(&compose(&db, &req, fixture::now()).unwrap());
    assert!(!html.contains("Ibuprofen"));
    assert!(html.contains("None shared."));
}

#[test]
fn bad_requests_are_refused_by_field() {
    let (db, mut req) = fixture::typical(Paper::A4).unwrap();
    req.appointment = "next tuesday".into();
    req.zone = "Mars/Olympus".into();
    req.goals = vec!["muscle_recovery".into(), "levitation".into()];
    req.note = "x".repeat(crate::limits::BRIEFING_NOTE_MAX + 1);
    let p = compose(&db, &req, fixture::now()).unwrap_err().payload();
    let fields: Vec<_> = p.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["appointment", "zone", "goals", "note"]);

    let (_, mut req) = fixture::typical(Paper::A4).unwrap();
    req.appointment = "2030-01-01".into();
    req.goals = vec!["sleep".into(), "sleep".into()];
    let p = compose(&db, &req, fixture::now()).unwrap_err().payload();
    let codes: Vec<_> = p.fields.iter().map(|f| (f.field.as_str(), f.code.as_str())).collect();
    assert_eq!(codes, [("appointment", "out_of_range"), ("goals", "duplicate")]);
}

#[test]
fn an_empty_database_gives_a_sheet_with_every_section_and_no_red_flags_but_the_questions() {
    let db = Db::open_in_memory().unwrap();
    let (_, req) = fixture::typical(Paper::A4).unwrap();
    let b = compose(&db, &req, fixture::now()).unwrap();
    let html = render_html(&b);
    for h in HEADINGS {
        assert!(html.contains(&maud::html! { (h) }.into_string()), "{h} missing");
    }
    assert!(b.red_flags.is_empty());
    assert!(!html.contains("<li class=\"flag"), "no red-flag lines");
    assert!(
        html.contains("if any of these apply"),
        "the therapist is still asked to check"
    );
    assert!(html.contains("(no name given)"));
    assert_eq!(b.training.distance, "0.0 km");
    assert_eq!(settings::get(&db).unwrap().profile.paper, Paper::A4);
}

#[test]
fn the_page_size_follows_the_setting_and_rows_and_figures_do_not_split() {
    let a4 = render_html(&typical(Paper::A4));
    let letter = render_html(&typical(Paper::Letter));
    assert!(a4.contains("@page { size: A4;"));
    assert!(letter.contains("@page { size: letter;"));
    for css in [
        "tr { break-inside: avoid",
        "section { margin: 0 0 2.2mm; break-inside: avoid",
        ".figures {",
    ] {
        assert!(a4.contains(css), "{css} missing");
    }
}

#[test]
fn a_long_case_keeps_every_concern_numbered_on_the_figures() {
    let (mut db, req) = fixture::typical(Paper::A4).unwrap();
    for r in crate::regions::all() {
        crate::ops::marks::create(
            &mut db,
            &crate::marks::MarkInput {
                region_id: r.id.into(),
                sensation: crate::marks::Sensation::Sore,
                intensity: 3,
                swelling: false,
                bruising: false,
                note: "a long note ".repeat(8),
                at_local: "2026-11-29T09:00".into(),
                zone: fixture::ZONE.into(),
                session_id: None,
            },
            fixture::now(),
        )
        .unwrap();
    }
    let b = compose(&db, &req, fixture::now()).unwrap();
    assert_eq!(b.concerns.len(), 33);
    let html = render_html(&b);
    for n in 1..=33 {
        assert!(
            html.contains(&format!(">{n}</text>")),
            "marker {n} missing from the figures"
        );
    }
}

fn with_mark(db: &mut Db, region: &str, sensation: crate::marks::Sensation, swelling: bool, bruising: bool) {
    crate::ops::marks::create(
        db,
        &crate::marks::MarkInput {
            region_id: region.into(),
            sensation,
            intensity: 6,
            swelling,
            bruising,
            note: "marked for the test".into(),
            at_local: "2026-11-29T09:00".into(),
            zone: fixture::ZONE.into(),
            session_id: None,
        },
        fixture::now(),
    )
    .unwrap();
}

#[test]
fn a_swollen_calf_is_an_urgent_red_flag_and_named_as_swelling() {
    let (mut db, req) = fixture::typical(Paper::A4).unwrap();
    with_mark(&mut db, "calf_r", crate::marks::Sensation::Sore, true, false);
    let b = compose(&db, &req, fixture::now()).unwrap();
    assert_eq!(b.red_flags.len(), 1, "{:?}", b.red_flags);
    let f = &b.red_flags[0];
    assert!(f.urgent);
    assert!(
        f.text.contains("Right calf: swelling marked on 2026-11-29"),
        "{}",
        f.text
    );
    assert!(f.text.contains("urgent medical care today"), "{}", f.text);
    assert!(
        !f.text.contains("acute injury"),
        "swelling is named as swelling: {}",
        f.text
    );
    let html = render_html(&b);
    assert!(html.contains("URGENT: "));
    assert!(html.contains("if any of these apply"));
}

#[test]
fn only_an_injury_mark_is_called_an_acute_injury_and_bruising_is_named() {
    let (mut db, req) = fixture::typical(Paper::A4).unwrap();
    with_mark(&mut db, "hamstring_l", crate::marks::Sensation::Injury, false, false);
    with_mark(&mut db, "shin_l", crate::marks::Sensation::Sore, false, true);
    let b = compose(&db, &req, fixture::now()).unwrap();
    let texts: Vec<&str> = b.red_flags.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts
        .iter()
        .any(|t| t.contains("Left hamstring: marked as an acute injury")));
    assert!(texts.iter().any(|t| t.contains("Left shin: bruising marked")));
    assert!(
        texts.iter().all(|t| !t.contains("physiotherapist")),
        "addressed to the therapist"
    );
}

#[test]
fn mark_notes_and_how_the_last_massage_felt_go_only_when_ticked() {
    let (db, mut req) = fixture::typical(Paper::A4).unwrap();
    req.share_mark_notes = false;
    req.share_massage_feedback = false;
    let b = compose(&db, &req, fixture::now()).unwrap();
    let html = render_html(&b);
    assert!(b.concerns.iter().all(|c| c.note.is_empty()));
    assert!(!html.contains(fixture::TYPICAL.mark_note));
    assert_eq!(b.last_massage.as_ref().unwrap().felt_after, "");
    assert!(!html.contains(fixture::TYPICAL.felt_after));
    req.share_mark_notes = true;
    req.share_massage_feedback = true;
    let html = render_html(&compose(&db, &req, fixture::now()).unwrap());
    assert!(html.contains(fixture::TYPICAL.mark_note) && html.contains(fixture::TYPICAL.felt_after));
}

#[test]
fn a_sign_the_runner_ticks_is_on_the_sheet_and_unknown_ones_are_refused() {
    let (db, mut req) = fixture::typical(Paper::A4).unwrap();
    req.flags = vec!["numbness_tingling".into()];
    let b = compose(&db, &req, fixture::now()).unwrap();
    assert_eq!(b.red_flags.len(), 1);
    assert!(
        b.red_flags[0]
            .text
            .starts_with("The runner reports: numbness or tingling"),
        "{:?}",
        b.red_flags
    );
    req.flags = vec!["elbow_itch".into()];
    let p = compose(&db, &req, fixture::now()).unwrap_err().payload();
    assert_eq!(p.field.as_deref(), Some("flags"));
}
