//! The small front and back figures on the sheet, with numbered markers. The geometry is the
//! body chart's own (`regions::figure`), so the sheet shows the body the runner marked.
//!
//! Marked regions are hatched (the pattern follows the sensation) and numbered, so the figures
//! read in grayscale; colour would not survive a black-and-white printer.

use maud::{html, Markup};

use super::model::Concern;
use crate::marks::Sensation;
use crate::regions::figure::{fmt, outline, regions, RegionShape, H, W};
use crate::regions::View;

fn pattern_for(s: Sensation) -> &'static str {
    match s {
        Sensation::Tight => "dots",
        Sensation::Sore => "lines",
        Sensation::Pain | Sensation::Injury => "cross",
    }
}

/// Hatch patterns, one set per figure: SVG ids are document-wide and both figures share a page.
fn patterns(prefix: &str) -> Markup {
    html! {
        defs {
            pattern id={ (prefix) "-dots" } width="6" height="6" patternUnits="userSpaceOnUse" {
                rect width="6" height="6" fill="#fff" {}
                circle cx="3" cy="3" r="1.3" fill="#222" {}
            }
            pattern id={ (prefix) "-lines" } width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)" {
                rect width="5" height="5" fill="#fff" {}
                rect width="2" height="5" fill="#333" {}
            }
            pattern id={ (prefix) "-cross" } width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)" {
                rect width="5" height="5" fill="#bbb" {}
                rect width="1.6" height="5" fill="#000" {}
                rect width="5" height="1.6" fill="#000" {}
            }
        }
    }
}

/// One view as a standalone SVG element, markers numbered as in the concerns table.
pub fn svg(view: View, concerns: &[Concern]) -> Markup {
    let prefix = match view {
        View::Front => "front",
        View::Back => "back",
    };
    let title = match view {
        View::Front => "Front",
        View::Back => "Back",
    };
    let shapes = regions(view);
    let marked: Vec<(&Concern, &RegionShape)> = concerns
        .iter()
        .filter_map(|c| shapes.iter().find(|s| s.id == c.region_id).map(|s| (c, s)))
        .collect();
    html! {
        svg xmlns="http://www.w3.org/2000/svg" class="figure" viewBox={ "0 0 " (W) " " (H) } role="img"
            aria-label={ (title) " of the body with " (marked.len()) " numbered areas" } {
            (patterns(prefix))
            path d=(outline(view)) fill="#fff" stroke="#222" stroke-width="1.6" {}
            @for s in &shapes {
                path d=(s.d) fill="none" stroke="#999" stroke-width="0.7" {}
            }
            @for (c, s) in &marked {
                path d=(s.d) fill={ "url(#" (prefix) "-" (pattern_for(c.sensation)) ")" } stroke="#000" stroke-width="1.4" {}
            }
            @for (c, s) in &marked {
                g class="marker" {
                    circle cx=(fmt(s.centre.0)) cy=(fmt(s.centre.1)) r="12" fill="#fff" stroke="#000" stroke-width="2" {}
                    text x=(fmt(s.centre.0)) y=(fmt(s.centre.1 + 5.4)) text-anchor="middle" font-size="15.5"
                        font-weight="700" font-family="Helvetica, Arial, sans-serif" fill="#000" { (c.number) }
                }
            }
        }
    }
}

/// The SVG as a standalone document, for the PDF renderer to embed as an image.
pub fn svg_document(view: View, concerns: &[Concern]) -> String {
    svg(view, concerns).into_string()
}
