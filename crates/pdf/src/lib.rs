//! The briefing sheet as a PDF, drawn with krilla (typst's own PDF writer) used directly.
//!
//! Why: it runs in-process and offline on every platform, embeds subsetted fonts (only the sheet's
//! Libertinus Serif faces, `fonts/`) with their text extractable, and needs no browser or print
//! driver; the HTML sheet cannot become a PDF without a browser engine. Compiling a typst template
//! did the same but brought typst's compiler, library and data into the app, three times its size.
//!
//! So this crate lays out the composed `Briefing` itself, as the old template did: the data worded
//! as the HTML sheet words it (view.rs), shaped text (fonts.rs) broken into lines (text.rs), the
//! sections as measured frames (sheet.rs, table.rs, layout.rs), frames on pages (flow.rs), pages
//! drawn (draw.rs), with the core's own SVG for the body figures (figures.rs). Runner text is only
//! ever shaped and drawn, never interpreted, so no input can change the layout's rules.

mod draw;
mod figures;
mod flow;
mod fonts;
mod layout;
mod sheet;
mod table;
mod text;
mod view;

use aftermile_core::briefing::Briefing;
use aftermile_core::settings::Paper;
use krilla::metadata::Metadata;

use crate::layout::{Frame, MM};

/// A4 is 210 x 297 mm, US Letter 8.5 x 11 in; margins 12 mm across and 11 mm down, as the HTML
/// sheet's `@page`.
fn sheet_paper(p: Paper) -> draw::Paper {
    let (width, height) = match p {
        Paper::A4 => (210.0 * MM, 297.0 * MM),
        Paper::Letter => (612.0, 792.0),
    };
    draw::Paper {
        width,
        height,
        margin_x: 12.0 * MM,
        margin_y: 11.0 * MM,
    }
}

/// The pages, laid out and not yet drawn.
fn layout(v: &view::SheetView, paper: Paper, fonts: &fonts::Fonts) -> Result<(draw::Paper, Vec<Frame>), String> {
    let paper = sheet_paper(paper);
    let blocks = sheet::blocks(fonts, v, paper.content_width());
    let pages = flow::paginate(blocks, paper.content_width(), paper.content_height())?;
    Ok((paper, pages))
}

/// Renders the sheet. An error means a broken build (an unreadable embedded font) or a sheet of
/// hundreds of pages; any text the runner can type lays out.
pub fn render(b: &Briefing) -> Result<Vec<u8>, String> {
    let fonts = fonts::Fonts::load()?;
    let v = view::view(b);
    let (paper, pages) = layout(&v, b.paper, &fonts)?;
    let mut metadata = Metadata::new().title(v.title).language("en".to_owned());
    if !v.name.trim().is_empty() {
        metadata = metadata.authors(vec![v.name]);
    }
    draw::pdf(&pages, &paper, &fonts, &figures::parse(&b.concerns), metadata)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Item;
    use aftermile_core::briefing::{self, fixture};

    fn typical(paper: Paper) -> Briefing {
        let (db, req) = fixture::typical(paper).unwrap();
        briefing::compose(&db, &req, fixture::now()).unwrap()
    }

    fn laid_out(b: &Briefing) -> (draw::Paper, Vec<Frame>) {
        layout(&view::view(b), b.paper, &fonts::Fonts::load().unwrap()).unwrap()
    }

    /// All the text on the pages, in order, one space between runs.
    fn words(pages: &[Frame]) -> String {
        let runs = pages.iter().flat_map(|p| &p.items).filter_map(|i| match i {
            Item::Text { run, .. } => Some(run.text.as_str()),
            _ => None,
        });
        runs.collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn renders_the_typical_sheet_as_a_pdf() {
        for paper in [Paper::A4, Paper::Letter] {
            let pdf = render(&typical(paper)).unwrap();
            assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
            assert!(pdf.len() > 10_000, "suspiciously small PDF: {} bytes", pdf.len());
        }
    }

    #[test]
    fn the_typical_sheet_is_one_page_with_every_heading() {
        for paper in [Paper::A4, Paper::Letter] {
            let (size, pages) = laid_out(&typical(paper));
            assert_eq!(pages.len(), 1, "{paper:?}");
            let text = words(&pages).to_lowercase();
            for heading in briefing::HEADINGS.iter().chain(&["Massage briefing"]) {
                assert!(text.contains(&heading.to_lowercase()), "{paper:?}: no {heading:?}");
            }
            for want in ["alex morgan", "winter half marathon", "nut oils", "from the runner:"] {
                assert!(text.contains(want), "{paper:?}: no {want:?}");
            }
            for item in &pages[0].items {
                if let Item::Text { x, baseline, run, .. } = item {
                    assert!(
                        *x >= -0.01 && x + run.width <= size.content_width() + 0.5,
                        "{:?} runs off the page",
                        run.text
                    );
                    assert!(*baseline <= size.content_height(), "{:?} is below the page", run.text);
                }
            }
        }
    }

    #[test]
    fn hostile_text_is_laid_out_as_text() {
        let t = fixture::Texts {
            name: "#panic(\"x\") ] [ $ \\ <script>",
            contact: "#let x = 1",
            injuries: "*bold* _em_ = heading",
            medication: "@ref <label>",
            allergies: "`raw` // comment /* open",
            race: "#{ 1 + }",
            felt_after: "\"quote",
            mark_note: "]]]",
            request_note: "#read(\"/etc/passwd\")",
        };
        let (db, req) = fixture::seeded(Paper::A4, &t).unwrap();
        let b = briefing::compose(&db, &req, fixture::now()).unwrap();
        let pdf = render(&b).expect("markup in the data must not break the layout");
        assert!(pdf.starts_with(b"%PDF-"));
        let (_, pages) = laid_out(&b);
        assert!(
            words(&pages).contains("#read(\"/etc/passwd\")"),
            "the note is shown as it was typed"
        );
    }

    #[test]
    fn a_long_sheet_runs_to_more_pages_and_keeps_every_word() {
        let mut b = typical(Paper::Letter);
        let long = "Tender along the whole outside of the thigh after the hill repeats. ".repeat(14);
        b.note = format!("{}LAST-NOTE-WORD", long.chars().take(980).collect::<String>());
        for c in &mut b.concerns {
            c.note = format!("{long}{long}END-OF-{}", c.number);
        }
        b.health[0].text = format!("{}{}", "x".repeat(3000), " HEALTH-END");
        b.name = "Ünïcødé 🏃 name with a\nnewline".into();
        let (size, pages) = laid_out(&b);
        assert!(pages.len() > 1);
        let text = words(&pages).replace(' ', "");
        for want in [
            "LAST-NOTE-WORD",
            "END-OF-1",
            "END-OF-4",
            "HEALTH-END",
            "THERAPIST'S",
            "confidential.",
        ] {
            assert!(text.contains(want), "lost {want:?}");
        }
        for (n, page) in pages.iter().enumerate() {
            for item in &page.items {
                if let Item::Text { x, baseline, run, .. } = item {
                    assert!(
                        x + run.width <= size.content_width() + 0.5,
                        "page {n}: {:?} runs off",
                        run.text
                    );
                    assert!(
                        *baseline <= size.content_height() + 0.5,
                        "page {n}: {:?} is below the page",
                        run.text
                    );
                }
            }
        }
        let pdf = render(&b).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn an_empty_sheet_says_so_in_every_section() {
        let mut b = typical(Paper::A4);
        b.name.clear();
        b.note.clear();
        b.upcoming_races.clear();
        b.last_race = None;
        b.race_advice.clear();
        b.training.hardest.clear();
        b.concerns.clear();
        b.goals.clear();
        b.health.clear();
        b.last_massage = None;
        let (_, pages) = laid_out(&b);
        let text = words(&pages);
        for want in [
            "(no name given)",
            "No races in the last year or the next six months.",
            "No hard sessions.",
            "Nothing marked on the body chart in the last 14 days.",
            "No goals chosen: ask the runner.",
            "None shared.",
            "None logged in the last year.",
            "BEFORE YOU START, PLEASE ASK:",
        ] {
            assert!(text.contains(want), "no {want:?}");
        }
        assert!(render(&b).is_ok());
    }
}
