//! The front and back body figures: the core's own SVG (the body the runner marked), parsed by usvg
//! for krilla-svg to draw as vectors.

use std::sync::Arc;

use aftermile_core::briefing::{figure, Concern};
use aftermile_core::regions::figure::{H, W};
use aftermile_core::regions::View;
use usvg::fontdb::Database;

use crate::fonts;

/// Width over height of a figure. From the core's viewBox, so the layout never waits on parsing.
pub fn aspect() -> f32 {
    (W / H) as f32
}

/// Front and back, the indices of `Item::Figure`. One that does not parse is None and left out:
/// the numbered table beside it still says everything.
pub fn parse(concerns: &[Concern]) -> [Option<usvg::Tree>; 2] {
    // The marker numbers ask for Helvetica or Arial. Only the sheet's bold face is offered, and no
    // system font is ever loaded, so the figures come out the same on every machine.
    let mut db = Database::new();
    db.load_font_data(fonts::BOLD.to_vec());
    db.set_sans_serif_family("Libertinus Serif");
    db.set_serif_family("Libertinus Serif");
    let options = usvg::Options {
        fontdb: Arc::new(db),
        ..usvg::Options::default()
    };
    [View::Front, View::Back].map(|view| usvg::Tree::from_str(&figure::svg_document(view, concerns), &options).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftermile_core::briefing::{self, fixture};
    use aftermile_core::settings::Paper;

    #[test]
    fn both_figures_parse_with_their_numbers() {
        let (db, req) = fixture::typical(Paper::A4).unwrap();
        let b = briefing::compose(&db, &req, fixture::now()).unwrap();
        let [front, back] = parse(&b.concerns);
        for tree in [front.unwrap(), back.unwrap()] {
            assert!((tree.size().width() / tree.size().height() - aspect()).abs() < 1e-3);
            // The numbers are text in the SVG; usvg turns them into glyphs only with a font.
            assert!(!tree.fontdb().is_empty());
        }
    }
}
