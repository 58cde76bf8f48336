//! Frames: a block of the sheet as positioned items, measured before anything is drawn, so the
//! flow (flow.rs) can decide which page it goes on and, for a block taller than a page, where it
//! can be cut.

use crate::fonts::{Fonts, Run, Style};
use crate::text::{wrap, Span};

pub const MM: f32 = 72.0 / 25.4;

/// The template's typst paragraph model: a line box runs from the cap height down to the baseline,
/// and lines are this many em apart (its `par(leading: 0.45em)`). Single lines then come out near
/// 1.25 em apart with paragraph spacing, and the typical sheet fits one Letter page with room
/// to spare, as it did; a plain 1.25 line height on every line would not.
pub const LEADING: f32 = 0.45;

/// How a rule or a border is drawn: width in points, luma of the ink.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pen {
    pub width: f32,
    pub grey: u8,
    pub dashed: bool,
}

impl Pen {
    pub const fn solid(width: f32) -> Self {
        Pen {
            width,
            grey: 0,
            dashed: false,
        }
    }

    pub const fn grey(self, luma: u8) -> Self {
        Pen { grey: luma, ..self }
    }

    pub const fn dashed(self) -> Self {
        Pen { dashed: true, ..self }
    }
}

#[derive(Clone, Debug)]
pub enum Item {
    /// `cap` is the run's cap height in points: the top of its line box.
    Text {
        x: f32,
        baseline: f32,
        cap: f32,
        run: Run,
    },
    /// A horizontal rule.
    Rule {
        x1: f32,
        x2: f32,
        y: f32,
        pen: Pen,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<u8>,
        pen: Option<Pen>,
    },
    Circle {
        cx: f32,
        cy: f32,
        r: f32,
        pen: Pen,
    },
    /// Body figure `index` (figures.rs): 0 front, 1 back.
    Figure {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        index: usize,
    },
}

impl Item {
    fn shift(&mut self, dx: f32, dy: f32) {
        match self {
            Item::Text { x, baseline: y, .. }
            | Item::Rect { x, y, .. }
            | Item::Circle { cx: x, cy: y, .. }
            | Item::Figure { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Item::Rule { x1, x2, y, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y += dy;
            }
        }
    }

    /// What a page break must not cut through: a line of text, a rule, a circle, a figure. Boxes
    /// and fills can be cut; each part is drawn on its own page.
    fn solid(&self) -> Option<(f32, f32)> {
        match *self {
            Item::Text { baseline, cap, .. } => Some((baseline - cap, baseline)),
            Item::Rule { y, pen, .. } => Some((y - pen.width / 2.0, y + pen.width / 2.0)),
            Item::Circle { cy, r, .. } => Some((cy - r, cy + r)),
            Item::Figure { y, h, .. } => Some((y, y + h)),
            Item::Rect { .. } => None,
        }
    }

    fn top(&self) -> f32 {
        match *self {
            Item::Rect { y, .. } => y,
            _ => self.solid().map_or(0.0, |(top, _)| top),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Frame {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

impl Frame {
    pub fn new(width: f32, height: f32) -> Self {
        Frame {
            width,
            height,
            items: Vec::new(),
        }
    }

    pub fn push(&mut self, item: Item) {
        self.items.push(item);
    }

    /// Draws `frame` at (x, y) in this one; the caller sizes this frame.
    pub fn place(&mut self, x: f32, y: f32, frame: Frame) {
        self.items.extend(frame.items.into_iter().map(|mut item| {
            item.shift(x, y);
            item
        }));
    }

    /// Cuts the frame at most `max` down, where no solid item is cut through. The cut is never in
    /// the top quarter, so every page does real work whatever the content; if nothing allows a cut
    /// below that, it falls at `max` (only a single item taller than three quarters of a page could
    /// make it, and nothing on the sheet is).
    pub fn split(self, max: f32) -> (Frame, Frame) {
        let solids: Vec<(f32, f32)> = self.items.iter().filter_map(Item::solid).collect();
        let clear = |y: f32| solids.iter().all(|&(top, bottom)| y <= top || y >= bottom);
        let lowest = max * 0.25;
        let cut = if clear(max) {
            max
        } else {
            solids
                .iter()
                .map(|&(top, _)| top)
                .filter(|&top| top > lowest && top <= max && clear(top))
                .max_by(f32::total_cmp)
                .unwrap_or(max)
        };

        let mut head = Frame::new(self.width, cut);
        let mut tail = Frame::new(self.width, (self.height - cut).max(0.0));
        for item in self.items {
            match item {
                Item::Rect { x, y, w, h, fill, pen } if y < cut && y + h > cut => {
                    head.push(Item::Rect {
                        x,
                        y,
                        w,
                        h: cut - y,
                        fill,
                        pen,
                    });
                    tail.push(Item::Rect {
                        x,
                        y: 0.0,
                        w,
                        h: y + h - cut,
                        fill,
                        pen,
                    });
                }
                mut item => {
                    if item.top() < cut {
                        head.push(item);
                    } else {
                        item.shift(0.0, -cut);
                        tail.push(item);
                    }
                }
            }
        }
        (head, tail)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// Spans wrapped to `width`, as a frame exactly as tall as its lines.
pub fn paragraph(fonts: &Fonts, spans: &[Span], width: f32, align: Align) -> Frame {
    let mut frame = Frame::new(width, 0.0);
    let mut y = 0.0;
    for (i, line) in wrap(fonts, spans, width).into_iter().enumerate() {
        if i > 0 {
            y += LEADING * line.size;
        }
        let cap = fonts.cap() * line.size;
        let baseline = y + cap;
        let dx = match align {
            Align::Left => 0.0,
            Align::Centre => ((width - line.width) / 2.0).max(0.0),
            Align::Right => (width - line.width).max(0.0),
        };
        for (x, run) in line.runs {
            let cap = fonts.cap() * run.style.size;
            frame.push(Item::Text {
                x: dx + x,
                baseline,
                cap,
                run,
            });
        }
        y = baseline;
    }
    frame.height = y;
    frame
}

/// One paragraph in one style, left-aligned.
pub fn plain(fonts: &Fonts, text: &str, style: Style, width: f32) -> Frame {
    paragraph(fonts, &[Span::new(text, style)], width, Align::Left)
}

/// A bulleted list: the template's `list(indent: 1mm, body-indent: 1.5mm)`, items apart by the
/// leading, so a list reads as one paragraph with bullets.
pub fn list(fonts: &Fonts, items: &[String], style: Style, width: f32) -> Frame {
    let bullet = fonts.shape("•", style);
    let body_x = 1.0 * MM + bullet.width + 1.5 * MM;
    let mut stack = Stack::new(width);
    for item in items {
        let body = plain(fonts, item, style, (width - body_x).max(0.0));
        let mut frame = Frame::new(width, body.height);
        if !body.items.is_empty() {
            let cap = fonts.cap() * style.size;
            frame.push(Item::Text {
                x: 1.0 * MM,
                baseline: cap,
                cap,
                run: bullet.clone(),
            });
        }
        frame.place(body_x, 0.0, body);
        stack.push(frame, LEADING * style.size);
    }
    stack.finish()
}

/// `body` in a box `inset` from its edges, with the fill and border under it.
pub fn boxed(body: Frame, inset_x: f32, inset_y: f32, fill: Option<u8>, pen: Option<Pen>) -> Frame {
    let (w, h) = (body.width + 2.0 * inset_x, body.height + 2.0 * inset_y);
    let mut frame = Frame::new(w, h);
    frame.push(Item::Rect {
        x: 0.0,
        y: 0.0,
        w,
        h,
        fill,
        pen,
    });
    frame.place(inset_x, inset_y, body);
    frame
}

/// Frames one under another, `gap` apart, the way a section stacks its parts.
pub struct Stack {
    frame: Frame,
    empty: bool,
}

impl Stack {
    pub fn new(width: f32) -> Self {
        Stack {
            frame: Frame::new(width, 0.0),
            empty: true,
        }
    }

    /// `gap` is the space above `frame`; the first frame has none.
    pub fn push(&mut self, frame: Frame, gap: f32) {
        if !self.empty {
            self.frame.height += gap;
        }
        let y = self.frame.height;
        self.frame.height += frame.height;
        self.frame.place(0.0, y, frame);
        self.empty = false;
    }

    pub fn finish(self) -> Frame {
        self.frame
    }
}

/// Frames side by side, `gap` apart, at the top of a row as tall as the tallest.
pub fn row(width: f32, gap: f32, cells: Vec<Frame>) -> Frame {
    let mut frame = Frame::new(width, 0.0);
    let mut x = 0.0;
    for cell in cells {
        frame.height = frame.height.max(cell.height);
        let w = cell.width;
        frame.place(x, 0.0, cell);
        x += w + gap;
    }
    frame
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Face;

    fn rules(count: usize, pitch: f32) -> Frame {
        let mut frame = Frame::new(100.0, count as f32 * pitch);
        for i in 0..count {
            frame.push(Item::Rule {
                x1: 0.0,
                x2: 100.0,
                y: (i as f32 + 0.5) * pitch,
                pen: Pen::solid(1.0),
            });
        }
        frame
    }

    #[test]
    fn a_paragraph_is_as_tall_as_its_lines() {
        let fonts = Fonts::load().unwrap();
        let style = Style::new(Face::Regular, 9.0);
        let one = plain(&fonts, "One line", style, 300.0);
        assert!((one.height - fonts.cap() * 9.0).abs() < 1e-3);
        let three = plain(&fonts, "one\ntwo\nthree", style, 300.0);
        assert!((three.height - (3.0 * fonts.cap() * 9.0 + 2.0 * LEADING * 9.0)).abs() < 1e-3);
        assert_eq!(plain(&fonts, "", style, 300.0).height, 0.0);
        let right = paragraph(&fonts, &[Span::new("Tuesday", style)], 300.0, Align::Right);
        let Item::Text { x, run, .. } = &right.items[0] else {
            panic!("not text")
        };
        assert!(
            (x + run.width - 300.0).abs() < 1e-3,
            "right-aligned text ends at the edge"
        );
    }

    #[test]
    fn a_split_never_cuts_through_a_line_and_keeps_every_item() {
        // Rules 10 pt apart, at 5, 15, 25 ...: a cut at 100 falls in the gap between two of them.
        let (head, tail) = rules(30, 10.0).split(100.0);
        assert_eq!(head.height, 100.0);
        assert_eq!(head.items.len(), 10);
        assert_eq!(head.items.len() + tail.items.len(), 30);
        for item in &head.items {
            assert!(item.solid().unwrap().1 <= 100.0);
        }
        for item in &tail.items {
            assert!(item.solid().unwrap().0 >= 0.0, "the rest starts at the top of its page");
        }
        // When `max` falls on a rule, the cut moves up to just above it.
        let (head, tail) = rules(30, 10.0).split(95.2);
        assert!((head.height - 94.5).abs() < 1e-3, "{}", head.height);
        assert_eq!(tail.items.len(), 21);
    }

    #[test]
    fn a_box_cut_in_two_is_drawn_on_both_pages() {
        let frame = boxed(rules(10, 10.0), 5.0, 5.0, Some(242), Some(Pen::solid(2.0)));
        assert_eq!(frame.height, 110.0);
        let (head, tail) = frame.split(50.0);
        let rects = |f: &Frame| f.items.iter().filter(|i| matches!(i, Item::Rect { .. })).count();
        assert_eq!((rects(&head), rects(&tail)), (1, 1));
        let Item::Rect { y, h, .. } = tail.items[0] else {
            panic!("not a box")
        };
        assert_eq!(y, 0.0);
        assert!((head.height + h - 110.0).abs() < 1e-3);
    }

    #[test]
    fn stacks_and_rows_add_up() {
        let mut stack = Stack::new(100.0);
        stack.push(rules(2, 10.0), 5.0);
        stack.push(rules(3, 10.0), 5.0);
        assert_eq!(stack.finish().height, 55.0);
        let row = row(100.0, 6.0, vec![rules(2, 10.0), rules(5, 10.0)]);
        assert_eq!(row.height, 50.0);
        let Item::Rule { x1, .. } = row.items[2] else {
            panic!("not a rule")
        };
        assert_eq!(x1, 106.0);
    }
}
