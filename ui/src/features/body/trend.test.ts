import { describe, expect, it } from 'vitest';
import type { MassageMarker } from '../../lib/bindings/MassageMarker';
import type { WeekSummary } from '../../lib/bindings/WeekSummary';
import { mark } from '../../lib/body/fixtures';
import { trendLayout, trendWindow } from './trend';

const box = { width: 300, height: 120, pad: 10 };
const massage = (startUtc: string, focused = true): MassageMarker => ({
  sessionId: startUtc,
  startUtc,
  startLocal: startUtc.slice(0, 16),
  massageType: 'sports',
  focused,
});

describe('trendLayout', () => {
  it('spans the box from the first to the last moment, intensity 10 at the top', () => {
    const t = trendLayout(
      [
        mark({ regionId: 'calf_l', intensity: 10, atUtc: '2024-05-01T00:00:00Z' }),
        mark({ regionId: 'calf_l', intensity: 0, atUtc: '2024-05-05T00:00:00Z' }),
      ],
      [massage('2024-05-03T00:00:00Z')],
      box,
    );
    expect(t.points.map((p) => [p.x, p.y])).toEqual([
      [10, 10],
      [290, 110],
    ]);
    expect(t.massages[0].x).toBeCloseTo(150);
    expect(t.massageLines).toEqual({ focused: 'M150.0 10.0V110.0', other: '' });
    expect(t.massageMarks).toEqual({ focused: 'M150.0 112.0l5 5l-5 5l-5 -5z', other: '' });
    expect(t.line).toBe('M10.0 10.0L290.0 110.0');
    // One dot per point, each a full circle of the dot's radius around it.
    expect(t.dots).toBe('M6.8 10.0a3.2 3.2 0 1 0 6.4 0a3.2 3.2 0 1 0 -6.4 0M286.8 110.0a3.2 3.2 0 1 0 6.4 0a3.2 3.2 0 1 0 -6.4 0');
  });

  it('widens the time axis to include a massage outside the marks', () => {
    const t = trendLayout(
      [mark({ regionId: 'calf_l', intensity: 5, atUtc: '2024-05-05T00:00:00Z' })],
      [massage('2024-05-01T00:00:00Z', false)],
      box,
    );
    expect(t.massages[0].x).toBe(10);
    expect(t.points[0]).toMatchObject({ x: 290, y: 60 });
  });

  it('sorts points oldest first', () => {
    const t = trendLayout(
      [
        mark({ regionId: 'calf_l', intensity: 2, atUtc: '2024-05-05T00:00:00Z' }),
        mark({ regionId: 'calf_l', intensity: 8, atUtc: '2024-05-01T00:00:00Z' }),
      ],
      [],
      box,
    );
    expect(t.points.map((p) => p.mark.intensity)).toEqual([8, 2]);
  });

  it('centres a single moment instead of dividing by zero', () => {
    const t = trendLayout([mark({ regionId: 'calf_l', intensity: 5 })], [], box);
    expect(t.points[0].x).toBe(150);
    expect(Number.isFinite(t.points[0].y)).toBe(true);
  });

  it('is empty with no data', () => {
    const t = trendLayout([], [], box);
    expect(t.points).toEqual([]);
    expect(t.line).toBe('');
    expect(t.dots).toBe('');
    expect(t.loadPath).toBe('');
    expect(t.weeksHoverable).toBe(false);
    expect(t.from).toBeNull();
    expect(t.weeks).toEqual([]);
    expect(t.loadMax).toBeNull();
  });
});

describe('trendLayout, weekly load', () => {
  const week = (start: string, srpe: number): WeekSummary => ({
    start,
    runM: 0,
    runS: 0,
    crossS: 0,
    srpe,
    trimp: 0,
    sessions: 1,
    unrated: 0,
    monotony: null,
    strain: null,
    races: [],
  });
  // Weeks start at the computer's local midnight, so the marks are placed by local time too.
  const at = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).toISOString();
  const twoWeeks = [
    mark({ regionId: 'calf_l', intensity: 6, atUtc: at(2024, 5, 6) }),
    mark({ regionId: 'calf_l', intensity: 2, atUtc: at(2024, 5, 20) }),
  ];
  const year = [
    week('2024-04-29', 5000),
    week('2024-05-06', 300),
    week('2024-05-13', 600),
    week('2024-05-20', 900),
  ];

  it('draws the weeks in the span as bars on the same time axis, scaled to a round top', () => {
    const t = trendLayout(twoWeeks, [], box, year);
    expect(t.weeks.map((w) => w.week.start)).toEqual(['2024-05-06', '2024-05-13']);
    expect(t.loadMax).toBe(600);
    expect(t.loadPeak?.start).toBe('2024-05-13');
    const [a, b] = t.weeks;
    expect(a.x).toBeCloseTo(10.5);
    expect(a.width).toBeCloseTo(139);
    expect(b.x + b.width).toBeCloseTo(289.5);
    expect(a.height).toBeCloseTo(50);
    expect(b.y).toBeCloseTo(10);
    expect(a.y + a.height).toBeCloseTo(110);
    // Bars this wide are drawn one by one, each with its week's figure on hover.
    expect(t.weeksHoverable).toBe(true);
  });

  it('draws years of weeks, too narrow to point at, as one path of the same bars', () => {
    const days = 7 * 150;
    const marks = [
      mark({ regionId: 'calf_l', intensity: 6, atUtc: at(2021, 1, 4) }),
      mark({ regionId: 'calf_l', intensity: 2, atUtc: at(2021, 1, 4 + days) }),
    ];
    const weeks = Array.from({ length: 150 }, (_, i) => {
      const d = new Date(2021, 0, 4 + 7 * i);
      const start = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      return week(start, 100 + i);
    });
    const t = trendLayout(marks, [], box, weeks);
    expect(t.weeks).toHaveLength(150);
    expect(t.weeksHoverable).toBe(false);
    const subpaths = t.loadPath.split('M').slice(1);
    expect(subpaths).toHaveLength(150);
    // Each runs from its bar's top left, across its width, down to the baseline and back.
    const first = t.weeks[0];
    expect(subpaths[0]).toBe(`${first.x.toFixed(1)} ${first.y.toFixed(1)}h${first.width.toFixed(1)}V110.0H${first.x.toFixed(1)}z`);
  });

  it('clips a week that runs past either end of the marks', () => {
    const t = trendLayout(
      [
        mark({ regionId: 'calf_l', intensity: 6, atUtc: at(2024, 5, 9, 12) }),
        mark({ regionId: 'calf_l', intensity: 2, atUtc: at(2024, 5, 16, 12) }),
      ],
      [],
      box,
      year,
    );
    expect(t.weeks.map((w) => w.week.start)).toEqual(['2024-05-06', '2024-05-13']);
    expect(t.weeks[0].x).toBeCloseTo(10.5);
    expect(t.weeks[1].x).toBeCloseTo(10 + (3.5 / 7) * 280 + 0.5);
    expect(t.weeks[1].x + t.weeks[1].width).toBeCloseTo(289.5);
  });

  it('keeps the marks where they were without the load', () => {
    const bare = trendLayout(twoWeeks, [], box);
    const loaded = trendLayout(twoWeeks, [], box, year);
    expect(loaded.points).toEqual(bare.points);
    expect(loaded.line).toBe(bare.line);
  });

  it('fills the width with the week holding a single moment', () => {
    const t = trendLayout([mark({ regionId: 'calf_l', atUtc: at(2024, 5, 8, 9) })], [], box, year);
    expect(t.weeks).toHaveLength(1);
    expect(t.weeks[0]).toMatchObject({ x: 10.5, width: 279 });
    expect(t.weeks[0].height).toBeCloseTo(100);
  });

  it('draws no bars, and no scale, when no week in view has load', () => {
    const t = trendLayout(twoWeeks, [], box, [week('2024-05-06', 0), week('2024-05-13', 0), week('bad', 50)]);
    expect(t.weeks).toEqual([]);
    expect(t.loadMax).toBeNull();
    expect(t.loadPeak).toBeNull();
  });
});

describe('trendWindow', () => {
  const m = (atUtc: string) => mark({ regionId: 'calf_l', atUtc });

  it('keeps the last year up to the latest mark or massage, in order, and says it left some out', () => {
    const marks = [m('2023-01-10T08:00:00Z'), m('2024-03-01T08:00:00Z'), m('2024-06-01T08:00:00Z')];
    const w = trendWindow(marks, [massage('2024-01-15T08:00:00Z'), massage('2025-02-01T08:00:00Z')]);
    // The latest moment is the massage of 2025-02-01: a year back from it is 2024-02-02.
    expect(w.marks.map((x) => x.atUtc)).toEqual(['2024-03-01T08:00:00Z', '2024-06-01T08:00:00Z']);
    expect(w.massages.map((x) => x.startUtc)).toEqual(['2025-02-01T08:00:00Z']);
    expect(w.clipped).toBe(true);
  });

  it('keeps everything within a year, and an empty history as it is', () => {
    const marks = [m('2024-01-10T08:00:00Z'), m('2024-12-01T08:00:00Z')];
    expect(trendWindow(marks, [])).toEqual({ marks, massages: [], clipped: false });
    expect(trendWindow([], [])).toEqual({ marks: [], massages: [], clipped: false });
  });
});
