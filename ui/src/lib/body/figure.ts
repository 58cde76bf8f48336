//! The body figure as data: a front and a back view, each a silhouette plus one smooth shape per
//! region (DESIGN.md "Body regions"). Kept free of Svelte so the briefing sheet can draw the same
//! body.
//!
//! Each view is authored once, for the half on the viewer's left, and mirrored. Anatomical sides
//! follow the view: seen from the front, the runner's right is on the viewer's left; seen from
//! behind, the runner's left is on the viewer's left. The back view shows the soles of the feet
//! (as on a physio's chart of a runner lying face down), so the plantar fascia has somewhere to be.

import type { View } from '../bindings/View';
import { centroid, mirror, smoothClosed, wholeFromHalf, type Pt } from './geometry';

/** One view's coordinate box; the centre line is x = CX. */
export const FIGURE_W = 200;
export const FIGURE_H = 506;
export const CX = FIGURE_W / 2;

export interface RegionShape {
  id: string;
  view: View;
  /** SVG path data, one subpath per muscle (the chest has two). */
  d: string;
  /** Where the intensity badge goes. */
  centre: Pt;
}

export interface FigureView {
  view: View;
  outline: string;
  /** Non-interactive anatomy lines (spine, navel) that help the eye. */
  details: string[];
  regions: RegionShape[];
}

// --- Silhouette: the viewer's-left half, from the crown down to the crotch. ---

const HEAD_TO_ANKLE: Pt[] = [
  [100, 9], [91, 11], [84, 18], [81, 29], [81, 41], [83.5, 52], [88, 61], [91.5, 67],
  [91, 77], [84, 83], [70, 87], [57, 91], [49, 98], [45, 109],
  // arm, outer edge, to the wrist
  [43, 124], [41, 142], [39, 162], [37, 182], [35, 196], [32, 212], [28, 232], [26, 252], [25, 264],
  // hand
  [22, 274], [20, 288], [23, 300], [29, 304], [34, 298], [36, 286], [37, 272],
  // arm, inner edge, back up to the armpit
  [39, 262], [42, 244], [46, 222], [49, 204], [52, 186], [55, 166], [58, 146], [61, 130],
  // torso and hip
  [64, 140], [66, 158], [69, 178], [71, 194], [70, 210], [67, 226], [65, 244],
  // outer leg to the ankle
  [63, 262], [62, 282], [63, 302], [65, 322], [67, 340], [67, 356], [65, 372], [64, 390], [65, 408],
  [68, 424], [71, 438],
];

/** Seen from the front, the top of the foot, short because it points at the viewer. */
const FRONT_FOOT: Pt[] = [[70, 448], [67, 458], [68, 467], [75, 472], [84, 472], [90, 467], [90, 456], [88, 446]];

/** Seen from behind, the sole: heel at the top, toes at the bottom. */
const BACK_FOOT: Pt[] = [
  [70, 446], [68, 456], [69, 468], [67, 480], [68, 492], [74, 500], [84, 500], [90, 492], [90, 480],
  [88, 468], [89, 456], [88, 446],
];

const ANKLE_TO_CROTCH: Pt[] = [
  [89, 432], [90, 414], [92, 396], [93, 378], [94, 360], [95, 344], [96, 326], [97, 306], [98, 288], [100, 274],
];

// --- Regions. Side shapes are drawn on the viewer's left; centre shapes as a left half. ---

type Shape = { base: string; side: Pt[] } | { id: string; centreHalf: Pt[] } | { id: string; pair: Pt[] };

const FRONT_SHAPES: Shape[] = [
  {
    base: 'shoulder',
    side: [[72, 89], [60, 91], [51, 98], [46.5, 110], [45.5, 124], [47, 137], [51, 146], [55, 138], [59, 124], [63, 110], [70, 98]],
  },
  // Two pectorals, one region.
  { id: 'chest', pair: [[98, 97], [88, 94], [76, 95], [68, 101], [65, 114], [65, 127], [69, 136], [79, 142], [90, 142], [98, 138]] },
  {
    id: 'abdomen',
    centreHalf: [[99, 148], [88, 147], [82, 152], [80, 170], [80, 192], [82, 212], [88, 228], [95, 236], [99, 238]],
  },
  {
    base: 'hip_flexor',
    side: [[73, 222], [68, 232], [68, 244], [74, 256], [84, 266], [94, 274], [97, 268], [92, 258], [84, 246], [79, 234]],
  },
  {
    base: 'it_band',
    side: [[66, 254], [64, 268], [63.5, 286], [64.5, 304], [66.5, 322], [68.5, 338], [72.5, 338], [71, 322], [69.5, 304], [69.5, 286], [70.5, 268], [71, 258]],
  },
  {
    base: 'quadriceps',
    side: [[75, 264], [74, 280], [74, 296], [75.5, 312], [78, 326], [83, 337], [90, 339], [94, 331], [94, 318], [90, 306], [87, 292], [86, 278], [82, 269]],
  },
  { base: 'adductor', side: [[96, 279], [91, 285], [89, 296], [91, 308], [95, 316], [96.5, 306], [97, 294], [97.5, 284]] },
  { base: 'knee', side: [[74, 343], [72, 352], [74, 362], [80, 367], [88, 366], [93, 359], [93, 349], [89, 343], [81, 341]] },
  {
    base: 'shin',
    side: [[75, 372], [72, 386], [72, 402], [74, 418], [78, 430], [83, 432], [86, 424], [87, 406], [88, 388], [88, 374], [82, 370]],
  },
  { base: 'ankle', side: [[72, 436], [71, 444], [74, 450], [82, 452], [88, 449], [88, 440], [84, 436], [78, 435]] },
];

const BACK_SHAPES: Shape[] = [
  // Upper trapezius, from the base of the skull out to both shoulders.
  {
    id: 'neck_shoulders',
    centreHalf: [[100, 66], [93, 69], [90, 79], [82, 85], [68, 89], [55, 94], [61, 100], [76, 102], [88, 107], [96, 113], [100, 115]],
  },
  {
    id: 'upper_back',
    centreHalf: [[100, 120], [93, 117], [84, 111], [72, 107], [61, 108], [60, 122], [63, 138], [68, 156], [76, 172], [88, 182], [100, 185]],
  },
  {
    id: 'lower_back',
    centreHalf: [[100, 190], [90, 187], [80, 182], [75, 192], [76, 206], [82, 218], [92, 224], [100, 226]],
  },
  { base: 'hip_outer', side: [[72, 214], [67, 225], [65, 240], [65, 254], [68, 264], [71, 252], [73.5, 240], [78, 231], [78, 221]] },
  { base: 'glute', side: [[98, 232], [88, 229], [81, 233], [76, 244], [74, 258], [77, 270], [85, 277], [94, 278], [98, 272]] },
  {
    base: 'hamstring',
    side: [[72, 283], [68.5, 297], [67.5, 314], [70, 330], [76, 340], [86, 342], [93, 334], [95, 318], [96, 300], [95, 287], [86, 282]],
  },
  {
    base: 'calf',
    side: [[72, 356], [67.5, 370], [66.5, 388], [69, 404], [75, 413], [82, 415], [88, 408], [91, 392], [92, 374], [89, 360], [81, 353]],
  },
  { base: 'achilles', side: [[78, 420], [77, 432], [77, 441], [81, 446], [85, 443], [86, 432], [85, 420], [81, 418]] },
  {
    base: 'plantar',
    side: [[73, 451], [71, 460], [72, 470], [70, 480], [71, 488], [78, 492], [86, 489], [88, 480], [86, 470], [87, 460], [85, 451], [79, 448]],
  },
];

/** Which runner's side the viewer's-left half shows in each view. */
const VIEWER_LEFT_IS: Record<View, { near: '_l' | '_r'; far: '_l' | '_r' }> = {
  front: { near: '_r', far: '_l' },
  back: { near: '_l', far: '_r' },
};

function build(view: View, shapes: Shape[]): RegionShape[] {
  const out: RegionShape[] = [];
  for (const s of shapes) {
    if ('side' in s) {
      const other = mirror(s.side, CX);
      out.push({ id: s.base + VIEWER_LEFT_IS[view].near, view, d: smoothClosed(s.side), centre: centroid(s.side) });
      out.push({ id: s.base + VIEWER_LEFT_IS[view].far, view, d: smoothClosed(other), centre: centroid(other) });
    } else if ('pair' in s) {
      const whole = wholeFromHalf(s.pair, CX);
      out.push({ id: s.id, view, d: smoothClosed(s.pair) + smoothClosed(mirror(s.pair, CX)), centre: centroid(whole) });
    } else {
      const whole = wholeFromHalf(s.centreHalf, CX);
      out.push({ id: s.id, view, d: smoothClosed(whole), centre: centroid(whole) });
    }
  }
  return out;
}

const outline = (foot: Pt[]) => smoothClosed(wholeFromHalf([...HEAD_TO_ANKLE, ...foot, ...ANKLE_TO_CROTCH], CX));

export const FRONT: FigureView = {
  view: 'front',
  outline: outline(FRONT_FOOT),
  details: [
    // collarbones
    'M92 86 Q82 90 66 88',
    'M108 86 Q118 90 134 88',
    // navel
    'M100 206 m-1.6 0 a1.6 2.2 0 1 0 3.2 0 a1.6 2.2 0 1 0 -3.2 0',
  ],
  regions: build('front', FRONT_SHAPES),
};

export const BACK: FigureView = {
  view: 'back',
  outline: outline(BACK_FOOT),
  details: [
    // spine
    'M100 118 L100 228',
    // gluteal cleft
    'M100 236 L100 268',
  ],
  regions: build('back', BACK_SHAPES),
};

export const VIEWS: readonly FigureView[] = [FRONT, BACK];

/** Every region shape, both views, keyed by region id. */
export const SHAPES: ReadonlyMap<string, RegionShape> = new Map(
  VIEWS.flatMap((v) => v.regions).map((r) => [r.id, r] as const),
);
