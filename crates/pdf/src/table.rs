//! The concerns table: the template's columns (a fixed one for the number, the rest in shares of
//! what is left), every cell wrapped within its column, a 1 pt rule under the header and thin grey
//! rules under the rows.

use crate::fonts::{Face, Fonts, Style};
use crate::layout::{paragraph, Align, Frame, Item, Pen, MM};
use crate::text::Span;
use crate::view::ConcernRow;

const INSET_X: f32 = 1.1 * MM;
const INSET_Y: f32 = 1.0 * MM;
const NUMBER_COLUMN: f32 = 6.0 * MM;
/// Region, side, feels, 0–10, swelling, note, since last massage.
const SHARES: [f32; 7] = [1.4, 0.9, 0.9, 0.7, 1.2, 2.2, 1.4];
const HEADERS: [&str; 8] = [
    "#",
    "Region",
    "Side",
    "Feels",
    "0–10",
    "Swelling, bruising",
    "Note",
    "Since last massage",
];
const BADGE_RADIUS: f32 = 2.2 * MM;

const HEADER: Style = Style::new(Face::Bold, 6.6);
const BODY: Style = Style::new(Face::Regular, 9.0);
const BOLD: Style = BODY.face(Face::Bold);
const NUMBER: Style = Style::new(Face::Bold, 7.0);

/// A fixed first column, the others sharing what is left of `total` by `shares`. Never negative,
/// so a table squeezed to nothing still lays out (with every cell broken letter by letter).
pub fn column_widths(total: f32, first: f32, shares: &[f32]) -> Vec<f32> {
    let first = first.clamp(0.0, total.max(0.0));
    let rest = (total - first).max(0.0);
    let sum: f32 = shares.iter().sum();
    let mut widths = vec![first];
    widths.extend(shares.iter().map(|s| if sum > 0.0 { rest * s / sum } else { 0.0 }));
    widths
}

/// The header row and one row per concern, `width` wide.
pub fn concerns(fonts: &Fonts, rows: &[ConcernRow], width: f32) -> Frame {
    let widths = column_widths(width, NUMBER_COLUMN, &SHARES);
    let header = HEADERS
        .iter()
        .map(|h| vec![Span::new(h.to_uppercase(), HEADER)])
        .collect();
    let mut frame = Frame::new(width, 0.0);
    let mut y = 0.0;
    let mut add = |row: Frame| {
        let h = row.height;
        frame.place(0.0, y, row);
        y += h;
    };
    add(row(fonts, &widths, None, header, Pen::solid(1.0)));
    for c in rows {
        let bold_if = |bold: bool| if bold { BOLD } else { BODY };
        let cells = vec![
            Vec::new(),
            vec![Span::new(c.region.as_str(), BODY)],
            vec![Span::new(c.side.as_str(), BODY)],
            vec![Span::new(c.sensation, bold_if(c.flag))],
            vec![Span::new(c.intensity.as_str(), BODY)],
            vec![Span::new(c.swelling, bold_if(c.swelling != "No"))],
            vec![Span::new(c.note.as_str(), BODY)],
            vec![Span::new(c.trend.as_str(), BODY)],
        ];
        add(row(
            fonts,
            &widths,
            Some(c.number.as_str()),
            cells,
            Pen::solid(0.5).grey(150),
        ));
    }
    frame.height = y;
    frame
}

/// One row: as tall as its tallest cell, with `rule` along its bottom edge.
fn row(fonts: &Fonts, widths: &[f32], number: Option<&str>, cells: Vec<Vec<Span>>, rule: Pen) -> Frame {
    let total: f32 = widths.iter().sum();
    let mut frame = Frame::new(total, 0.0);
    let mut tallest: f32 = 0.0;
    let mut x = 0.0;
    for (&w, spans) in widths.iter().zip(cells) {
        let cell = paragraph(fonts, &spans, (w - 2.0 * INSET_X).max(0.0), Align::Left);
        tallest = tallest.max(cell.height);
        frame.place(x + INSET_X, INSET_Y, cell);
        x += w;
    }
    if let Some(n) = number {
        // The number in a small circle, centred in its column, as on the figures.
        let cx = widths.first().copied().unwrap_or(0.0) / 2.0;
        let cy = INSET_Y + BADGE_RADIUS;
        frame.push(Item::Circle {
            cx,
            cy,
            r: BADGE_RADIUS,
            pen: Pen::solid(1.0),
        });
        let run = fonts.shape(n, NUMBER);
        let cap = fonts.cap() * NUMBER.size;
        frame.push(Item::Text {
            x: cx - run.width / 2.0,
            baseline: cy + cap / 2.0,
            cap,
            run,
        });
        tallest = tallest.max(2.0 * BADGE_RADIUS);
    }
    frame.height = tallest + 2.0 * INSET_Y;
    frame.push(Item::Rule {
        x1: 0.0,
        x2: total,
        y: frame.height,
        pen: rule,
    });
    frame
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row_of(note: &str) -> ConcernRow {
        ConcernRow {
            number: "1".into(),
            region: "IT band (outer thigh)".into(),
            side: "Right".into(),
            sensation: "Pain",
            flag: false,
            intensity: "5".into(),
            swelling: "No",
            note: note.into(),
            pressure_note: None,
            trend: "New since then".into(),
        }
    }

    #[test]
    fn columns_share_what_the_first_leaves() {
        let widths = column_widths(300.0, 17.0, &SHARES);
        assert_eq!(widths.len(), 8);
        assert_eq!(widths[0], 17.0);
        assert!((widths.iter().sum::<f32>() - 300.0).abs() < 1e-3);
        // The note column has 2.2 shares, the 0–10 column 0.7.
        assert!((widths[6] / widths[4] - 2.2 / 0.7).abs() < 1e-4);
    }

    #[test]
    fn columns_never_go_negative() {
        for total in [0.0, 5.0, -10.0] {
            let widths = column_widths(total, 17.0, &SHARES);
            assert!(widths.iter().all(|w| *w >= 0.0), "{widths:?}");
            assert!(widths.iter().sum::<f32>() <= total.max(0.0) + 1e-3);
        }
        assert!(column_widths(100.0, 10.0, &[0.0, 0.0])
            .iter()
            .skip(1)
            .all(|w| *w == 0.0));
    }

    #[test]
    fn cells_wrap_within_their_column_and_the_row_grows() {
        let fonts = Fonts::load().unwrap();
        let short = concerns(&fonts, &[row_of("")], 350.0);
        let long = concerns(
            &fonts,
            &[row_of(&"Sharp on the outside of the knee on downhills ".repeat(8))],
            350.0,
        );
        assert!(long.height > short.height + 50.0, "{} vs {}", long.height, short.height);
        let widths = column_widths(350.0, NUMBER_COLUMN, &SHARES);
        let note_from: f32 = widths[..6].iter().sum();
        let note_to = note_from + widths[6];
        for item in &long.items {
            if let Item::Text { x, run, .. } = item {
                if run.text.contains("knee") {
                    assert!(
                        *x >= note_from && x + run.width <= note_to + 0.01,
                        "{x} + {}",
                        run.width
                    );
                }
            }
        }
    }

    #[test]
    fn every_row_has_its_rule_and_the_number_its_circle() {
        let fonts = Fonts::load().unwrap();
        let table = concerns(&fonts, &[row_of("a"), row_of("b")], 350.0);
        let rules = table.items.iter().filter(|i| matches!(i, Item::Rule { .. })).count();
        let circles = table.items.iter().filter(|i| matches!(i, Item::Circle { .. })).count();
        assert_eq!((rules, circles), (3, 2));
    }
}
