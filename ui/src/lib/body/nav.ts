//! Arrow-key movement between regions. Regions are grouped into rows down the body; left and right
//! follow the screen (crossing from the front figure into the back one and back), up and down move
//! to the nearest region in the row above or below. Rows are sorted by where the shapes are drawn,
//! so the order always matches what the runner sees.

import type { View } from '../bindings/View';
import { SHAPES, VIEWS } from './figure';

export type Direction = 'up' | 'down' | 'left' | 'right';

const ROW_GROUPS: Record<View, string[][]> = {
  front: [
    ['shoulder_r', 'chest', 'shoulder_l'],
    ['abdomen'],
    ['hip_flexor_r', 'hip_flexor_l'],
    ['it_band_r', 'quadriceps_r', 'adductor_r', 'adductor_l', 'quadriceps_l', 'it_band_l'],
    ['knee_r', 'knee_l'],
    ['shin_r', 'shin_l'],
    ['ankle_r', 'ankle_l'],
  ],
  back: [
    ['neck_shoulders'],
    ['upper_back'],
    ['lower_back'],
    ['hip_outer_l', 'glute_l', 'glute_r', 'hip_outer_r'],
    ['hamstring_l', 'hamstring_r'],
    ['calf_l', 'calf_r'],
    ['achilles_l', 'achilles_r'],
    ['plantar_l', 'plantar_r'],
  ],
};

function shape(id: string) {
  const s = SHAPES.get(id);
  if (!s) throw new Error(`no shape for region ${id}`);
  return s;
}

const x = (id: string) => shape(id).centre[0];
const y = (id: string) => shape(id).centre[1];
const rowY = (row: string[]) => row.reduce((sum, id) => sum + y(id), 0) / row.length;

/** Rows per view, each sorted left to right as drawn. */
export const ROWS: Record<View, string[][]> = {
  front: ROW_GROUPS.front.map((r) => [...r].sort((a, b) => x(a) - x(b))),
  back: ROW_GROUPS.back.map((r) => [...r].sort((a, b) => x(a) - x(b))),
};

/** Views in screen order, left to right. */
const ORDER: View[] = VIEWS.map((v) => v.view);

function locate(id: string): { view: View; row: number; col: number } | null {
  for (const view of ORDER) {
    const rows = ROWS[view];
    for (let row = 0; row < rows.length; row++) {
      const col = rows[row].indexOf(id);
      if (col >= 0) return { view, row, col };
    }
  }
  return null;
}

function nearestByX(row: string[], targetX: number): string {
  return row.reduce((best, id) => (Math.abs(x(id) - targetX) < Math.abs(x(best) - targetX) ? id : best));
}

function nearestRow(view: View, targetY: number): string[] {
  return ROWS[view].reduce((best, row) => (Math.abs(rowY(row) - targetY) < Math.abs(rowY(best) - targetY) ? row : best));
}

/** The region an arrow key moves to; the same region when there is nowhere to go that way. */
export function neighbour(id: string, dir: Direction): string {
  const at = locate(id);
  if (!at) return id;
  const rows = ROWS[at.view];
  const row = rows[at.row];
  if (dir === 'up' || dir === 'down') {
    const next = rows[at.row + (dir === 'up' ? -1 : 1)];
    return next ? nearestByX(next, x(id)) : id;
  }
  const step = dir === 'left' ? -1 : 1;
  const inRow = row[at.col + step];
  if (inRow) return inRow;
  // Off the end of a row: continue into the other figure at the same height, if there is one.
  const otherView = ORDER[ORDER.indexOf(at.view) + step];
  if (!otherView) return id;
  const target = nearestRow(otherView, rowY(row));
  return step > 0 ? target[0] : target[target.length - 1];
}

export function directionOf(key: string): Direction | null {
  switch (key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    default:
      return null;
  }
}
