//! Scaling one region's history into a small chart: intensity (0 to 10) up the side, time along the
//! bottom, massages as markers on the time axis, and each week's training load as a faint bar
//! behind, so soreness can be read against the running that came before it.

import type { Mark } from '../../lib/bindings/Mark';
import type { MassageMarker } from '../../lib/bindings/MassageMarker';
import type { WeekSummary } from '../../lib/bindings/WeekSummary';
import { niceTicks } from '../today/charts/scale';

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

/** One week's session-RPE load, as much of the week as falls within the chart's span. */
export interface TrendWeek {
  x: number;
  width: number;
  y: number;
  height: number;
  week: WeekSummary;
}

export interface TrendLayout {
  points: TrendPoint[];
  massages: TrendMassage[];
  weeks: TrendWeek[];
  /** The load the top of the chart stands for, a round number; null when no week has any. */
  loadMax: number | null;
  /** The week with the most load, the latest of equals. */
  loadPeak: WeekSummary | null;
  /** Polyline through the points, oldest first; empty when there are none. */
  line: string;
  /** Every point as a dot of `DOT_RADIUS`, in one path: a region marked daily for years has
   * hundreds, and one node draws them as fast as one circle (make bench-app, selecting a region). */
  dots: string;
  /** The massages' dashed lines and diamonds on the time axis, one path each, split by whether the
   * massage focused on this region (drawn stronger). Years of fortnightly massages are hundreds. */
  massageLines: { focused: string; other: string };
  massageMarks: { focused: string; other: string };
  /** Every week's bar in one path, for when they are too narrow to point at one by one. */
  loadPath: string;
  /** Whether each bar is wide enough to hover for its week's figure (then drawn one by one). */
  weeksHoverable: boolean;
  /** y for an intensity, for gridlines. */
  yOf: (intensity: number) => number;
  from: number | null;
  to: number | null;
}

/** Local midnight starting a "YYYY-MM-DD" and the one a week later, as the core counts its weeks. */
function weekSpan(start: string): [number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  // The Date constructor counts local days, so a week across a clock change stays seven days long.
  return [new Date(y, mo, d).getTime(), new Date(y, mo, d + 7).getTime()];
}

/** How far back a region's trend chart reaches from its latest mark or massage. A year reads at the
 * chart's 320 px; ten years of near-daily marks are a solid band, and drew some 2,000 shapes. The
 * history list under the chart keeps every mark. */
export const TREND_DAYS = 365;

export interface TrendWindow {
  marks: Mark[];
  massages: MassageMarker[];
  /** Whether older marks or massages were left out of the chart. */
  clipped: boolean;
}

/** The marks and massages of the last `days` up to the latest of them, in their order. */
export function trendWindow(
  marks: readonly Mark[],
  massages: readonly MassageMarker[],
  days: number = TREND_DAYS,
): TrendWindow {
  const times = [...marks.map((m) => Date.parse(m.atUtc)), ...massages.map((m) => Date.parse(m.startUtc))].filter(
    Number.isFinite,
  );
  if (times.length === 0) return { marks: [...marks], massages: [...massages], clipped: false };
  const since = Math.max(...times) - days * 86_400_000;
  const keptMarks = marks.filter((m) => Date.parse(m.atUtc) >= since);
  const keptMassages = massages.filter((m) => Date.parse(m.startUtc) >= since);
  return {
    marks: keptMarks,
    massages: keptMassages,
    clipped: keptMarks.length < marks.length || keptMassages.length < massages.length,
  };
}

/** The radius of a mark's dot, in the box's units. */
export const DOT_RADIUS = 3.2;
/** Narrower bars than this are drawn as one path: no one can point at a bar a few pixels wide. */
const HOVER_MIN_WIDTH = 4;

const n = (v: number) => v.toFixed(1);

export function trendLayout(
  marks: readonly Mark[],
  massages: readonly MassageMarker[],
  box: TrendBox,
  weeks: readonly WeekSummary[] = [],
): TrendLayout {
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
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${n(p.x)} ${n(p.y)}`).join('');

  // The weeks are drawn within the marks' span rather than widening it: they are the backdrop to
  // the soreness line, not a reason to squeeze it. Only the weeks in view set the load scale.
  const single = from !== null && from === to;
  const inView = weeks.flatMap((week) => {
    const span = weekSpan(week.start);
    if (!span || from === null || to === null || !(Number.isFinite(week.srpe) && week.srpe > 0)) return [];
    const overlaps = single ? span[0] <= from && from < span[1] : span[0] < to && span[1] > from;
    // With a single moment the one week holding it is all there is to show, so it fills the width.
    return overlaps
      ? [{ week, x0: single ? left : xOf(Math.max(span[0], from)), x1: single ? right : xOf(Math.min(span[1], to)) }]
      : [];
  });
  const loadMax = inView.length ? niceTicks(0, Math.max(...inView.map((w) => w.week.srpe)), 4).max : null;
  const loadPeak = inView.reduce<WeekSummary | null>(
    (best, w) => (!best || w.week.srpe >= best.srpe ? w.week : best),
    null,
  );
  const bars = inView.map(({ week, x0, x1 }): TrendWeek => {
    const height = loadMax ? (week.srpe / loadMax) * (bottom - top) : 0;
    // A hairline gap keeps neighbouring weeks apart.
    const inset = x1 - x0 > 3 ? 0.5 : 0;
    return { x: x0 + inset, width: Math.max(0.5, x1 - x0 - 2 * inset), y: bottom - height, height, week };
  });

  const r = DOT_RADIUS;
  // Two half-circle arcs make a full circle, moved to and back from its left edge.
  const dot = `a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
  const dots = points.map((p) => `M${n(p.x - r)} ${n(p.y)}${dot}`).join('');
  const loadPath = bars.map((b) => `M${n(b.x)} ${n(b.y)}h${n(b.width)}V${n(bottom)}H${n(b.x)}z`).join('');

  const placed = massages.map((massage) => ({ x: xOf(Date.parse(massage.startUtc)), massage }));
  const massagePaths = (draw: (x: number) => string) => ({
    focused: placed.filter((m) => m.massage.focused).map((m) => draw(m.x)).join(''),
    other: placed.filter((m) => !m.massage.focused).map((m) => draw(m.x)).join(''),
  });

  return {
    points,
    dots,
    massageLines: massagePaths((x) => `M${n(x)} ${n(top)}V${n(bottom)}`),
    // A diamond hanging from the time axis, 10 high and 10 wide.
    massageMarks: massagePaths((x) => `M${n(x)} ${n(bottom + 2)}l5 5l-5 5l-5 -5z`),
    loadPath,
    weeksHoverable: bars.length > 0 && bars.every((b) => b.width >= HOVER_MIN_WIDTH),
    massages: placed,
    weeks: bars,
    loadMax,
    loadPeak,
    line,
    yOf,
    from,
    to,
  };
}
