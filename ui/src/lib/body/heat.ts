//! Turning heat-map marks into what each region on the chart shows: a colour bucket, the number,
//! and a hatch for pain or injury, so the map never relies on colour alone.

import type { Mark } from '../bindings/Mark';
import type { Sensation } from '../bindings/Sensation';
import { needsRedFlags } from './redFlags';

/** Window lengths the runner can pick, in days. */
export const WINDOWS = [3, 7, 14, 30] as const;
export const DEFAULT_WINDOW = 7;

/** Six steps of a sequential palette; 0 is "marked, but no discomfort". */
export type Bucket = 0 | 1 | 2 | 3 | 4 | 5;

export const BUCKETS: ReadonlyArray<{ bucket: Bucket; label: string }> = [
  { bucket: 0, label: '0' },
  { bucket: 1, label: '1–2' },
  { bucket: 2, label: '3–4' },
  { bucket: 3, label: '5–6' },
  { bucket: 4, label: '7–8' },
  { bucket: 5, label: '9–10' },
];

/** Pairs of intensities share a colour: finer steps would be hard to tell apart. */
export function intensityBucket(intensity: number): Bucket {
  if (!Number.isFinite(intensity) || intensity <= 0) return 0;
  const clamped = Math.min(10, Math.round(intensity));
  return Math.ceil(clamped / 2) as Bucket;
}

export interface RegionState {
  regionId: string;
  intensity: number;
  bucket: Bucket;
  sensation: Sensation;
  /** Pain or injury: drawn with a hatch on top of the colour. */
  hatched: boolean;
  /** The red-flag guidance applies to this mark. */
  flagged: boolean;
  mark: Mark;
}

/** Orders marks by when they were observed, then by when they were saved, as the core's heat map does. */
function newer(a: Mark, b: Mark): boolean {
  const ta = Date.parse(a.atUtc);
  const tb = Date.parse(b.atUtc);
  if (ta !== tb) return ta > tb;
  return Date.parse(a.updatedAt) >= Date.parse(b.updatedAt);
}

/** The latest mark per region. The core already sends one per region; this holds if it sends more. */
export function regionStates(marks: readonly Mark[]): Map<string, RegionState> {
  const latest = new Map<string, Mark>();
  for (const m of marks) {
    const prev = latest.get(m.regionId);
    if (!prev || newer(m, prev)) latest.set(m.regionId, m);
  }
  const states = new Map<string, RegionState>();
  for (const [regionId, mark] of latest) {
    states.set(regionId, {
      regionId,
      intensity: mark.intensity,
      bucket: intensityBucket(mark.intensity),
      sensation: mark.sensation,
      hatched: mark.sensation === 'pain' || mark.sensation === 'injury',
      flagged: needsRedFlags(mark),
      mark,
    });
  }
  return states;
}
