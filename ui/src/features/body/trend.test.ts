import { describe, expect, it } from 'vitest';
import type { MassageMarker } from '../../lib/bindings/MassageMarker';
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
  });
});
