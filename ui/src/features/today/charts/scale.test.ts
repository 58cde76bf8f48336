import { describe, expect, it } from 'vitest';
import { niceTicks, stepDecimals, tickLabel } from './scale';

describe('niceTicks', () => {
  it('rounds a span out to round steps', () => {
    expect(niceTicks(0, 64)).toEqual({ min: 0, max: 80, step: 20, values: [0, 20, 40, 60, 80] });
    expect(niceTicks(0, 7.3).values).toEqual([0, 2, 4, 6, 8]);
  });

  it('takes in a negative minimum', () => {
    const t = niceTicks(-130, 420);
    expect(t.min).toBeLessThanOrEqual(-130);
    expect(t.max).toBeGreaterThanOrEqual(420);
    expect(t.values).toContain(0);
  });

  it('keeps fractional steps free of floating error', () => {
    expect(niceTicks(0, 0.9).values).toEqual([0, 0.5, 1]);
    expect(niceTicks(0, 0.07).values).toEqual([0, 0.02, 0.04, 0.06, 0.08]);
  });

  it('gives an empty or broken span an axis', () => {
    expect(niceTicks(0, 0).values).toEqual([0, 0.5, 1]);
    expect(niceTicks(0, 10).values).toEqual([0, 5, 10]);
    expect(niceTicks(-5, -5).max).toBeGreaterThanOrEqual(-5);
    const broken = niceTicks(Number.NaN, Number.POSITIVE_INFINITY);
    expect(broken.values.every(Number.isFinite)).toBe(true);
    expect(broken.max).toBeGreaterThan(broken.min);
  });
});

describe('tickLabel', () => {
  it('writes as many decimals as the step needs, with a true minus', () => {
    expect(stepDecimals(2.5)).toBe(1);
    expect(tickLabel(1, 0.5, 'en-GB')).toBe('1.0');
    expect(tickLabel(1000, 500, 'en-GB')).toBe('1,000');
    expect(tickLabel(-100, 50, 'en-GB')).toBe('−100');
    expect(tickLabel(-0, 50, 'en-GB')).toBe('0');
  });
});
