//! Pages: the sheet's blocks placed top-down. A block that does not fit what is left of a page
//! starts the next one, whole; a block taller than a whole page starts a fresh page and is cut
//! where no line is cut through. So a long sheet runs to more pages and never loses text.

use crate::layout::Frame;

/// Far more pages than the longest sheet the core's input limits allow: past it the layout is
/// wrong, and an error is better than a file nobody can print.
const MAX_PAGES: usize = 500;

/// A block and the space below it, as the template's `below:`. The space is dropped at a page end.
pub struct Block {
    pub frame: Frame,
    pub below: f32,
}

/// Lays the blocks on pages of `width` by `height` (the area inside the margins).
pub fn paginate(blocks: Vec<Block>, width: f32, height: f32) -> Result<Vec<Frame>, String> {
    let mut pages = vec![Frame::new(width, height)];
    let mut y = 0.0;
    for Block { mut frame, below } in blocks {
        // Nothing left to place (an empty block, or only room left over after the last cut).
        while !frame.items.is_empty() {
            if y + frame.height <= height {
                let h = frame.height;
                place(&mut pages, y, frame);
                y += h + below;
                break;
            }
            if y > 0.0 {
                new_page(&mut pages, width, height)?;
                y = 0.0;
                continue;
            }
            let (head, tail) = frame.split(height);
            place(&mut pages, 0.0, head);
            new_page(&mut pages, width, height)?;
            frame = tail;
        }
    }
    if pages.len() > 1 && pages.last().is_some_and(|p| p.items.is_empty()) {
        pages.pop();
    }
    Ok(pages)
}

fn place(pages: &mut [Frame], y: f32, frame: Frame) {
    if let Some(page) = pages.last_mut() {
        page.place(0.0, y, frame);
    }
}

fn new_page(pages: &mut Vec<Frame>, width: f32, height: f32) -> Result<(), String> {
    if pages.len() >= MAX_PAGES {
        return Err(format!("the sheet would run to more than {MAX_PAGES} pages"));
    }
    pages.push(Frame::new(width, height));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Item, Pen};

    /// A block of `count` rules 10 pt apart.
    fn block(count: usize, below: f32) -> Block {
        let mut frame = Frame::new(100.0, count as f32 * 10.0);
        for i in 0..count {
            frame.push(Item::Rule {
                x1: 0.0,
                x2: 100.0,
                y: i as f32 * 10.0 + 5.0,
                pen: Pen::solid(1.0),
            });
        }
        Block { frame, below }
    }

    fn within(pages: &[Frame], height: f32) {
        for (n, page) in pages.iter().enumerate() {
            for item in &page.items {
                let Item::Rule { y, .. } = *item else { continue };
                assert!((0.0..=height).contains(&y), "page {n}: a rule at {y}, off the page");
            }
        }
    }

    fn count(pages: &[Frame]) -> usize {
        pages.iter().map(|p| p.items.len()).sum()
    }

    #[test]
    fn blocks_that_fit_share_one_page() {
        let pages = paginate(vec![block(5, 8.0), block(5, 8.0), block(5, 0.0)], 100.0, 300.0).unwrap();
        assert_eq!(pages.len(), 1);
        assert_eq!(count(&pages), 15);
        within(&pages, 300.0);
    }

    #[test]
    fn a_block_that_does_not_fit_moves_to_the_next_page_whole() {
        let pages = paginate(vec![block(20, 10.0), block(15, 0.0)], 100.0, 300.0).unwrap();
        assert_eq!(pages.len(), 2);
        assert_eq!((pages[0].items.len(), pages[1].items.len()), (20, 15));
        let Item::Rule { y, .. } = pages[1].items[0] else {
            panic!("not a rule")
        };
        assert_eq!(y, 5.0, "the moved block starts at the top of its page");
    }

    #[test]
    fn a_block_taller_than_a_page_runs_on_without_losing_anything() {
        let pages = paginate(vec![block(3, 10.0), block(100, 0.0), block(2, 0.0)], 100.0, 300.0).unwrap();
        // 3 rules alone, then 1000 pt over fresh pages, then the last block after it.
        assert_eq!(count(&pages), 105);
        assert!(pages.len() >= 5, "{} pages", pages.len());
        assert_eq!(pages[0].items.len(), 3, "a tall block starts a fresh page");
        within(&pages, 300.0);
    }

    #[test]
    fn empty_blocks_take_no_room_and_a_sheet_is_never_pageless() {
        let empty = Block {
            frame: Frame::new(100.0, 50.0),
            below: 10.0,
        };
        let pages = paginate(vec![empty], 100.0, 300.0).unwrap();
        assert_eq!(pages.len(), 1);
        assert!(pages[0].items.is_empty());
    }

    #[test]
    fn a_runaway_sheet_is_an_error_not_a_hang() {
        assert!(paginate(vec![block(20_000, 0.0)], 100.0, 300.0).is_err());
    }
}
