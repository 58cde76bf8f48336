import { describe, expect, it } from 'vitest';
import { BACK, CX, FIGURE_H, FIGURE_W, FRONT, SHAPES, VIEWS } from './figure';
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
