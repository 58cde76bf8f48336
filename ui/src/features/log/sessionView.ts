//! What a row in the log says about a session, as plain strings. Kept out of the component so the
//! wording can be tested without a DOM.

import type { Session } from '../../lib/bindings/Session';
import type { SessionKind } from '../../lib/bindings/SessionKind';
import type { Units } from '../../lib/bindings/Units';
import { labelOf, PRESSURES, RACE_DISTANCES } from '../../lib/labels';
import { formatDistance, formatDuration, formatPace } from '../../lib/units';

export type KindGroup = 'run' | 'race' | 'massage' | 'recovery';

/** Badge tint family; the badge also carries the kind's name, so colour is never the only cue. */
export function kindGroup(kind: SessionKind): KindGroup {
  switch (kind) {
    case 'race':
      return 'race';
    case 'massage':
      return 'massage';
    case 'other_recovery':
      return 'recovery';
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
  if (d.kind !== 'massage' && d.kind !== 'other_recovery') {
    const pace = formatPace(raceTime ?? s.durationS, s.distanceM, units);
    if (pace) out.push(pace);
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
