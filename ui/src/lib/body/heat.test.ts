import { describe, expect, it } from 'vitest';
import { intensityBucket, regionStates } from './heat';
import { mark } from './fixtures';

describe('intensityBucket', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
    [5, 3],
    [6, 3],
    [7, 4],
    [8, 4],
    [9, 5],
    [10, 5],
  ])('intensity %i is bucket %i', (n, bucket) => {
    expect(intensityBucket(n)).toBe(bucket);
  });

  it('clamps what should never arrive', () => {
    expect(intensityBucket(-3)).toBe(0);
    expect(intensityBucket(42)).toBe(5);
    expect(intensityBucket(Number.NaN)).toBe(0);
  });
});

describe('regionStates', () => {
  it('keeps the latest mark per region', () => {
    const states = regionStates([
      mark({ regionId: 'calf_l', intensity: 6, atUtc: '2024-05-03T07:00:00Z' }),
      mark({ regionId: 'calf_l', intensity: 2, atUtc: '2024-05-05T07:00:00Z' }),
      mark({ regionId: 'calf_l', intensity: 9, atUtc: '2024-05-01T07:00:00Z' }),
      mark({ regionId: 'shin_r', intensity: 8, sensation: 'pain' }),
    ]);
    expect(states.size).toBe(2);
    expect(states.get('calf_l')).toMatchObject({ intensity: 2, bucket: 1, hatched: false, flagged: false });
    expect(states.get('shin_r')).toMatchObject({ intensity: 8, bucket: 4, hatched: true, flagged: true });
  });

  it('breaks a tie in time by which was saved last, as the core does', () => {
    const states = regionStates([
      mark({ regionId: 'knee_l', id: 'b', intensity: 7, updatedAt: '2024-05-03T07:05:00Z' }),
      mark({ regionId: 'knee_l', id: 'a', intensity: 1, updatedAt: '2024-05-03T07:01:00Z' }),
    ]);
    expect(states.get('knee_l')?.intensity).toBe(7);
  });

  it('flags swelling without hatching it', () => {
    const s = regionStates([mark({ regionId: 'ankle_l', swelling: true })]).get('ankle_l');
    expect(s).toMatchObject({ hatched: false, flagged: true });
  });
});
