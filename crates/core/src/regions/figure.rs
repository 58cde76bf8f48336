//! The body figure as data: a front and a back view, each a silhouette plus one smooth shape per
//! region (DESIGN.md "Body regions"). This is the one definition: the briefing sheet draws it, and
//! the UI's body chart draws the copy a test writes to `ui/src/lib/generated/figure.ts` (and fails
//! on when the committed copy has drifted), so the chart and the sheet cannot disagree.
//!
//! Each view is authored once, for the half on the viewer's left, and mirrored. Anatomical sides
//! follow the view: seen from the front, the runner's right is on the viewer's left; seen from
//! behind, the runner's left is on the viewer's left. The back view shows the soles of the feet
//! (as on a physio's chart of a runner lying face down), so the plantar fascia has somewhere to be.
//! Shapes are closed Catmull-Rom splines through the authored points, so outlines read as
//! muscles rather than polygons and every authored point stays on the outline.

use serde::Serialize;
use ts_rs::TS;

use super::View;

/// The whole figure: both views in one coordinate box.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    pub width: f64,
    pub height: f64,
    /// The centre line of each view, x = `centre_x`.
    pub centre_x: f64,
    pub views: Vec<FigureView>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FigureView {
    pub view: View,
    /// SVG path data of the silhouette.
    pub outline: String,
    /// Non-interactive anatomy lines (collarbones, spine, navel) that help the eye.
    pub details: Vec<String>,
    pub regions: Vec<RegionShape>,
}

/// One region's drawn shape.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegionShape {
    pub id: String,
    pub view: View,
    /// SVG path data, one subpath per muscle (the chest has two).
    pub d: String,
    /// Where the number or intensity badge goes.
    pub centre: Pt,
}

pub const W: f64 = 200.0;
pub const H: f64 = 506.0;
/// A point in the figure's coordinates: x from the viewer's left, y down.
pub type Pt = (f64, f64);

const CX: f64 = W / 2.0;

#[rustfmt::skip]
const HEAD_TO_ANKLE: &[Pt] = &[
    (100.0, 9.0), (91.0, 11.0), (84.0, 18.0), (81.0, 29.0), (81.0, 41.0), (83.5, 52.0), (88.0, 61.0), (91.5, 67.0),
    (91.0, 77.0), (84.0, 83.0), (70.0, 87.0), (57.0, 91.0), (49.0, 98.0), (45.0, 109.0), (43.0, 124.0),
    (41.0, 142.0), (39.0, 162.0), (37.0, 182.0), (35.0, 196.0), (32.0, 212.0), (28.0, 232.0), (26.0, 252.0),
    (25.0, 264.0), (22.0, 274.0), (20.0, 288.0), (23.0, 300.0), (29.0, 304.0), (34.0, 298.0), (36.0, 286.0),
    (37.0, 272.0), (39.0, 262.0), (42.0, 244.0), (46.0, 222.0), (49.0, 204.0), (52.0, 186.0), (55.0, 166.0),
    (58.0, 146.0), (61.0, 130.0), (64.0, 140.0), (66.0, 158.0), (69.0, 178.0), (71.0, 194.0), (70.0, 210.0),
    (67.0, 226.0), (65.0, 244.0), (63.0, 262.0), (62.0, 282.0), (63.0, 302.0), (65.0, 322.0), (67.0, 340.0),
    (67.0, 356.0), (65.0, 372.0), (64.0, 390.0), (65.0, 408.0), (68.0, 424.0), (71.0, 438.0),
];
#[rustfmt::skip]
const FRONT_FOOT: &[Pt] = &[
    (70.0, 448.0), (67.0, 458.0), (68.0, 467.0), (75.0, 472.0), (84.0, 472.0), (90.0, 467.0), (90.0, 456.0),
    (88.0, 446.0),
];
#[rustfmt::skip]
const BACK_FOOT: &[Pt] = &[
    (70.0, 446.0), (68.0, 456.0), (69.0, 468.0), (67.0, 480.0), (68.0, 492.0), (74.0, 500.0), (84.0, 500.0),
    (90.0, 492.0), (90.0, 480.0), (88.0, 468.0), (89.0, 456.0), (88.0, 446.0),
];
#[rustfmt::skip]
const ANKLE_TO_CROTCH: &[Pt] = &[
    (89.0, 432.0), (90.0, 414.0), (92.0, 396.0), (93.0, 378.0), (94.0, 360.0), (95.0, 344.0), (96.0, 326.0),
    (97.0, 306.0), (98.0, 288.0), (100.0, 274.0),
];

enum Shape {
    /// Drawn on the viewer's left and mirrored to the other side.
    Side(&'static str, &'static [Pt]),
    /// A left half of one centre region.
    CentreHalf(&'static str, &'static [Pt]),
    /// One region drawn as two mirrored shapes (the chest).
    Pair(&'static str, &'static [Pt]),
}

#[rustfmt::skip]
const FRONT_SHAPES: &[Shape] = &[
    Shape::Side(
        "shoulder",
        &[
            (72.0, 89.0), (60.0, 91.0), (51.0, 98.0), (46.5, 110.0), (45.5, 124.0), (47.0, 137.0), (51.0, 146.0),
            (55.0, 138.0), (59.0, 124.0), (63.0, 110.0), (70.0, 98.0),
        ],
    ),
    Shape::Pair(
        "chest",
        &[
            (98.0, 97.0), (88.0, 94.0), (76.0, 95.0), (68.0, 101.0), (65.0, 114.0), (65.0, 127.0), (69.0, 136.0),
            (79.0, 142.0), (90.0, 142.0), (98.0, 138.0),
        ],
    ),
    Shape::CentreHalf(
        "abdomen",
        &[
            (99.0, 148.0), (88.0, 147.0), (82.0, 152.0), (80.0, 170.0), (80.0, 192.0), (82.0, 212.0), (88.0, 228.0),
            (95.0, 236.0), (99.0, 238.0),
        ],
    ),
    Shape::Side(
        "hip_flexor",
        &[
            (73.0, 222.0), (68.0, 232.0), (68.0, 244.0), (74.0, 256.0), (84.0, 266.0), (94.0, 274.0), (97.0, 268.0),
            (92.0, 258.0), (84.0, 246.0), (79.0, 234.0),
        ],
    ),
    Shape::Side(
        "it_band",
        &[
            (66.0, 254.0), (64.0, 268.0), (63.5, 286.0), (64.5, 304.0), (66.5, 322.0), (68.5, 338.0), (72.5, 338.0),
            (71.0, 322.0), (69.5, 304.0), (69.5, 286.0), (70.5, 268.0), (71.0, 258.0),
        ],
    ),
    Shape::Side(
        "quadriceps",
        &[
            (75.0, 264.0), (74.0, 280.0), (74.0, 296.0), (75.5, 312.0), (78.0, 326.0), (83.0, 337.0), (90.0, 339.0),
            (94.0, 331.0), (94.0, 318.0), (90.0, 306.0), (87.0, 292.0), (86.0, 278.0), (82.0, 269.0),
        ],
    ),
    Shape::Side(
        "adductor",
        &[
            (96.0, 279.0), (91.0, 285.0), (89.0, 296.0), (91.0, 308.0), (95.0, 316.0), (96.5, 306.0), (97.0, 294.0),
            (97.5, 284.0),
        ],
    ),
    Shape::Side(
        "knee",
        &[
            (74.0, 343.0), (72.0, 352.0), (74.0, 362.0), (80.0, 367.0), (88.0, 366.0), (93.0, 359.0), (93.0, 349.0),
            (89.0, 343.0), (81.0, 341.0),
        ],
    ),
    Shape::Side(
        "shin",
        &[
            (75.0, 372.0), (72.0, 386.0), (72.0, 402.0), (74.0, 418.0), (78.0, 430.0), (83.0, 432.0), (86.0, 424.0),
            (87.0, 406.0), (88.0, 388.0), (88.0, 374.0), (82.0, 370.0),
        ],
    ),
    Shape::Side(
        "ankle",
        &[
            (72.0, 436.0), (71.0, 444.0), (74.0, 450.0), (82.0, 452.0), (88.0, 449.0), (88.0, 440.0), (84.0, 436.0),
            (78.0, 435.0),
        ],
    ),
];

#[rustfmt::skip]
const BACK_SHAPES: &[Shape] = &[
    Shape::CentreHalf(
        "neck_shoulders",
        &[
            (100.0, 66.0), (93.0, 69.0), (90.0, 79.0), (82.0, 85.0), (68.0, 89.0), (55.0, 94.0), (61.0, 100.0),
            (76.0, 102.0), (88.0, 107.0), (96.0, 113.0), (100.0, 115.0),
        ],
    ),
    Shape::CentreHalf(
        "upper_back",
        &[
            (100.0, 120.0), (93.0, 117.0), (84.0, 111.0), (72.0, 107.0), (61.0, 108.0), (60.0, 122.0), (63.0, 138.0),
            (68.0, 156.0), (76.0, 172.0), (88.0, 182.0), (100.0, 185.0),
        ],
    ),
    Shape::CentreHalf(
        "lower_back",
        &[
            (100.0, 190.0), (90.0, 187.0), (80.0, 182.0), (75.0, 192.0), (76.0, 206.0), (82.0, 218.0), (92.0, 224.0),
            (100.0, 226.0),
        ],
    ),
    Shape::Side(
        "hip_outer",
        &[
            (72.0, 214.0), (67.0, 225.0), (65.0, 240.0), (65.0, 254.0), (68.0, 264.0), (71.0, 252.0), (73.5, 240.0),
            (78.0, 231.0), (78.0, 221.0),
        ],
    ),
    Shape::Side(
        "glute",
        &[
            (98.0, 232.0), (88.0, 229.0), (81.0, 233.0), (76.0, 244.0), (74.0, 258.0), (77.0, 270.0), (85.0, 277.0),
            (94.0, 278.0), (98.0, 272.0),
        ],
    ),
    Shape::Side(
        "hamstring",
        &[
            (72.0, 283.0), (68.5, 297.0), (67.5, 314.0), (70.0, 330.0), (76.0, 340.0), (86.0, 342.0), (93.0, 334.0),
            (95.0, 318.0), (96.0, 300.0), (95.0, 287.0), (86.0, 282.0),
        ],
    ),
    Shape::Side(
        "calf",
        &[
            (72.0, 356.0), (67.5, 370.0), (66.5, 388.0), (69.0, 404.0), (75.0, 413.0), (82.0, 415.0), (88.0, 408.0),
            (91.0, 392.0), (92.0, 374.0), (89.0, 360.0), (81.0, 353.0),
        ],
    ),
    Shape::Side(
        "achilles",
        &[
            (78.0, 420.0), (77.0, 432.0), (77.0, 441.0), (81.0, 446.0), (85.0, 443.0), (86.0, 432.0), (85.0, 420.0),
            (81.0, 418.0),
        ],
    ),
    Shape::Side(
        "plantar",
        &[
            (73.0, 451.0), (71.0, 460.0), (72.0, 470.0), (70.0, 480.0), (71.0, 488.0), (78.0, 492.0), (86.0, 489.0),
            (88.0, 480.0), (86.0, 470.0), (87.0, 460.0), (85.0, 451.0), (79.0, 448.0),
        ],
    ),
];

fn r1(n: f64) -> f64 {
    (n * 10.0).round() / 10.0
}

fn mirror(points: &[Pt]) -> Vec<Pt> {
    points.iter().rev().map(|&(x, y)| (r1(2.0 * CX - x), y)).collect()
}

/// A coordinate as the SVG path data writes it: one decimal, no trailing ".0".
pub fn fmt(n: f64) -> String {
    // As JavaScript prints numbers: no trailing ".0".
    let n = r1(n);
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A closed Catmull-Rom spline through the points, as cubic Béziers (as `smoothClosed` in the UI).
fn smooth_closed(points: &[Pt]) -> String {
    let n = points.len() as isize;
    let at = |i: isize| points[i.rem_euclid(n) as usize];
    let mut d = format!("M{} {}", fmt(at(0).0), fmt(at(0).1));
    for i in 0..n {
        let (p0, p1, p2, p3) = (at(i - 1), at(i), at(i + 1), at(i + 2));
        let c1 = (p1.0 + (p2.0 - p0.0) / 6.0, p1.1 + (p2.1 - p0.1) / 6.0);
        let c2 = (p2.0 - (p3.0 - p1.0) / 6.0, p2.1 - (p3.1 - p1.1) / 6.0);
        d.push_str(&format!(
            "C{} {} {} {} {} {}",
            fmt(c1.0),
            fmt(c1.1),
            fmt(c2.0),
            fmt(c2.1),
            fmt(p2.0),
            fmt(p2.1)
        ));
    }
    d.push('Z');
    d
}

fn centroid(points: &[Pt]) -> Pt {
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for i in 0..points.len() {
        let (x0, y0) = points[i];
        let (x1, y1) = points[(i + 1) % points.len()];
        let cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if a.abs() < 1e-9 {
        let n = points.len() as f64;
        return (
            r1(points.iter().map(|p| p.0).sum::<f64>() / n),
            r1(points.iter().map(|p| p.1).sum::<f64>() / n),
        );
    }
    (r1(cx / (3.0 * a)), r1(cy / (3.0 * a)))
}

fn whole_from_half(half: &[Pt]) -> Vec<Pt> {
    let other = mirror(half);
    let on_axis = |p: &Pt| (p.0 - CX).abs() < 1e-6;
    let start = usize::from(other.first().is_some_and(on_axis));
    let end = if other.last().is_some_and(on_axis) {
        other.len() - 1
    } else {
        other.len()
    };
    half.iter().copied().chain(other[start..end].iter().copied()).collect()
}

/// The region shapes of a view. Seen from the front the runner's right is on the viewer's left;
/// from behind, their left is.
pub fn regions(view: View) -> Vec<RegionShape> {
    let (shapes, near, far) = match view {
        View::Front => (FRONT_SHAPES, "_r", "_l"),
        View::Back => (BACK_SHAPES, "_l", "_r"),
    };
    let mut out = Vec::new();
    for s in shapes {
        match s {
            Shape::Side(base, pts) => {
                let other = mirror(pts);
                out.push(RegionShape {
                    id: format!("{base}{near}"),
                    view,
                    d: smooth_closed(pts),
                    centre: centroid(pts),
                });
                out.push(RegionShape {
                    id: format!("{base}{far}"),
                    view,
                    d: smooth_closed(&other),
                    centre: centroid(&other),
                });
            }
            Shape::Pair(id, pts) => out.push(RegionShape {
                id: (*id).into(),
                view,
                d: smooth_closed(pts) + &smooth_closed(&mirror(pts)),
                centre: centroid(&whole_from_half(pts)),
            }),
            Shape::CentreHalf(id, pts) => {
                let whole = whole_from_half(pts);
                out.push(RegionShape {
                    id: (*id).into(),
                    view,
                    d: smooth_closed(&whole),
                    centre: centroid(&whole),
                });
            }
        }
    }
    out
}

/// The silhouette of a view.
pub fn outline(view: View) -> String {
    let foot = match view {
        View::Front => FRONT_FOOT,
        View::Back => BACK_FOOT,
    };
    let half: Vec<Pt> = HEAD_TO_ANKLE
        .iter()
        .chain(foot)
        .chain(ANKLE_TO_CROTCH)
        .copied()
        .collect();
    smooth_closed(&whole_from_half(&half))
}

/// Non-interactive lines drawn over a view.
fn details(view: View) -> Vec<String> {
    let lines: &[&str] = match view {
        // collarbones, navel
        View::Front => &[
            "M92 86 Q82 90 66 88",
            "M108 86 Q118 90 134 88",
            "M100 206 m-1.6 0 a1.6 2.2 0 1 0 3.2 0 a1.6 2.2 0 1 0 -3.2 0",
        ],
        // spine, gluteal cleft
        View::Back => &["M100 118 L100 228", "M100 236 L100 268"],
    };
    lines.iter().map(|s| (*s).to_owned()).collect()
}

/// Both views, front first.
pub fn figure() -> Figure {
    Figure {
        width: W,
        height: H,
        centre_x: CX,
        views: [View::Front, View::Back]
            .into_iter()
            .map(|view| FigureView {
                view,
                outline: outline(view),
                details: details(view),
                regions: regions(view),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_has_exactly_one_shape_in_its_view() {
        for r in super::super::all() {
            let shapes = regions(r.view);
            let n = shapes.iter().filter(|s| s.id == r.id).count();
            assert_eq!(n, 1, "{} drawn {n} times", r.id);
        }
        let drawn = regions(View::Front).len() + regions(View::Back).len();
        assert_eq!(drawn, super::super::all().len());
    }

    #[test]
    fn sides_follow_the_view_and_badges_sit_inside_their_shape() {
        // From the front, the runner's right shin is on the viewer's left (x below the centre).
        let front = regions(View::Front);
        let shin_r = front.iter().find(|s| s.id == "shin_r").unwrap();
        assert!(shin_r.centre.0 < CX);
        // From behind, the runner's left calf is on the viewer's left.
        let back = regions(View::Back);
        let calf_l = back.iter().find(|s| s.id == "calf_l").unwrap();
        assert!(calf_l.centre.0 < CX);
        for s in front.iter().chain(&back) {
            let (x, y) = s.centre;
            assert!(
                (0.0..=W).contains(&x) && (0.0..=H).contains(&y),
                "{} badge off the figure",
                s.id
            );
        }
        let chest = front.iter().find(|s| s.id == "chest").unwrap();
        assert_eq!(chest.centre.0, CX, "a centre region's badge is on the centre line");
    }

    #[test]
    fn a_spline_passes_through_every_authored_point() {
        let d = smooth_closed(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)]);
        assert!(d.starts_with("M0 0C"));
        for p in ["10 0C", "10 10C", "0 0Z"] {
            assert!(d.contains(p), "{d} misses {p}");
        }
    }
}
