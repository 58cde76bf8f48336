//! Test data shared by the chart-logic tests.

import type { Mark } from '../bindings/Mark';

/** The canonical region ids (DESIGN.md "Body regions"), written out so the tests do not trust the figure. */
const pairs = (view: 'front' | 'back', bases: string[]) =>
  bases.flatMap((b) => [`${b}_l`, `${b}_r`].map((id) => ({ id, view })));

export const DESIGN_REGIONS: ReadonlyArray<{ id: string; view: 'front' | 'back' }> = [
  ...pairs('front', ['shoulder', 'hip_flexor', 'adductor', 'quadriceps', 'it_band', 'knee', 'shin', 'ankle']),
  { id: 'chest', view: 'front' },
  { id: 'abdomen', view: 'front' },
  { id: 'neck_shoulders', view: 'back' },
  { id: 'upper_back', view: 'back' },
  { id: 'lower_back', view: 'back' },
  ...pairs('back', ['glute', 'hip_outer', 'hamstring', 'calf', 'achilles', 'plantar']),
];

export function mark(over: Partial<Mark> & { regionId: string }): Mark {
  return {
    id: `m-${over.regionId}-${over.atUtc ?? 'x'}`,
    sensation: 'sore',
    intensity: 4,
    swelling: false,
    bruising: false,
    note: '',
    atUtc: '2024-05-03T07:00:00Z',
    atLocal: '2024-05-03T08:00',
    zone: 'Europe/London',
    sessionId: null,
    createdAt: '2024-05-03T07:00:00Z',
    updatedAt: '2024-05-03T07:00:00Z',
    ...over,
  };
}
