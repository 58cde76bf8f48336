//! The briefing sheet as a PDF, laid out by typst used as a library.
//!
//! Why typst: it runs in-process and offline on every platform, embeds the fonts it is given (here
//! only the sheet's Libertinus Serif faces, `fonts/`), and produces tagged PDFs, with no browser or system print driver involved. The
//! HTML sheet cannot be turned into PDF without a browser engine, so this crate lays out the same
//! composed `Briefing` with a typst template (`sheet.typ`), taking every value as data from JSON
//! rather than splicing it into markup, and the body figures as the core's own SVG.
//!
//! It is its own crate so the core's test builds stay fast: typst takes minutes to compile.

use std::sync::OnceLock;

use aftermile_core::briefing::{self, figure, format, Briefing};
use aftermile_core::regions::View;
use aftermile_core::settings::Paper;
use serde_json::{json, Value};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

const TEMPLATE: &str = include_str!("sheet.typ");

/// The faces the sheet is set in (fonts/README.md): 1.2 MB, where every font typst-assets ships
/// would add 9.6 MB to the app for faces the sheet never uses.
const FONTS: [&[u8]; 4] = [
    include_bytes!("../fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("../fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("../fonts/LibertinusSerif-BoldItalic.otf"),
];

/// Library and fonts are built once per process: parsing the embedded fonts is the slow part.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = FONTS.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
        Shared {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("valid virtual path"),
    )
    .intern()
}

/// A world of four in-memory files: the template, the data and the two figures. Nothing is read
/// from disk or the network.
struct SheetWorld {
    main: Source,
    files: Vec<(FileId, Bytes)>,
}

impl World for SheetWorld {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .iter()
            .find(|(f, _)| *f == id)
            .map(|(_, b)| b.clone())
            .ok_or(FileError::AccessDenied)
    }
    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Renders the sheet. The error is typst's diagnostics in words; with a fixed template it means
/// a bug, not bad input.
pub fn render(b: &Briefing) -> Result<Vec<u8>, String> {
    let data = serde_json::to_vec(&view(b)).map_err(|e| e.to_string())?;
    let world = SheetWorld {
        main: Source::new(id("/sheet.typ"), TEMPLATE.into()),
        files: vec![
            (id("/data.json"), Bytes::new(data)),
            (
                id("/front.svg"),
                Bytes::new(figure::svg_document(View::Front, &b.concerns).into_bytes()),
            ),
            (
                id("/back.svg"),
                Bytes::new(figure::svg_document(View::Back, &b.concerns).into_bytes()),
            ),
        ],
    };
    let doc: PagedDocument = typst::compile(&world).output.map_err(|errs| {
        errs.iter()
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).map_err(|errs| {
        errs.iter()
            .map(|e| e.message.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    })
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

/// The composed sheet worded for the template, with the same words the HTML sheet uses.
fn view(b: &Briefing) -> Value {
    let t = &b.training;
    json!({
        "title": format!("Massage briefing, {}", b.appointment),
        "paper": match b.paper { Paper::A4 => "a4", Paper::Letter => "us-letter" },
        "name": b.name,
        "name_shown": if b.name.is_empty() { "(no name given)" } else { &b.name },
        "contact": b.contact,
        "appointment_label": b.appointment_label,
        "note": b.note,
        "upcoming": b.upcoming_races.iter().map(|r| race(r, true)).collect::<Vec<_>>(),
        "last_race": b.last_race.as_ref().map(|r| race(r, false)),
        "advice": b.race_advice,
        "stats": [["Runs", t.runs.to_string()], ["Distance", t.distance], ["Time", t.time],
                  ["Recovery", t.recovery_sessions.to_string()]],
        "training_span": format!("{} to {}", t.from, t.to),
        "hardest": t.hardest.iter().map(|h| {
            let mut s = format!("{} · {}", h.date, h.kind);
            for part in [&h.distance, &h.duration].into_iter().flatten() {
                s.push_str(&format!(" · {part}"));
            }
            if let Some(r) = h.rpe {
                s.push_str(&format!(" · effort {r}/10"));
            }
            s
        }).collect::<Vec<_>>(),
        "concerns": b.concerns.iter().map(|c| json!({
            "number": c.number.to_string(),
            "region": c.region,
            "side": c.side,
            "sensation": format::sensation(c.sensation),
            "flag": c.red_flag,
            "intensity": c.intensity.to_string(),
            "swelling": match (c.swelling, c.bruising) {
                (true, true) => "Swelling, bruising",
                (true, false) => "Swelling",
                (false, true) => "Bruising",
                (false, false) => "No",
            },
            "note": c.note,
            "pressure_note": c.pressure_note,
            "trend": format::trend(c.trend, c.was, c.intensity),
        })).collect::<Vec<_>>(),
        "goals": b.goals.iter().map(|g| g.title.clone()).collect::<Vec<_>>(),
        "pressure": b.pressure.map(format::pressure).unwrap_or("no preference given"),
        "caution": b.pressure_caution,
        "health": b.health.iter().map(|h| [h.label.clone(), h.text.clone()]).collect::<Vec<_>>(),
        "last_massage": b.last_massage.as_ref().map(|m| {
            let mut when = format!("{} · {}", m.date, days(m.days_ago, false));
            if let Some(p) = m.pressure {
                when.push_str(&format!(" · {} pressure", format::pressure(p)));
            }
            json!({ "kind": m.massage_type, "when": when, "focus": m.focus.join(", "), "felt": m.felt_after })
        }),
        "red_flags": b.red_flags.iter().map(|f| json!({ "urgent": f.urgent, "text": f.text })).collect::<Vec<_>>(),
        "ask": aftermile_core::briefing::html::ASK_ABOUT,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftermile_core::briefing::fixture;

    #[test]
    fn renders_the_typical_sheet_as_a_pdf() {
        for paper in [Paper::A4, Paper::Letter] {
            let (db, req) = fixture::typical(paper).unwrap();
            let b = briefing::compose(&db, &req, fixture::now()).unwrap();
            let pdf = render(&b).unwrap();
            assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
            assert!(pdf.len() > 10_000, "suspiciously small PDF: {} bytes", pdf.len());
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
    }
}
