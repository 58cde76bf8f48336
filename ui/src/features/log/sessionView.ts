//! What a row in the log says about a session, as plain strings. Kept out of the component so the
//! wording can be tested without a DOM.

import type { Session } from '../../lib/bindings/Session';
import type { SessionKind } from '../../lib/bindings/SessionKind';
import type { Units } from '../../lib/bindings/Units';
import { labelOf, PRESSURES, RACE_DISTANCES, SOURCE_FORMATS } from '../../lib/labels';
import { formatDistance, formatDuration, formatPace } from '../../lib/units';

export type KindGroup = 'run' | 'race' | 'massage' | 'recovery' | 'cross';

/** Badge tint family; the badge also carries the kind's name, so colour is never the only cue. */
export function kindGroup(kind: SessionKind): KindGroup {
  switch (kind) {
    case 'race':
      return 'race';
    case 'massage':
      return 'massage';
    case 'other_recovery':
      return 'recovery';
    case 'cross_training':
      return 'cross';
    default:
      return 'run';
  }
}

/** Up to this many focus areas are named in a row; more are counted, to keep the row one line. */
const FOCUS_NAMED_MAX = 3;

/**
 * The short facts shown under the title, in reading order. `regionLabels` (id → "Left calf") names a
 * massage's focus areas once the region list has loaded; until then they are counted.
 */
export function sessionStats(
  s: Session,
  units: Units,
  locale?: string,
  regionLabels?: ReadonlyMap<string, string>,
): string[] {
  const d = s.details;
  const out: string[] = [];
  if (d.kind === 'race') {
    out.push(d.status === 'planned' ? 'Planned' : 'Done');
    if (d.distance !== 'custom') out.push(labelOf(RACE_DISTANCES, d.distance));
  }
  if (s.distanceM != null && !(d.kind === 'race' && d.distance !== 'custom')) {
    out.push(formatDistance(s.distanceM, units, locale));
  }
  // A race's chip time is its pace clock; the session duration may include warm-up.
  const raceTime = d.kind === 'race' ? d.finishTimeS : null;
  if (raceTime != null) out.push(`Finish ${formatDuration(raceTime)}`);
  else if (s.durationS != null) out.push(formatDuration(s.durationS));
  // A pace means something for runs only: a ride at "2:10 /km" would read as a sprint.
  if (d.kind !== 'massage' && d.kind !== 'other_recovery' && d.kind !== 'cross_training') {
    const pace = formatPace(raceTime ?? s.durationS, s.distanceM, units);
    if (pace) out.push(pace);
  }
  const m = s.measured;
  if (m) {
    if (m.avgHr != null) out.push(`HR ${m.avgHr}${m.maxHr != null ? `/${m.maxHr}` : ''} bpm`);
    if (m.ascentM != null && m.ascentM >= 1) out.push(`↑ ${Math.round(m.ascentM)} m`);
    if (m.cadenceSpm != null && d.kind !== 'cross_training') out.push(`${Math.round(m.cadenceSpm)} spm`);
    if (m.trimp != null) out.push(`TRIMP ${Math.round(m.trimp)}`);
  }
  if (d.kind === 'massage') {
    if (d.pressure) out.push(`${labelOf(PRESSURES, d.pressure)} pressure`);
    const n = d.focusRegions.length;
    const names = d.focusRegions.map((id) => regionLabels?.get(id));
    if (n > 0 && n <= FOCUS_NAMED_MAX && names.every((x) => x !== undefined)) {
      out.push(`Focus: ${names.join(', ')}`);
    } else if (n > 0) {
      out.push(n === 1 ? '1 focus area' : `${n} focus areas`);
    }
  }
  if (s.rpe != null) out.push(`RPE ${s.rpe}`);
  return out;
}

/**
 * Where an imported entry came from, and where its time zone did: "Forerunner 935, FIT · zone
 * from the file" (a FIT file records the local time) or "… · zone from Settings"; null for an
 * entry typed in.
 */
export function sourceLine(s: Session): string | null {
  const src = s.measured?.source;
  if (!src) return null;
  const device = s.measured?.device?.trim();
  const what = device ? `${device}, ${SOURCE_FORMATS[src.format]}` : `${SOURCE_FORMATS[src.format]} file`;
  return `${what} · zone from ${s.measured?.zoneFromFile ? 'the file' : 'Settings'}`;
}
