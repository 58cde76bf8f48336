//! The body figure as data: a front and a back view, each a silhouette plus one smooth shape per
//! region (DESIGN.md "Body regions"). The geometry is defined once, in the core
//! (crates/core/src/regions/figure.rs), which also draws the briefing sheet's figures; this module
//! only names the generated copy, so the chart and the sheet cannot drift apart.

import type { FigureView } from '../bindings/FigureView';
import type { RegionShape } from '../bindings/RegionShape';
import { FIGURE } from '../generated/figure';

export type { FigureView, RegionShape };

/** One view's coordinate box; the centre line is x = CX. */
export const FIGURE_W = FIGURE.width;
export const FIGURE_H = FIGURE.height;
export const CX = FIGURE.centreX;

function view(name: FigureView['view']): FigureView {
  const v = FIGURE.views.find((f) => f.view === name);
  if (!v) throw new Error(`the generated figure has no ${name} view`);
  return v;
}

export const FRONT: FigureView = view('front');
export const BACK: FigureView = view('back');
export const VIEWS: readonly FigureView[] = [FRONT, BACK];

/** Every region shape, both views, keyed by region id. */
export const SHAPES: ReadonlyMap<string, RegionShape> = new Map(
  VIEWS.flatMap((v) => v.regions).map((r) => [r.id, r] as const),
);
