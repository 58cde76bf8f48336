//! Words for the core's enum values, and what an entry is called. Lists are ordered as the runner
//! should see them.

import type { MassageType } from './bindings/MassageType';
import type { Pressure } from './bindings/Pressure';
import type { RaceDistance } from './bindings/RaceDistance';
import type { RaceStatus } from './bindings/RaceStatus';
import type { RecoveryType } from './bindings/RecoveryType';
import type { Session } from './bindings/Session';
import type { SessionKind } from './bindings/SessionKind';
import type { SourceFormat } from './bindings/SourceFormat';
import type { Sport } from './bindings/Sport';

type Options<T extends string> = ReadonlyArray<{ value: T; label: string }>;

export const KINDS: Options<SessionKind> = [
  { value: 'easy_run', label: 'Easy run' },
  { value: 'long_run', label: 'Long run' },
  { value: 'workout', label: 'Workout' },
  { value: 'race', label: 'Race' },
  { value: 'massage', label: 'Massage' },
  { value: 'other_recovery', label: 'Other recovery' },
  { value: 'cross_training', label: 'Cross-training' },
];

export const SPORTS: Options<Sport> = [
  { value: 'cycling', label: 'Cycling' },
  { value: 'swimming', label: 'Swimming' },
  { value: 'rowing', label: 'Rowing' },
  { value: 'strength', label: 'Strength' },
  { value: 'walking', label: 'Walking' },
  { value: 'hiking', label: 'Hiking' },
  { value: 'other', label: 'Other sport' },
];

export const SOURCE_FORMATS: Record<SourceFormat, string> = { fit: 'FIT', tcx: 'TCX', gpx: 'GPX' };

export const RACE_DISTANCES: Options<RaceDistance> = [
  { value: '5k', label: '5K' },
  { value: '10k', label: '10K' },
  { value: 'half', label: 'Half marathon' },
  { value: 'marathon', label: 'Marathon' },
  { value: 'custom', label: 'Custom' },
];

export const RACE_STATUSES: Options<RaceStatus> = [
  { value: 'planned', label: 'Planned' },
  { value: 'done', label: 'Done' },
];

export const MASSAGE_TYPES: Options<MassageType> = [
  { value: 'sports', label: 'Sports massage' },
  { value: 'deep_tissue', label: 'Deep tissue' },
  { value: 'relaxation', label: 'Relaxation' },
  { value: 'self_massage', label: 'Self-massage' },
  { value: 'foam_rolling', label: 'Foam rolling' },
];

export const PRESSURES: Options<Pressure> = [
  { value: 'light', label: 'Light' },
  { value: 'medium', label: 'Medium' },
  { value: 'firm', label: 'Firm' },
];

export const RECOVERY_TYPES: Options<RecoveryType> = [
  { value: 'stretching', label: 'Stretching' },
  { value: 'yoga', label: 'Yoga' },
  { value: 'ice_bath', label: 'Ice bath' },
  { value: 'sleep_note', label: 'Sleep note' },
  { value: 'rest_day', label: 'Rest day' },
];

/** The label for a value, or the value itself if the core has grown a new one. */
export function labelOf<T extends string>(options: Options<T>, value: T): string {
  return options.find((o) => o.value === value)?.label ?? value;
}

export function kindLabel(kind: SessionKind): string {
  return labelOf(KINDS, kind);
}

/** An entry's name wherever it is listed: the Log's rows and the Body page's session picker. */
export function sessionTitle(s: Session): string {
  const d = s.details;
  switch (d.kind) {
    case 'race':
      return d.name.trim() || `${labelOf(RACE_DISTANCES, d.distance)} race`;
    case 'massage': {
      const type = labelOf(MASSAGE_TYPES, d.massageType);
      return d.therapist.trim() ? `${type} with ${d.therapist.trim()}` : type;
    }
    case 'other_recovery':
      return labelOf(RECOVERY_TYPES, d.recoveryType);
    case 'cross_training':
      return labelOf(SPORTS, d.sport);
    default:
      return kindLabel(d.kind);
  }
}
