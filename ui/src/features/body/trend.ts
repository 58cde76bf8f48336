//! Scaling one region's history into a small chart: intensity (0 to 10) up the side, time along the
//! bottom, massages as markers on the time axis.

import type { Mark } from '../../lib/bindings/Mark';
import type { MassageMarker } from '../../lib/bindings/MassageMarker';

export interface TrendBox {
  width: number;
  height: number;
  /** Space kept clear on every side, for markers and labels. */
  pad: number;
}

export interface TrendPoint {
  x: number;
  y: number;
  mark: Mark;
}

export interface TrendMassage {
  x: number;
  massage: MassageMarker;
}

export interface TrendLayout {
  points: TrendPoint[];
  massages: TrendMassage[];
  /** Polyline through the points, oldest first; empty when there are none. */
  line: string;
  /** y for an intensity, for gridlines. */
  yOf: (intensity: number) => number;
  from: number | null;
  to: number | null;
}

export function trendLayout(marks: readonly Mark[], massages: readonly MassageMarker[], box: TrendBox): TrendLayout {
  const times = [...marks.map((m) => Date.parse(m.atUtc)), ...massages.map((m) => Date.parse(m.startUtc))].filter(
    Number.isFinite,
  );
  const from = times.length ? Math.min(...times) : null;
  const to = times.length ? Math.max(...times) : null;
  const left = box.pad;
  const right = box.width - box.pad;
  const top = box.pad;
  const bottom = box.height - box.pad;

  // A single moment has no span; it sits in the middle rather than dividing by zero.
  const xOf = (t: number) =>
    from === null || to === null || to === from ? (left + right) / 2 : left + ((t - from) / (to - from)) * (right - left);
  const yOf = (intensity: number) => bottom - (Math.max(0, Math.min(10, intensity)) / 10) * (bottom - top);

  const points = [...marks]
    .sort((a, b) => Date.parse(a.atUtc) - Date.parse(b.atUtc))
    .map((mark) => ({ x: xOf(Date.parse(mark.atUtc)), y: yOf(mark.intensity), mark }));
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join('');

  return {
    points,
    massages: massages.map((massage) => ({ x: xOf(Date.parse(massage.startUtc)), massage })),
    line,
    yOf,
    from,
    to,
  };
}
