import { describe, expect, it } from 'vitest';
import { directionOf, neighbour, ROWS, type Direction } from './nav';
import { DESIGN_REGIONS } from './fixtures';

const DIRS: Direction[] = ['up', 'down', 'left', 'right'];
const ALL = DESIGN_REGIONS.map((r) => r.id);

function reachable(from: string): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    const id = queue.shift()!;
    for (const d of DIRS) {
      const next = neighbour(id, d);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('keyboard navigation', () => {
  it('puts every region in exactly one row', () => {
    const ids = [...ROWS.front, ...ROWS.back].flat();
    expect(ids.sort()).toEqual([...ALL].sort());
  });

  it('reaches every region from every region (no dead ends)', () => {
    for (const id of ALL) expect(reachable(id).size, id).toBe(ALL.length);
  });

  it('moves across the body the way it is drawn', () => {
    // Front view: runner's right is on the viewer's left.
    expect(neighbour('knee_r', 'right')).toBe('knee_l');
    expect(neighbour('knee_l', 'left')).toBe('knee_r');
    expect(neighbour('knee_r', 'down')).toBe('shin_r');
    expect(neighbour('shin_r', 'up')).toBe('knee_r');
    expect(neighbour('shoulder_r', 'right')).toBe('chest');
    // Back view: runner's left is on the viewer's left.
    expect(neighbour('calf_l', 'right')).toBe('calf_r');
    expect(neighbour('calf_l', 'down')).toBe('achilles_l');
    expect(neighbour('achilles_r', 'down')).toBe('plantar_r');
  });

  it('crosses between the figures at the same height', () => {
    expect(neighbour('shin_l', 'right')).toBe('calf_l');
    expect(neighbour('calf_l', 'left')).toBe('shin_l');
    expect(neighbour('shoulder_l', 'right')).toBe('neck_shoulders');
  });

  it('stays put at the outer edges', () => {
    expect(neighbour('shoulder_r', 'left')).toBe('shoulder_r');
    expect(neighbour('plantar_r', 'right')).toBe('plantar_r');
    expect(neighbour('neck_shoulders', 'up')).toBe('neck_shoulders');
    expect(neighbour('unknown', 'up')).toBe('unknown');
  });

  it('maps only the arrow keys', () => {
    expect(directionOf('ArrowUp')).toBe('up');
    expect(directionOf('ArrowRight')).toBe('right');
    expect(directionOf('Enter')).toBeNull();
  });
});
