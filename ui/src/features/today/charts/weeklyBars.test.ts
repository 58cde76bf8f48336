import { describe, expect, it } from 'vitest';
import type { WeekSummary } from '../../../lib/bindings/WeekSummary';
import { dayNumber, dayString } from './days';
import type { ChartBox } from './scale';
import { WEEKS_SHOWN, weeklyBarsLayout, weeklySummary } from './weeklyBars';

const box: ChartBox = { width: 540, height: 200, top: 20, right: 10, bottom: 30, left: 10 };
const week = (start: string, over: Partial<WeekSummary> = {}): WeekSummary => ({
  start,
  runM: 0,
  runS: 0,
  crossS: 0,
  srpe: 0,
  trimp: 0,
  sessions: 0,
  unrated: 0,
  monotony: null,
  strain: null,
  races: [],
  ...over,
});
/** `n` weeks ending with the week of `last`, each run as `f(i)` says. */
const year = (n: number, last = '2025-06-02', f: (i: number) => Partial<WeekSummary> = () => ({})) =>
  Array.from({ length: n }, (_, i) => week(dayString(dayNumber(last) - (n - 1 - i) * 7), f(i)));

const allFinite = (value: unknown): boolean =>
  typeof value === 'number'
    ? Number.isFinite(value)
    : Array.isArray(value)
      ? value.every(allFinite)
      : value && typeof value === 'object'
        ? Object.values(value).every(allFinite)
        : true;

describe('weeklyBarsLayout', () => {
  it('puts 52 weeks side by side, this week last and highlighted', () => {
    const t = weeklyBarsLayout(year(52, '2025-06-02', (i) => ({ runM: (i + 1) * 1000 })), 'distance', 'km', box);
    expect(t.bars).toHaveLength(52);
    expect(t.bars[0].x).toBeGreaterThanOrEqual(box.left);
    expect(t.bars[51].x + t.bars[51].width).toBeLessThanOrEqual(box.width - box.right);
    expect(t.bars.filter((b) => b.current).map((b) => b.week.start)).toEqual(['2025-06-02']);
    expect(t.peak?.week.start).toBe('2025-06-02');
    expect(t.bars[51].height).toBeGreaterThan(t.bars[0].height);
    expect(t.baseline).toBe(170);
  });

  it('scales to a round top tick above the biggest week', () => {
    const t = weeklyBarsLayout([week('2025-06-02', { runM: 64_000 })], 'distance', 'km', box);
    expect(t.ticks.map((k) => k.label)).toEqual(['0', '20', '40', '60', '80']);
    expect(t.ticks[t.ticks.length - 1].y).toBe(box.top);
    expect(t.bars[0].height).toBeCloseTo((64 / 80) * 150);
  });

  it('shows miles or hours as asked', () => {
    const w = [week('2025-06-02', { runM: 16_093.44, runS: 5400 })];
    expect(weeklyBarsLayout(w, 'distance', 'mi', box).bars[0].value).toBeCloseTo(10);
    expect(weeklyBarsLayout(w, 'distance', 'mi', box).unit).toBe('mi');
    const time = weeklyBarsLayout(w, 'time', 'km', box);
    expect(time.bars[0].value).toBe(1.5);
    expect(time.unit).toBe('h');
  });

  it('keeps one week at the right, where now is', () => {
    const t = weeklyBarsLayout([week('2025-06-02', { runM: 5000 })], 'distance', 'km', box);
    const slot = (box.width - box.left - box.right) / WEEKS_SHOWN;
    expect(t.bars[0].x).toBeCloseTo(box.left + 51 * slot + (slot - t.bars[0].width) / 2);
    expect(t.bars[0].current).toBe(true);
  });

  it('draws a year without running flat, with no NaN', () => {
    const t = weeklyBarsLayout(year(52), 'time', 'km', box);
    expect(allFinite(t)).toBe(true);
    expect(t.bars.every((b) => b.height === 0)).toBe(true);
    expect(t.peak).toBeNull();
    expect(t.ticks.length).toBeGreaterThan(1);
    expect(allFinite(weeklyBarsLayout([], 'distance', 'km', box))).toBe(true);
  });

  it('keeps only the last 52 weeks', () => {
    const t = weeklyBarsLayout(year(60), 'distance', 'km', box);
    expect(t.bars).toHaveLength(52);
    expect(t.bars[51].week.start).toBe('2025-06-02');
  });

  it('labels the weeks that hold the first of a month, with the year on January', () => {
    const t = weeklyBarsLayout(year(52), 'distance', 'km', box, 'en-GB');
    expect(t.months.length).toBeGreaterThanOrEqual(11);
    expect(t.months.length).toBeLessThanOrEqual(13);
    expect(t.months.find((m) => m.month === 'Jan')?.year).toBe('2025');
    expect(t.months[0].year).not.toBeNull();
    expect(t.months.filter((m) => m.year !== null)).toHaveLength(2);
    // The week of Mon 27 Jan 2025 holds 1 Feb.
    const feb = t.bars.findIndex((b) => b.week.start === '2025-01-27');
    expect(t.months.find((m) => m.month === 'Feb')?.x).toBe(t.bars[feb].x);
  });

  it('marks race weeks above their bar, with the names', () => {
    const t = weeklyBarsLayout(
      [week('2025-05-26', { runM: 10_000 }), week('2025-06-02', { runM: 42_195, races: ['City Marathon'] })],
      'distance',
      'km',
      box,
    );
    expect(t.bars[0].race).toBeNull();
    const race = t.bars[1].race;
    expect(race?.names).toEqual(['City Marathon']);
    expect(race!.y).toBeLessThan(t.bars[1].y);
    expect(race!.x).toBeCloseTo(t.bars[1].x + t.bars[1].width / 2);
  });
});

describe('weeklySummary', () => {
  it('names the biggest week, this week and the races', () => {
    const weeks = year(52, '2025-06-02', (i) => ({
      runM: i === 10 ? 64_000 : 20_000,
      races: i === 20 ? ['Half'] : [],
    }));
    expect(weeklySummary(weeks, 'distance', 'km', 'en-GB')).toBe(
      `Weekly running distance, last 52 weeks; most 64 km in the week of ${new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }).format(new Date(`${weeks[10].start}T00:00Z`))}, this week 20 km, 1 race week`,
    );
  });

  it('reads hours, and says when nothing was run', () => {
    expect(weeklySummary([week('2025-06-02', { runS: 4 * 3600 + 720 })], 'time', 'km', 'en-GB')).toBe(
      'Weekly running time, this week only; most 4.2 h in the week of 2 Jun',
    );
    expect(weeklySummary(year(3), 'distance', 'mi')).toBe('Weekly running distance, last 3 weeks; no running logged');
    expect(weeklySummary([], 'distance', 'km')).toBe('Weekly running distance: no weeks to show');
  });
});
