import { describe, expect, it } from 'vitest';
import { BACK, CX, FIGURE_H, FIGURE_W, FRONT, SHAPES, VIEWS } from './figure';
import { centroid, mirror, smoothClosed, wholeFromHalf } from './geometry';
import { DESIGN_REGIONS } from './fixtures';

describe('figure', () => {
  it('has one shape for every DESIGN region, on its own view', () => {
    for (const { id, view } of DESIGN_REGIONS) {
      expect(SHAPES.get(id)?.view, id).toBe(view);
    }
    expect(SHAPES.size).toBe(DESIGN_REGIONS.length);
    expect(FRONT.regions.length + BACK.regions.length).toBe(33);
  });

  it('puts the runner’s right on the viewer’s left from the front, and the reverse from behind', () => {
    const cx = (id: string) => SHAPES.get(id)!.centre[0];
    expect(cx('knee_r')).toBeLessThan(CX);
    expect(cx('knee_l')).toBeGreaterThan(CX);
    expect(cx('calf_l')).toBeLessThan(CX);
    expect(cx('calf_r')).toBeGreaterThan(CX);
  });

  it('mirrors each pair exactly across the centre line', () => {
    for (const r of VIEWS.flatMap((v) => v.regions)) {
      if (!/_[lr]$/.test(r.id)) continue;
      const twin = SHAPES.get(r.id.replace(/_([lr])$/, (_, s: string) => (s === 'l' ? '_r' : '_l')))!;
      expect(twin.centre[0], r.id).toBeCloseTo(2 * CX - r.centre[0], 0);
      expect(twin.centre[1], r.id).toBeCloseTo(r.centre[1], 0);
    }
  });

  it('keeps every badge inside the drawing', () => {
    for (const r of SHAPES.values()) {
      expect(r.centre[0]).toBeGreaterThan(0);
      expect(r.centre[0]).toBeLessThan(FIGURE_W);
      expect(r.centre[1]).toBeGreaterThan(0);
      expect(r.centre[1]).toBeLessThan(FIGURE_H);
    }
  });

  it('centres the single regions on the spine', () => {
    for (const id of ['chest', 'abdomen', 'neck_shoulders', 'upper_back', 'lower_back']) {
      expect(SHAPES.get(id)!.centre[0], id).toBeCloseTo(CX, 0);
    }
  });
});

describe('geometry', () => {
  it('mirror reflects x and keeps y', () => {
    expect(mirror([[10, 1], [40, 2]], 50)).toEqual([[60, 2], [90, 1]]);
  });

  it('joins a half outline without doubling the points on the axis', () => {
    const whole = wholeFromHalf([[50, 0], [20, 10], [50, 20]], 50);
    expect(whole).toEqual([[50, 0], [20, 10], [50, 20], [80, 10]]);
  });

  it('draws a closed curve through every point', () => {
    const d = smoothClosed([[0, 0], [10, 0], [10, 10], [0, 10]]);
    expect(d.startsWith('M0 0')).toBe(true);
    expect(d.endsWith('Z')).toBe(true);
    expect(d.match(/C/g)).toHaveLength(4);
    expect(() => smoothClosed([[0, 0], [1, 1]])).toThrow();
  });

  it('finds the centre of a square', () => {
    expect(centroid([[0, 0], [10, 0], [10, 10], [0, 10]])).toEqual([5, 5]);
  });
});
