//! The sheet's sections, in the HTML sheet's order and words, laid out as the template did
//! (sizes, insets and spacing are its numbers). Each top-level block is kept whole on a page.

use std::slice;

use crate::figures;
use crate::flow::Block;
use crate::fonts::{Face, Fonts, Style};
use crate::layout::{boxed, list, paragraph, plain, row, Align, Frame, Item, Pen, Stack, MM};
use crate::table;
use crate::text::{natural_width, Span};
use crate::view::SheetView;

const BODY: Style = Style::new(Face::Regular, 9.0);
const STRONG: Style = BODY.face(Face::Bold);
const MUTED: Style = BODY.face(Face::Italic).grey(80);
const LABEL: Style = Style::new(Face::Regular, 7.0).grey(60).tracked(0.04);
const H2: Style = Style::new(Face::Bold, 9.4).tracked(0.05);
const TITLE: Style = Style::new(Face::Bold, 16.0);
const NAME: Style = Style::new(Face::Bold, 10.5);
const WHEN: Style = Style::new(Face::Bold, 11.0);
const STAT: Style = Style::new(Face::Bold, 11.0);
const CAPTION: Style = Style::new(Face::Regular, 6.5);
const PRESSURE_NOTE: Style = Style::new(Face::Regular, 7.6);
const LEGEND: Style = Style::new(Face::Regular, 7.0).grey(50);
const ASK: Style = Style::new(Face::Regular, 7.4);
const FOOTER: Style = Style::new(Face::Regular, 7.0).grey(80);

/// Between paragraphs of a section (`par(spacing: 0.6em)`).
const PAR: f32 = 0.6 * 9.0;
const SECTION_BELOW: f32 = 3.0 * MM;
const COLUMN_GAP: f32 = 6.0 * MM;
const FIGURE_HEIGHT: f32 = 60.0 * MM;
/// Captions wrap at this width, centred under their figure: side by side at full length the two
/// read as one line.
const CAPTION_MAX: f32 = 30.0 * MM;

fn label(text: &str) -> Span {
    Span::new(text.to_uppercase(), LABEL)
}

fn span(text: &str, style: Style) -> Span {
    Span::new(text, style)
}

/// The blocks of the sheet, top to bottom, `width` wide.
pub fn blocks(fonts: &Fonts, v: &SheetView, width: f32) -> Vec<Block> {
    let half = ((width - COLUMN_GAP) / 2.0).max(0.0);
    let column = |sections: Vec<Frame>| {
        let mut stack = Stack::new(half);
        sections.into_iter().for_each(|s| stack.push(s, SECTION_BELOW));
        stack.finish()
    };
    let mut blocks = vec![Block {
        frame: header(fonts, v, width),
        below: 2.6 * MM,
    }];
    if let Some(note) = note(fonts, v, width) {
        blocks.push(Block {
            frame: note,
            below: 3.0 * MM,
        });
    }
    let races_and_training = row(width, COLUMN_GAP, vec![races(fonts, v, half), training(fonts, v, half)]);
    blocks.push(Block {
        frame: races_and_training,
        below: SECTION_BELOW,
    });
    blocks.push(Block {
        frame: concerns(fonts, v, width),
        below: SECTION_BELOW,
    });
    let left = column(vec![goals(fonts, v, half), pressure(fonts, v, half)]);
    let right = column(vec![health(fonts, v, half), last_massage(fonts, v, half)]);
    blocks.push(Block {
        frame: row(width, COLUMN_GAP, vec![left, right]),
        below: SECTION_BELOW,
    });
    blocks.push(Block {
        frame: red_flags(fonts, v, width),
        below: 3.0 * MM,
    });
    blocks.push(Block {
        frame: therapist_notes(fonts, width),
        below: SECTION_BELOW,
    });
    blocks.push(Block {
        frame: footer(fonts, width),
        below: 0.0,
    });
    blocks
}

/// A heading in capitals with a 1 pt rule under it, then the body.
fn section(fonts: &Fonts, title: &str, width: f32, body: Frame) -> Frame {
    let heading = plain(fonts, &title.to_uppercase(), H2, width);
    let rule_y = heading.height + 0.8 * MM;
    let body_y = rule_y + 1.4 * MM;
    let mut frame = Frame::new(width, body_y + body.height);
    frame.place(0.0, 0.0, heading);
    frame.push(Item::Rule {
        x1: 0.0,
        x2: width,
        y: rule_y,
        pen: Pen::solid(1.0),
    });
    frame.place(0.0, body_y, body);
    frame
}

fn muted(fonts: &Fonts, text: &str, width: f32) -> Frame {
    plain(fonts, text, MUTED, width)
}

/// Title and runner on the left, the appointment on the right, both on the 2 pt rule.
fn header(fonts: &Fonts, v: &SheetView, width: f32) -> Frame {
    let when = [
        label("Appointment"),
        span("\n", LABEL),
        span(&v.appointment_label, WHEN),
    ];
    let when_width = natural_width(fonts, &when).min(width / 2.0);
    let right = paragraph(fonts, &when, when_width, Align::Right);

    let mut who = vec![
        span("Massage briefing", TITLE),
        span("\n", BODY),
        label("Runner"),
        span(" ", BODY),
        span(&v.name_shown, NAME),
    ];
    if let Some(contact) = &v.contact {
        who.push(span(" · ", BODY));
        who.push(span(contact, BODY));
    }
    let left = paragraph(fonts, &who, (width - when_width - 3.0 * MM).max(0.0), Align::Left);

    let bottom = left.height.max(right.height);
    let rule_y = bottom + 1.6 * MM;
    let mut frame = Frame::new(width, rule_y);
    let (left_y, right_y) = (bottom - left.height, bottom - right.height);
    frame.place(0.0, left_y, left);
    frame.place(width - when_width, right_y, right);
    frame.push(Item::Rule {
        x1: 0.0,
        x2: width,
        y: rule_y,
        pen: Pen::solid(2.0),
    });
    frame
}

/// The runner's own words, in a light box with a bar down its left side.
fn note(fonts: &Fonts, v: &SheetView, width: f32) -> Option<Frame> {
    if v.note.trim().is_empty() {
        return None;
    }
    let (inset_x, inset_y) = (2.4 * MM, 1.2 * MM);
    let spans = [label("From the runner:"), span(" ", BODY), span(&v.note, BODY)];
    let text = paragraph(fonts, &spans, (width - 2.0 * inset_x).max(0.0), Align::Left);
    let mut frame = boxed(text, inset_x, inset_y, Some(242), None);
    frame.push(Item::Rect {
        x: 0.0,
        y: 0.0,
        w: 2.4,
        h: frame.height,
        fill: Some(0),
        pen: None,
    });
    Some(frame)
}

fn races(fonts: &Fonts, v: &SheetView, width: f32) -> Frame {
    let mut body = Stack::new(width);
    if v.upcoming.is_empty() && v.last_race.is_none() {
        body.push(
            muted(fonts, "No races in the last year or the next six months.", width),
            PAR,
        );
    }
    if !v.upcoming.is_empty() {
        body.push(paragraph(fonts, &[label("Coming up")], width, Align::Left), PAR);
        body.push(list(fonts, &v.upcoming, BODY, width), PAR);
    }
    if let Some(last) = &v.last_race {
        body.push(paragraph(fonts, &[label("Last race")], width, Align::Left), PAR);
        body.push(list(fonts, slice::from_ref(last), BODY, width), PAR);
    }
    if !v.advice.is_empty() {
        let inset = 1.6 * MM;
        let inner = (width - 2.0 * inset).max(0.0);
        let mut advice = Stack::new(inner);
        v.advice
            .iter()
            .for_each(|a| advice.push(plain(fonts, a, BODY, inner), 1.0 * MM));
        let dashed = Pen::solid(0.8).dashed();
        body.push(boxed(advice.finish(), inset, inset, None, Some(dashed)), 1.4 * MM);
    }
    section(fonts, "Races", width, body.finish())
}

fn training(fonts: &Fonts, v: &SheetView, width: f32) -> Frame {
    let mut body = Stack::new(width);
    body.push(stats(fonts, v, width), 0.0);
    body.push(
        paragraph(fonts, &[label(&v.training_span)], width, Align::Left),
        1.0 * MM,
    );
    if v.hardest.is_empty() {
        body.push(muted(fonts, "No hard sessions.", width), 1.4 * MM);
    } else {
        body.push(
            paragraph(fonts, &[label("Hardest sessions")], width, Align::Left),
            1.4 * MM,
        );
        body.push(list(fonts, &v.hardest, BODY, width), PAR);
    }
    section(fonts, "Last 14 days of training", width, body.finish())
}

/// Four columns, each a label over its value, 5 mm apart; as wide as they need, or sharing the
/// width equally (and wrapping) when a value is too long for that.
fn stats(fonts: &Fonts, v: &SheetView, width: f32) -> Frame {
    let gap = 5.0 * MM;
    let cells: Vec<([Span; 1], [Span; 1])> = v
        .stats
        .iter()
        .map(|(name, value)| ([label(name)], [span(value, STAT)]))
        .collect();
    let natural: Vec<f32> = cells
        .iter()
        .map(|(l, s)| natural_width(fonts, l).max(natural_width(fonts, s)))
        .collect();
    let room = (width - gap * (cells.len().saturating_sub(1)) as f32).max(0.0);
    let share = room / cells.len().max(1) as f32;
    let fits = natural.iter().sum::<f32>() <= room;

    let laid: Vec<(f32, Frame, Frame)> = cells
        .iter()
        .zip(&natural)
        .map(|((l, s), &w)| {
            let w = if fits { w } else { share };
            (
                w,
                paragraph(fonts, l, w, Align::Left),
                paragraph(fonts, s, w, Align::Left),
            )
        })
        .collect();
    let labels_height = laid.iter().map(|(_, l, _)| l.height).fold(0.0, f32::max);
    let values_y = labels_height + 0.8 * MM;
    let values_height = laid.iter().map(|(_, _, s)| s.height).fold(0.0, f32::max);

    let mut frame = Frame::new(width, values_y + values_height);
    let mut x = 0.0;
    for (w, l, s) in laid {
        frame.place(x, 0.0, l);
        frame.place(x, values_y, s);
        x += w + gap;
    }
    frame
}

fn concerns(fonts: &Fonts, v: &SheetView, width: f32) -> Frame {
    if v.concerns.is_empty() {
        let body = muted(fonts, "Nothing marked on the body chart in the last 14 days.", width);
        return section(fonts, "Areas of concern", width, body);
    }
    let figures = body_figures(fonts);
    let table_x = figures.width + 4.0 * MM;
    let table = table::concerns(fonts, &v.concerns, (width - table_x).max(0.0));
    let mut top = Frame::new(width, figures.height.max(table.height));
    top.place(0.0, 0.0, figures);
    top.place(table_x, 0.0, table);

    let mut body = Stack::new(width);
    body.push(top, 0.0);
    // The first line under the figures keeps clear of their captions.
    let mut gap = 1.6 * MM;
    for c in &v.concerns {
        if let Some(advice) = &c.pressure_note {
            let who = format!("{}. {} {}:", c.number, c.side, c.region.to_lowercase());
            let spans = [
                span(&who, PRESSURE_NOTE.face(Face::Bold)),
                span(" ", PRESSURE_NOTE),
                span(advice, PRESSURE_NOTE),
            ];
            body.push(paragraph(fonts, &spans, width, Align::Left), gap);
            gap = 0.6 * MM;
        }
    }
    let legend = "Hatching on the figures: dots = tight, lines = sore, cross-hatch = pain or injury. \
                  Latest mark per region in the last 14 days.";
    body.push(plain(fonts, legend, LEGEND, width), gap.max(1.0 * MM));
    section(fonts, "Areas of concern", width, body.finish())
}

/// Front and back at 60 mm high, each over its caption.
fn body_figures(fonts: &Fonts) -> Frame {
    let figure_width = FIGURE_HEIGHT * figures::aspect();
    let captions = ["Front (runner's right on the left)", "Back (runner's left on the left)"];
    let mut cells = Vec::new();
    for (index, caption) in captions.into_iter().enumerate() {
        let spans = [span(caption, CAPTION)];
        let w = natural_width(fonts, &spans).min(CAPTION_MAX).max(figure_width);
        let text = paragraph(fonts, &spans, w, Align::Centre);
        let caption_y = FIGURE_HEIGHT + 0.8 * MM;
        let mut cell = Frame::new(w, caption_y + text.height);
        let x = (w - figure_width) / 2.0;
        cell.push(Item::Figure {
            x,
            y: 0.0,
            w: figure_width,
            h: FIGURE_HEIGHT,
            index,
        });
        cell.place(0.0, caption_y, text);
        cells.push(cell);
    }
    let width = cells.iter().map(|c| c.width).sum::<f32>() + 4.0 * MM;
    row(width, 4.0 * MM, cells)
}

fn goals(fonts: &Fonts, v: &SheetView, width: f32) -> Frame {
    let body = if v.goals.is_empty() {
        muted(fonts, "No goals chosen: ask the runner.", width)
    } else {
        list(fonts, &v.goals, BODY, width)
    };
    section(fonts, "Session goals", width, body)
}

fn pressure(fonts: &Fonts, v: &SheetView, width: f32) -> Frame {
    let mut body = Stack::new(width);
    let preferred = [span("Preferred: ", BODY), span(v.pressure, STRONG)];
    body.push(paragraph(fonts, &preferred, width, Align::Left), 0.0);
    if let Some(caution) = &v.caution {
        body.push(plain(fonts, caution, STRONG, width), PAR);
    }
    section(fonts, "Pressure", width, body.finish())
}

fn health(fonts: &Fonts, v: &SheetView, width: f32) -> Frame {
    let body = if v.health.is_empty() {
        muted(fonts, "None shared.", width)
    } else {
        let mut notes = Stack::new(width);
        for (name, text) in &v.health {
            let spans = [label(&format!("{name}:")), span(" ", BODY), span(text, BODY)];
            notes.push(paragraph(fonts, &spans, width, Align::Left), 1.2 * MM);
        }
        notes.finish()
    };
    section(fonts, "Health notes", width, body)
}

fn last_massage(fonts: &Fonts, v: &SheetView, width: f32) -> Frame {
    let Some(m) = &v.last_massage else {
        return section(
            fonts,
            "Last massage",
            width,
            muted(fonts, "None logged in the last year.", width),
        );
    };
    let mut body = Stack::new(width);
    let what = [span(&m.kind, STRONG), span(" · ", BODY), span(&m.when, BODY)];
    body.push(paragraph(fonts, &what, width, Align::Left), 0.0);
    for (name, text) in [("Focus:", &m.focus), ("Felt after:", &m.felt)] {
        if !text.is_empty() {
            let spans = [label(name), span(" ", BODY), span(text, BODY)];
            body.push(paragraph(fonts, &spans, width, Align::Left), PAR);
        }
    }
    section(fonts, "Last massage", width, body.finish())
}

/// Always there: the questions to ask hold even when nothing is flagged. A possible clot is boxed
/// and labelled, so it reads as urgent in grayscale.
fn red_flags(fonts: &Fonts, v: &SheetView, width: f32) -> Frame {
    let (inset_x, inset_y) = (2.4 * MM, 1.8 * MM);
    let inner = (width - 2.0 * inset_x).max(0.0);
    let mut body = Stack::new(inner);
    for flag in &v.red_flags {
        let frame = if flag.urgent {
            let inset = 1.2 * MM;
            let text = plain(
                fonts,
                &format!("URGENT: {}", flag.text),
                STRONG,
                (inner - 2.0 * inset).max(0.0),
            );
            boxed(text, inset, inset, None, Some(Pen::solid(1.4)))
        } else {
            plain(fonts, &flag.text, STRONG, inner)
        };
        body.push(frame, 1.0 * MM);
    }
    let ask = [label("Before you start, please ask:"), span(" ", ASK), span(v.ask, ASK)];
    body.push(paragraph(fonts, &ask, inner, Align::Left), 1.0 * MM);
    let flags = section(fonts, "Red flags", inner, body.finish());
    boxed(flags, inset_x, inset_y, None, Some(Pen::solid(2.0)))
}

/// Room for the therapist to write.
fn therapist_notes(fonts: &Fonts, width: f32) -> Frame {
    let mut space = Frame::new(width, 30.0 * MM);
    space.push(Item::Rect {
        x: 0.0,
        y: 0.0,
        w: width,
        h: 30.0 * MM,
        fill: None,
        pen: Some(Pen::solid(1.0)),
    });
    section(fonts, "Therapist's notes", width, space)
}

fn footer(fonts: &Fonts, width: f32) -> Frame {
    let words = "Prepared by the runner with Aftermile. It holds health information: please keep it confidential.";
    let text = plain(fonts, words, FOOTER, width);
    let mut frame = Frame::new(width, PAR + text.height);
    frame.push(Item::Rule {
        x1: 0.0,
        x2: width,
        y: 0.0,
        pen: Pen::solid(0.5).grey(150),
    });
    frame.place(0.0, PAR, text);
    frame
}
