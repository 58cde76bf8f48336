import { describe, expect, it } from 'vitest';
import type { MassageMarker } from '../../lib/bindings/MassageMarker';
import type { WeekSummary } from '../../lib/bindings/WeekSummary';
import { mark } from '../../lib/body/fixtures';
import { trendLayout } from './trend';

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
    expect(t.line).toBe('M10.0 10.0L290.0 110.0');
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
