//! The four Libertinus Serif faces the sheet is set in, and text shaped with them.
//!
//! Text is shaped here once (rustybuzz, so kerning and ligatures are kept) and the very same glyphs
//! are handed to krilla: a run's measured width is exactly its drawn width, so the line breaker and
//! the right-aligned appointment can trust it.

use std::ops::Range;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::Data;

/// The faces (fonts/README.md): 1.2 MB in all, where a general font set would add megabytes of
/// faces the sheet never uses. In `Face` order.
const DATA: [&[u8]; 4] = [
    include_bytes!("../fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("../fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("../fonts/LibertinusSerif-BoldItalic.otf"),
];

/// The bold face, for the numbers on the body figures (figures.rs).
pub const BOLD: &[u8] = DATA[Face::Bold as usize];

/// Used when a face has no cap height in its OS/2 table; Libertinus has one (0.658 em).
const FALLBACK_CAP: f32 = 0.66;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    Regular = 0,
    Italic = 1,
    Bold = 2,
    BoldItalic = 3,
}

impl Face {
    /// In `DATA` order.
    const ALL: [Face; 4] = [Face::Regular, Face::Italic, Face::Bold, Face::BoldItalic];
}

/// How a piece of text looks. `tracking` is extra space after each glyph, in em; `grey` is the
/// luma of the ink (0 = black), so the sheet reads the same on a black-and-white printer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub face: Face,
    pub size: f32,
    pub tracking: f32,
    pub grey: u8,
}

impl Style {
    pub const fn new(face: Face, size: f32) -> Self {
        Style {
            face,
            size,
            tracking: 0.0,
            grey: 0,
        }
    }

    pub const fn face(self, face: Face) -> Self {
        Style { face, ..self }
    }

    pub const fn tracked(self, em: f32) -> Self {
        Style { tracking: em, ..self }
    }

    pub const fn grey(self, luma: u8) -> Self {
        Style { grey: luma, ..self }
    }
}

/// One shaped glyph. Advance and offsets are in em (krilla's convention for `KrillaGlyph`);
/// `range` is the glyph's cluster in the run's text, which is what makes the PDF's text extractable.
#[derive(Clone, Debug)]
struct Glyph {
    id: u32,
    advance: f32,
    x_offset: f32,
    y_offset: f32,
    range: Range<usize>,
}

/// Text in one style, shaped and measured.
#[derive(Clone, Debug)]
pub struct Run {
    pub style: Style,
    pub text: String,
    glyphs: Vec<Glyph>,
    /// In points.
    pub width: f32,
}

impl Run {
    /// Joins a run of the same style that follows this one on the line: the glyphs already sit
    /// where they were measured, so the joined run draws the same in one text object.
    pub fn append(&mut self, other: Run) {
        let offset = self.text.len();
        self.text.push_str(&other.text);
        self.glyphs.extend(other.glyphs.into_iter().map(|mut g| {
            g.range = g.range.start + offset..g.range.end + offset;
            g
        }));
        self.width += other.width;
    }

    pub fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }

    pub fn krilla_glyphs(&self) -> Vec<KrillaGlyph> {
        self.glyphs
            .iter()
            .map(|g| {
                KrillaGlyph::new(
                    GlyphId::new(g.id),
                    g.advance,
                    g.x_offset,
                    g.y_offset,
                    0.0,
                    g.range.clone(),
                    None,
                )
            })
            .collect()
    }
}

struct Loaded {
    pdf: Font,
    shaper: rustybuzz::Face<'static>,
    upem: f32,
}

fn load(data: &'static [u8]) -> Result<Loaded, String> {
    let broken = || "an embedded font could not be read".to_string();
    let shaper = rustybuzz::Face::from_slice(data, 0).ok_or_else(broken)?;
    let pdf = Font::new(Data::from(data), 0).ok_or_else(broken)?;
    let upem = shaper.units_per_em() as f32;
    if upem <= 0.0 {
        return Err(broken());
    }
    Ok(Loaded { pdf, shaper, upem })
}

/// The loaded faces. Built once per sheet: parsing is cheap, and nothing is shared between threads.
pub struct Fonts {
    faces: [Loaded; 4],
    cap: f32,
}

impl Fonts {
    pub fn load() -> Result<Self, String> {
        let [regular, italic, bold, bold_italic] = Face::ALL.map(|face| load(DATA[face as usize]));
        let faces = [regular?, italic?, bold?, bold_italic?];
        let regular = &faces[Face::Regular as usize];
        let cap = regular
            .shaper
            .capital_height()
            .map(|c| f32::from(c) / regular.upem)
            .filter(|c| *c > 0.0)
            .unwrap_or(FALLBACK_CAP);
        Ok(Fonts { faces, cap })
    }

    fn face(&self, face: Face) -> &Loaded {
        &self.faces[face as usize]
    }

    /// The cap height in em: the top of a line box (the template's typst model, layout.rs).
    pub fn cap(&self) -> f32 {
        self.cap
    }

    pub fn pdf(&self, face: Face) -> Font {
        self.face(face).pdf.clone()
    }

    /// Shapes `text` in one style. A character the face lacks becomes its empty-box glyph, measured
    /// like any other, so it never panics and never vanishes silently.
    pub fn shape(&self, text: &str, style: Style) -> Run {
        let face = self.face(style.face);
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(&face.shaper, &[], buffer);

        // A glyph's cluster runs to the next cluster start in the text, whatever the glyph order
        // (right-to-left words come out reversed).
        let mut starts: Vec<usize> = shaped.glyph_infos().iter().map(|g| g.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let end_of = |start: usize| {
            let next = starts.partition_point(|&s| s <= start);
            starts.get(next).copied().unwrap_or(text.len())
        };

        let glyphs: Vec<Glyph> = shaped
            .glyph_infos()
            .iter()
            .zip(shaped.glyph_positions())
            .map(|(info, pos)| {
                let start = info.cluster as usize;
                let end = end_of(start);
                // krilla slices the text by these ranges; they are char boundaries by construction
                // (clusters are the byte offsets rustybuzz was given), checked so it can never panic.
                let range = if start < end && text.is_char_boundary(start) && text.is_char_boundary(end) {
                    start..end
                } else {
                    0..text.len()
                };
                Glyph {
                    id: info.glyph_id,
                    advance: pos.x_advance as f32 / face.upem + style.tracking,
                    x_offset: pos.x_offset as f32 / face.upem,
                    y_offset: pos.y_offset as f32 / face.upem,
                    range,
                }
            })
            .collect();
        let width = glyphs.iter().map(|g| g.advance).sum::<f32>() * style.size;
        Run {
            style,
            text: text.to_owned(),
            glyphs,
            width,
        }
    }

    /// Cuts a run too long for its line, so the first part is at most `max` wide. Cuts fall between
    /// clusters, never between a letter and its accents; at least one cluster goes first, so a
    /// caller always progresses. None when the run is a single cluster.
    pub fn cut(&self, run: &Run, max: f32) -> Option<(Run, Run)> {
        let mut by_start: Vec<(usize, f32)> = run
            .glyphs
            .iter()
            .map(|g| (g.range.start, g.advance * run.style.size))
            .collect();
        by_start.sort_by_key(|&(start, _)| start);

        // Each cluster start after the first, with the width of everything before it.
        let mut cuts: Vec<(usize, f32)> = Vec::new();
        let mut before = 0.0;
        let mut i = 0;
        while i < by_start.len() {
            let start = by_start[i].0;
            if start > 0 {
                cuts.push((start, before));
            }
            while i < by_start.len() && by_start[i].0 == start {
                before += by_start[i].1;
                i += 1;
            }
        }
        let split = |at: usize| -> Option<(Run, Run)> {
            let (head, tail) = (run.text.get(..at)?, run.text.get(at..)?);
            Some((self.shape(head, run.style), self.shape(tail, run.style)))
        };

        // The widest cut that fits, measured again once cut: the last letter of the head loses its
        // kerning with the next. A few tries are plenty; then one cluster goes, which always ends.
        for &(at, _) in cuts.iter().rev().filter(|&&(_, width)| width <= max).take(4) {
            if let Some((head, tail)) = split(at) {
                if head.width <= max {
                    return Some((head, tail));
                }
            }
        }
        split(cuts.first()?.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: Style = Style::new(Face::Regular, 9.0);

    #[test]
    fn width_is_the_sum_of_what_is_drawn() {
        let fonts = Fonts::load().unwrap();
        let run = fonts.shape("Winter Half Marathon", BODY);
        let drawn: f32 = run.krilla_glyphs().iter().map(|g| g.x_advance * BODY.size).sum();
        assert!((run.width - drawn).abs() < 1e-3);
        assert!((50.0..150.0).contains(&run.width), "{}", run.width);
        // Bigger type, wider text; tracking adds to every glyph.
        assert!(fonts.shape("Winter", Style::new(Face::Regular, 18.0)).width > fonts.shape("Winter", BODY).width);
        assert!(fonts.shape("Winter", BODY.tracked(0.1)).width > fonts.shape("Winter", BODY).width);
    }

    #[test]
    fn characters_the_font_lacks_are_measured_and_kept() {
        let fonts = Fonts::load().unwrap();
        for text in ["🏃‍♀️ 日本語 \u{0}\u{200b}", "שלום עולם", "e\u{301}\u{301}\u{301}", ""] {
            let run = fonts.shape(text, BODY);
            assert_eq!(run.text, text);
            for g in run.krilla_glyphs() {
                assert!(text.get(g.text_range.clone()).is_some(), "{text:?}: {:?}", g.text_range);
            }
        }
    }

    #[test]
    fn a_cut_keeps_every_character_and_fits() {
        let fonts = Fonts::load().unwrap();
        let run = fonts.shape("Supercalifragilisticexpialidocious", BODY);
        let (head, tail) = fonts.cut(&run, 40.0).unwrap();
        assert!(head.width <= 40.0 + 0.5, "{}", head.width);
        assert!(!head.text.is_empty() && !tail.text.is_empty());
        assert_eq!(format!("{}{}", head.text, tail.text), run.text);
        // No room at all still moves one cluster, so breaking always ends.
        let (head, _) = fonts.cut(&run, 0.0).unwrap();
        assert_eq!(head.text, "S");
        // An accented letter is one cluster: never split from its accent.
        assert!(fonts.cut(&fonts.shape("e\u{301}", BODY), 0.0).is_none());
    }
}
