//! Twelve weeks of acute load, chronic load and form as three lines on one scale. Form goes below
//! zero when the recent weeks outweigh the longer run of training, so the scale takes in negatives
//! and draws its zero line. Plain geometry; the component only draws it.

import type { LoadPoint } from '../../../lib/bindings/LoadPoint';
import { au, formText } from '../todayView';
import { dayNumber, dayString, shortDate, weekday } from './days';
import { niceTicks, tickLabel, type AxisTick, type ChartBox } from './scale';

/** The chart always spans twelve weeks, so a short history sits at the right, where today is. */
export const DAYS_SHOWN = 84;
/** The smallest span the value axis covers, so a few AU of load do not fill the chart. */
const MIN_SPAN = 10;

export type LoadKey = 'acute' | 'chronic' | 'form';
export const LOAD_KEYS: readonly LoadKey[] = ['acute', 'chronic', 'form'];

export interface LoadLine {
  key: LoadKey;
  /** SVG path, oldest first; empty when there is nothing to draw. */
  path: string;
  /** The latest point, marked so a line of one day still shows. */
  last: { x: number; y: number } | null;
}

export interface DayTick {
  x: number;
  label: string;
}

export interface LoadLinesLayout {
  lines: LoadLine[];
  ticks: AxisTick[];
  /** y of zero, where form changes sign. */
  zero: number;
  /** Mondays, for the weekly gridlines. */
  mondays: DayTick[];
  /** The points drawn, oldest first. */
  shown: LoadPoint[];
}

/** The last twelve weeks of `series`, oldest first, dropping any point without a readable date. */
export function lastDays(series: readonly LoadPoint[]): LoadPoint[] {
  const dated = series.filter((p) => Number.isFinite(dayNumber(p.date)));
  if (dated.length === 0) return [];
  const end = Math.max(...dated.map((p) => dayNumber(p.date)));
  return dated
    .filter((p) => dayNumber(p.date) > end - DAYS_SHOWN)
    .sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
}

export function loadLinesLayout(series: readonly LoadPoint[], box: ChartBox, locale?: string): LoadLinesLayout {
  const shown = lastDays(series);
  const values = shown.flatMap((p) => LOAD_KEYS.map((k) => p[k])).filter(Number.isFinite);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const scale = niceTicks(lo, Math.max(hi, lo + MIN_SPAN), 4);

  const top = box.top;
  const bottom = box.height - box.bottom;
  const left = box.left;
  const right = box.width - box.right;
  const end = shown.length ? dayNumber(shown[shown.length - 1].date) : 0;
  const start = end - (DAYS_SHOWN - 1);
  const xOf = (day: number) => left + ((day - start) / (DAYS_SHOWN - 1)) * (right - left);
  const yOf = (v: number) => bottom - ((v - scale.min) / (scale.max - scale.min)) * (bottom - top);

  const lines = LOAD_KEYS.map((key): LoadLine => {
    let path = '';
    let last: LoadLine['last'] = null;
    let gap = true;
    for (const p of shown) {
      // A missing figure breaks the line rather than drawing it through zero.
      if (!Number.isFinite(p[key])) {
        gap = true;
        continue;
      }
      last = { x: xOf(dayNumber(p.date)), y: yOf(p[key]) };
      path += `${gap ? 'M' : 'L'}${last.x.toFixed(1)} ${last.y.toFixed(1)}`;
      gap = false;
    }
    return { key, path, last };
  });

  const mondays: DayTick[] = [];
  if (shown.length > 0) {
    for (let d = start; d <= end; d++) {
      if (weekday(d) === 1) mondays.push({ x: xOf(d), label: shortDate(dayString(d), locale) });
    }
  }

  return {
    lines,
    ticks: scale.values.map((v) => ({ y: yOf(v), label: tickLabel(v, scale.step, locale) })),
    zero: yOf(0),
    mondays,
    shown,
  };
}

/** The chart in one sentence, for its accessible name. */
export function loadSummary(series: readonly LoadPoint[], locale?: string): string {
  const shown = lastDays(series);
  const what = 'Training load (session RPE), last 12 weeks';
  const last = shown[shown.length - 1];
  if (!last) return `${what}: nothing logged yet`;
  if (shown.every((p) => LOAD_KEYS.every((k) => !p[k]))) return `${what}: no rated sessions yet`;
  const ratio = last.ratio === null ? '' : `, ratio ${last.ratio.toFixed(2)}`;
  return (
    `${what}, as of ${shortDate(last.date, locale)}: acute ${au(last.acute)}, chronic ${au(last.chronic)}, ` +
    `form ${formText(last.form)}${ratio}`
  );
}
