import { describe, expect, it } from 'vitest';
import type { LoadPoint } from '../../../lib/bindings/LoadPoint';
import { dayNumber, dayString } from './days';
import { DAYS_SHOWN, lastDays, loadLinesLayout, loadSummary } from './loadLines';
import type { ChartBox } from './scale';

const box: ChartBox = { width: 430, height: 140, top: 10, right: 10, bottom: 30, left: 10 };
const point = (date: string, over: Partial<LoadPoint> = {}): LoadPoint => ({
  date,
  srpe: 0,
  trimp: 0,
  sessions: 0,
  unrated: 0,
  acute: 0,
  chronic: 0,
  form: 0,
  ratio: null,
  ...over,
});
/** `n` days ending on `last` (a Sunday), each as `f(i)` says. */
const days = (n: number, last = '2025-06-08', f: (i: number) => Partial<LoadPoint> = () => ({})) =>
  Array.from({ length: n }, (_, i) => point(dayString(dayNumber(last) - (n - 1 - i)), f(i)));

const allFinite = (value: unknown): boolean =>
  typeof value === 'number'
    ? Number.isFinite(value)
    : Array.isArray(value)
      ? value.every(allFinite)
      : value && typeof value === 'object'
        ? Object.values(value).every(allFinite)
        : true;
const noNaN = (s: string) => !/NaN|Infinity/.test(s);

describe('loadLinesLayout', () => {
  it('spans 84 days from the left edge to the right, one gridline a Monday', () => {
    const t = loadLinesLayout(days(84, '2025-06-08', (i) => ({ acute: i, chronic: 40, form: 40 - i })), box, 'en-GB');
    const acute = t.lines.find((l) => l.key === 'acute')!;
    expect(acute.path.startsWith('M10.0 ')).toBe(true);
    expect(acute.last?.x).toBe(420);
    expect(t.mondays).toHaveLength(12);
    expect(t.mondays[0]).toMatchObject({ x: 10, label: '17 Mar' });
    expect(t.mondays[11].label).toBe('2 Jun');
  });

  it('takes in negative form and draws zero inside the scale', () => {
    const t = loadLinesLayout(days(84, '2025-06-08', (i) => ({ acute: 300, chronic: 200, form: i - 100 })), box);
    const labels = t.ticks.map((k) => k.label);
    expect(labels).toContain('0');
    expect(labels[0].startsWith('−')).toBe(true);
    expect(t.zero).toBeGreaterThan(box.top);
    expect(t.zero).toBeLessThan(box.height - box.bottom);
    const form = t.lines.find((l) => l.key === 'form')!;
    // The first day's form is −100, below the zero line.
    expect(Number(form.path.split(' ')[1].split('L')[0])).toBeGreaterThan(t.zero);
  });

  it('uses distinct line paths for the three figures', () => {
    const t = loadLinesLayout(days(3, '2025-06-08', () => ({ acute: 30, chronic: 10, form: -20 })), box);
    expect(t.lines.map((l) => l.key)).toEqual(['acute', 'chronic', 'form']);
    expect(new Set(t.lines.map((l) => l.path)).size).toBe(3);
    expect(t.lines[0].path.match(/L/g)).toHaveLength(2);
  });

  it('keeps only the last 84 days, sorted', () => {
    const t = loadLinesLayout(days(100).reverse(), box);
    expect(t.shown).toHaveLength(DAYS_SHOWN);
    expect(t.shown[0].date).toBe(dayString(dayNumber('2025-06-08') - 83));
    expect(t.shown[83].date).toBe('2025-06-08');
  });

  it('places a short history at the right, where today is', () => {
    const t = loadLinesLayout([point('2025-06-08', { acute: 5 })], box);
    expect(t.lines[0].path).toBe(`M420.0 ${t.lines[0].last!.y.toFixed(1)}`);
  });

  it('draws all zeros and nothing at all without NaN', () => {
    for (const series of [days(84), [], [point('2025-06-08')]]) {
      const t = loadLinesLayout(series, box);
      expect(allFinite(t.ticks)).toBe(true);
      expect(Number.isFinite(t.zero)).toBe(true);
      expect(t.lines.every((l) => noNaN(l.path))).toBe(true);
      expect(t.ticks.length).toBeGreaterThan(1);
    }
    expect(loadLinesLayout([], box).lines.every((l) => l.path === '' && l.last === null)).toBe(true);
    expect(loadLinesLayout([], box).mondays).toEqual([]);
  });

  it('breaks a line at a missing figure rather than drawing it through zero', () => {
    const t = loadLinesLayout(
      days(3, '2025-06-08', (i) => ({ acute: i === 1 ? Number.NaN : 10 })),
      box,
    );
    expect(t.lines[0].path.match(/M/g)).toHaveLength(2);
  });
});

describe('lastDays', () => {
  it('drops points without a readable date', () => {
    expect(lastDays([point('later'), point('2025-06-08')]).map((p) => p.date)).toEqual(['2025-06-08']);
  });
});

describe('loadSummary', () => {
  it('reads out the latest figures', () => {
    const s = loadSummary([point('2025-06-08', { acute: 320.4, chronic: 280, form: -40.4, ratio: 1.143 })], 'en-GB');
    expect(s).toBe(
      'Training load (session RPE), last 12 weeks, as of 8 Jun: acute 320, chronic 280, form −40, ratio 1.14',
    );
  });

  it('leaves the ratio out while it is undefined, and says when there is nothing', () => {
    expect(loadSummary([point('2025-06-08', { acute: 10, chronic: 4, form: -6 })], 'en-GB')).not.toContain('ratio');
    expect(loadSummary([])).toBe('Training load (session RPE), last 12 weeks: nothing logged yet');
    expect(loadSummary(days(84))).toBe('Training load (session RPE), last 12 weeks: no rated sessions yet');
  });
});
