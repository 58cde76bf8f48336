//! The laid-out pages drawn with krilla: text as real, subsetted, extractable text; rules, boxes and
//! circles as paths; the figures as vectors through krilla-svg.

use krilla::color::luma;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::Document;
use krilla_svg::{SurfaceExt, SvgSettings};

use crate::fonts::Fonts;
use crate::layout::{Frame, Item, Pen};

/// A sheet of paper in points, and the margins the frames sit inside.
pub struct Paper {
    pub width: f32,
    pub height: f32,
    pub margin_x: f32,
    pub margin_y: f32,
}

impl Paper {
    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin_x
    }

    pub fn content_height(&self) -> f32 {
        self.height - 2.0 * self.margin_y
    }
}

pub fn pdf(
    pages: &[Frame],
    paper: &Paper,
    fonts: &Fonts,
    figures: &[Option<usvg::Tree>],
    metadata: Metadata,
) -> Result<Vec<u8>, String> {
    let mut document = Document::new();
    document.set_metadata(metadata);
    for frame in pages {
        let settings = PageSettings::from_wh(paper.width, paper.height).ok_or("the paper size is not valid")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        surface.push_transform(&Transform::from_translate(paper.margin_x, paper.margin_y));
        for item in &frame.items {
            draw(&mut surface, item, fonts, figures);
        }
        surface.pop();
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| format!("the PDF could not be written: {e}"))
}

fn draw(surface: &mut Surface<'_>, item: &Item, fonts: &Fonts, figures: &[Option<usvg::Tree>]) {
    match item {
        Item::Text { x, baseline, run, .. } => {
            if run.is_empty() {
                return;
            }
            surface.set_stroke(None);
            surface.set_fill(Some(fill(run.style.grey)));
            let glyphs = run.krilla_glyphs();
            let font = fonts.pdf(run.style.face);
            surface.draw_glyphs(
                Point::from_xy(*x, *baseline),
                glyphs.as_slice(),
                font,
                &run.text,
                run.style.size,
                false,
            );
        }
        Item::Rule { x1, x2, y, pen } => {
            let mut path = PathBuilder::new();
            path.move_to(*x1, *y);
            path.line_to(*x2, *y);
            paint(surface, path, None, Some(*pen));
        }
        Item::Rect { x, y, w, h, fill, pen } => {
            let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                return;
            };
            let mut path = PathBuilder::new();
            path.push_rect(rect);
            paint(surface, path, *fill, *pen);
        }
        Item::Circle { cx, cy, r, pen } => paint(surface, circle(*cx, *cy, *r), None, Some(*pen)),
        Item::Figure { x, y, w, h, index } => {
            let (Some(Some(tree)), Some(size)) = (figures.get(*index), Size::from_wh(*w, *h)) else {
                return;
            };
            surface.push_transform(&Transform::from_translate(*x, *y));
            // Fully outlined: the marker numbers are part of the picture, not text to extract.
            surface.draw_svg(
                tree,
                size,
                SvgSettings {
                    embed_text: false,
                    ..SvgSettings::default()
                },
            );
            surface.pop();
        }
    }
}

fn fill(grey: u8) -> Fill {
    Fill {
        paint: luma::Color::new(grey).into(),
        ..Fill::default()
    }
}

fn stroke(pen: Pen) -> Stroke {
    let dash = pen.dashed.then(|| StrokeDash {
        array: vec![3.0, 3.0],
        offset: 0.0,
    });
    Stroke {
        paint: luma::Color::new(pen.grey).into(),
        width: pen.width,
        dash,
        ..Stroke::default()
    }
}

/// Both fill and pen are set every time: krilla keeps them between draws, and with neither it
/// would fill in black.
fn paint(surface: &mut Surface<'_>, path: PathBuilder, fill_grey: Option<u8>, pen: Option<Pen>) {
    let Some(path) = path.finish() else { return };
    if fill_grey.is_none() && pen.is_none() {
        return;
    }
    surface.set_fill(fill_grey.map(fill));
    surface.set_stroke(pen.map(stroke));
    surface.draw_path(&path);
}

/// A circle from four cubic arcs.
fn circle(cx: f32, cy: f32, r: f32) -> PathBuilder {
    const K: f32 = 0.552_285;
    let k = K * r;
    let mut path = PathBuilder::new();
    path.move_to(cx + r, cy);
    path.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    path.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    path.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    path.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    path.close();
    path
}
