//! The year of weekly running as bars: one per week, distance or time, race weeks marked. Plain
//! geometry, so the component only draws what this returns and the numbers are tested here.

import { numberFormat } from '../../../lib/intl';
import type { Units } from '../../../lib/bindings/Units';
import type { WeekSummary } from '../../../lib/bindings/WeekSummary';
import { metresToUnit, unitLabel } from '../../../lib/units';
import { dayNumber, dayString, shortDate, shortMonth } from './days';
import { niceTicks, tickLabel, type AxisTick, type ChartBox } from './scale';

export type WeeklyMetric = 'distance' | 'time';

/** The chart always spans a year, so a short history sits at the right, where "now" is. */
export const WEEKS_SHOWN = 52;
/** Room a month label needs; one closer to the right edge than this would be cut off. */
const MONTH_LABEL_WIDTH = 22;

export interface RaceMarker {
  x: number;
  y: number;
  names: string[];
}

export interface WeekBar {
  week: WeekSummary;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The last week given, this week. */
  current: boolean;
  race: RaceMarker | null;
}

export interface MonthLabel {
  x: number;
  month: string;
  /** Shown under January and the first label, so the reader knows which year is which. */
  year: string | null;
}

export interface WeeklyBarsLayout {
  bars: WeekBar[];
  ticks: AxisTick[];
  months: MonthLabel[];
  /** y of the zero line. */
  baseline: number;
  /** "km", "mi" or "h", for the axis. */
  unit: string;
  /** The biggest week, the latest of equals; null when nothing was run. */
  peak: WeekBar | null;
}

/** A week's figure in the unit the chart shows: km or mi, or hours. */
export function weekValue(week: WeekSummary, metric: WeeklyMetric, units: Units): number {
  const v = metric === 'distance' ? metresToUnit(week.runM, units) : week.runS / 3600;
  return Number.isFinite(v) && v > 0 ? v : 0;
}

export function metricUnit(metric: WeeklyMetric, units: Units): string {
  return metric === 'distance' ? unitLabel(units) : 'h';
}

/** e.g. "64 km" or "5.2 h". */
export function valueText(value: number, metric: WeeklyMetric, units: Units, locale?: string): string {
  const n = numberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return `${n} ${metricUnit(metric, units)}`;
}

/** Index of the biggest week, the latest of equals; -1 when every week is zero. */
function peakIndex(values: readonly number[]): number {
  let best = -1;
  values.forEach((v, i) => {
    if (v > 0 && (best < 0 || v >= values[best])) best = i;
  });
  return best;
}

function monthLabels(bars: readonly WeekBar[], box: ChartBox, locale?: string): MonthLabel[] {
  const out: MonthLabel[] = [];
  for (const bar of bars) {
    const monday = dayNumber(bar.week.start);
    if (!Number.isFinite(monday)) continue;
    for (let d = 0; d < 7; d++) {
      const date = dayString(monday + d);
      if (!date.endsWith('-01')) continue;
      if (bar.x + MONTH_LABEL_WIDTH <= box.width) {
        const january = date.slice(5, 7) === '01';
        out.push({
          x: bar.x,
          month: shortMonth(monday + d, locale),
          year: january || out.length === 0 ? date.slice(0, 4) : null,
        });
      }
      break;
    }
  }
  return out;
}

export function weeklyBarsLayout(
  weeks: readonly WeekSummary[],
  metric: WeeklyMetric,
  units: Units,
  box: ChartBox,
  locale?: string,
): WeeklyBarsLayout {
  const shown = weeks.slice(-WEEKS_SHOWN);
  const values = shown.map((w) => weekValue(w, metric, units));
  const most = Math.max(0, ...values);
  // A year with no running still gets a scale a runner recognises, rather than 0 to 1.
  const ticks = niceTicks(0, most > 0 ? most : metric === 'distance' ? 10 : 1, 4);
  const top = box.top;
  const bottom = box.height - box.bottom;
  const yOf = (v: number) => bottom - (v / ticks.max) * (bottom - top);
  const slot = (box.width - box.left - box.right) / WEEKS_SHOWN;
  const width = Math.max(1, slot * 0.7);
  const offset = WEEKS_SHOWN - shown.length;

  const bars = shown.map((week, i): WeekBar => {
    const x = box.left + (offset + i) * slot + (slot - width) / 2;
    const y = yOf(values[i]);
    return {
      week,
      value: values[i],
      x,
      y,
      width,
      height: bottom - y,
      current: i === shown.length - 1,
      race: week.races.length > 0 ? { x: x + width / 2, y: y - 5, names: week.races } : null,
    };
  });
  const peak = peakIndex(values);

  return {
    bars,
    ticks: ticks.values.map((v) => ({ y: yOf(v), label: tickLabel(v, ticks.step, locale) })),
    months: monthLabels(bars, box, locale),
    baseline: bottom,
    unit: metricUnit(metric, units),
    peak: peak < 0 ? null : bars[peak],
  };
}

/** The chart in one sentence, for its accessible name. */
export function weeklySummary(
  weeks: readonly WeekSummary[],
  metric: WeeklyMetric,
  units: Units,
  locale?: string,
): string {
  const shown = weeks.slice(-WEEKS_SHOWN);
  const what = metric === 'distance' ? 'Weekly running distance' : 'Weekly running time';
  if (shown.length === 0) return `${what}: no weeks to show`;
  const span = shown.length === 1 ? 'this week only' : `last ${shown.length} weeks`;
  const values = shown.map((w) => weekValue(w, metric, units));
  const peak = peakIndex(values);
  if (peak < 0) return `${what}, ${span}; no running logged`;
  const most = valueText(values[peak], metric, units, locale);
  const parts = [`most ${most} in the week of ${shortDate(shown[peak].start, locale)}`];
  if (shown.length > 1) parts.push(`this week ${valueText(values[values.length - 1], metric, units, locale)}`);
  const raceWeeks = shown.filter((w) => w.races.length > 0).length;
  if (raceWeeks > 0) parts.push(`${raceWeeks} race week${raceWeeks === 1 ? '' : 's'}`);
  return `${what}, ${span}; ${parts.join(', ')}`;
}
