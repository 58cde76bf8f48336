//! The entry form's state and its mapping to and from `SessionInput`. The form holds text exactly
//! as typed; numbers are parsed only on submit. The core does the validating: this module reports
//! only text it cannot turn into a number at all, so the runner never sees two sets of rules.

import type { FieldError } from '../../lib/bindings/FieldError';
import type { MassageType } from '../../lib/bindings/MassageType';
import type { Pressure } from '../../lib/bindings/Pressure';
import type { RaceDistance } from '../../lib/bindings/RaceDistance';
import type { RaceStatus } from '../../lib/bindings/RaceStatus';
import type { RecoveryType } from '../../lib/bindings/RecoveryType';
import type { Session } from '../../lib/bindings/Session';
import type { SessionDetails } from '../../lib/bindings/SessionDetails';
import type { SessionInput } from '../../lib/bindings/SessionInput';
import type { SessionKind } from '../../lib/bindings/SessionKind';
import type { Sport } from '../../lib/bindings/Sport';
import type { Units } from '../../lib/bindings/Units';
import { LIMITS } from '../../lib/generated/limits';
import { distanceInputValue, formatDuration, parseDistance, parseDuration, unitToMetres } from '../../lib/units';

export const NOTES_MAX = LIMITS.sessionNotesMax;

export interface FormState {
  kind: SessionKind;
  start: string;
  zone: string;
  duration: string;
  distance: string;
  rpe: string;
  notes: string;
  raceName: string;
  raceDistance: RaceDistance;
  raceStatus: RaceStatus;
  finishTime: string;
  massageType: MassageType;
  therapist: string;
  pressure: Pressure | '';
  focusRegions: string[];
  feltAfter: string;
  recoveryType: RecoveryType;
  sport: Sport;
}

/** Metres of each standard race distance, as the core fills them in. */
export const RACE_METRES: Record<RaceDistance, number | null> = {
  '5k': 5000,
  '10k': 10000,
  half: 21097.5,
  marathon: 42195,
  custom: null,
};

export function isRun(kind: SessionKind): boolean {
  return kind === 'easy_run' || kind === 'long_run' || kind === 'workout';
}

export interface Visible {
  distance: boolean;
  race: boolean;
  finishTime: boolean;
  massage: boolean;
  recovery: boolean;
  cross: boolean;
}

/** Which optional parts of the form a kind shows. */
export function visibleFields(form: Pick<FormState, 'kind' | 'raceStatus'>): Visible {
  const race = form.kind === 'race';
  return {
    // A ride or a swim has a distance too; it never counts as running distance.
    distance: isRun(form.kind) || race || form.kind === 'cross_training',
    race,
    finishTime: race && form.raceStatus === 'done',
    massage: form.kind === 'massage',
    recovery: form.kind === 'other_recovery',
    cross: form.kind === 'cross_training',
  };
}

/** Whether the distance field must be filled: only a custom race has no standard length. */
export function distanceRequired(form: Pick<FormState, 'kind' | 'raceDistance'>): boolean {
  return form.kind === 'race' && form.raceDistance === 'custom';
}

export function emptyForm(start: string, zone: string, kind: SessionKind = 'easy_run'): FormState {
  return {
    kind,
    start,
    zone,
    duration: '',
    distance: '',
    rpe: '',
    notes: '',
    raceName: '',
    raceDistance: '10k',
    raceStatus: 'done',
    finishTime: '',
    massageType: 'sports',
    therapist: '',
    pressure: '',
    focusRegions: [],
    feltAfter: '',
    recoveryType: 'stretching',
    sport: 'cycling',
  };
}

export function formFromSession(s: Session, units: Units): FormState {
  const f = emptyForm(s.startLocal, s.zone, s.details.kind);
  f.duration = s.durationS == null ? '' : formatDuration(s.durationS);
  f.distance = s.distanceM == null ? '' : distanceInputValue(s.distanceM, units);
  f.rpe = s.rpe == null ? '' : String(s.rpe);
  f.notes = s.notes;
  const d = s.details;
  if (d.kind === 'race') {
    f.raceName = d.name;
    f.raceDistance = d.distance;
    f.raceStatus = d.status;
    f.finishTime = d.finishTimeS == null ? '' : formatDuration(d.finishTimeS);
    // The core stores a standard race's own length; showing it rounded would save it back altered.
    const standard = RACE_METRES[d.distance];
    if (standard != null && s.distanceM != null && Math.abs(s.distanceM - standard) < 1) f.distance = '';
  } else if (d.kind === 'massage') {
    f.massageType = d.massageType;
    f.therapist = d.therapist;
    f.pressure = d.pressure ?? '';
    f.focusRegions = [...d.focusRegions];
    f.feltAfter = d.feltAfter;
  } else if (d.kind === 'other_recovery') {
    f.recoveryType = d.recoveryType;
  } else if (d.kind === 'cross_training') {
    f.sport = d.sport;
  }
  return f;
}

function details(f: FormState, finishTimeS: number | null): SessionDetails {
  switch (f.kind) {
    case 'race':
      return {
        kind: 'race',
        name: f.raceName,
        distance: f.raceDistance,
        status: f.raceStatus,
        finishTimeS: f.raceStatus === 'done' ? finishTimeS : null,
      };
    case 'massage':
      return {
        kind: 'massage',
        massageType: f.massageType,
        therapist: f.therapist,
        pressure: f.pressure === '' ? null : f.pressure,
        focusRegions: [...f.focusRegions],
        feltAfter: f.feltAfter,
      };
    case 'other_recovery':
      return { kind: 'other_recovery', recoveryType: f.recoveryType };
    case 'cross_training':
      return { kind: 'cross_training', sport: f.sport };
    default:
      return { kind: f.kind };
  }
}

export type ToInput = { ok: true; input: SessionInput } | { ok: false; errors: FieldError[] };

const unreadable = (field: string, message: string): FieldError => ({ field, code: 'invalid_format', message });

/**
 * Builds what the core receives. Fields hidden for the kind are left out, so switching kind
 * mid-entry never sends a stale distance or finish time.
 */
export function toInput(f: FormState, units: Units): ToInput {
  const errors: FieldError[] = [];
  const vis = visibleFields(f);

  const durationS = parseDuration(f.duration);
  if (Number.isNaN(durationS)) {
    errors.push(unreadable('duration', 'Duration must look like h:mm:ss or mm:ss, e.g. 45:00.'));
  }
  let finishTimeS: number | null = null;
  if (vis.finishTime) {
    finishTimeS = parseDuration(f.finishTime);
    if (Number.isNaN(finishTimeS)) {
      errors.push(unreadable('finishTime', 'Finish time must look like h:mm:ss or mm:ss, e.g. 3:59:30.'));
    }
  }
  let distanceM: number | null = null;
  if (vis.distance) {
    const d = parseDistance(f.distance);
    if (d != null && Number.isNaN(d)) {
      errors.push(unreadable('distance', `Distance must be a number of ${units}, e.g. 10.5.`));
    } else if (d != null) {
      distanceM = unitToMetres(d, units);
    }
  }
  let rpe: number | null = null;
  const rpeText = f.rpe.trim();
  if (rpeText !== '') {
    if (/^[-+]?\d+$/.test(rpeText)) rpe = Number(rpeText);
    else errors.push(unreadable('rpe', 'Effort must be a whole number from 1 to 10.'));
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      // datetime-local may carry seconds when the browser was given them; the core wants minutes.
      startLocal: f.start.slice(0, 16),
      zone: f.zone,
      durationS,
      distanceM,
      rpe,
      notes: f.notes,
      details: details(f, finishTimeS),
    },
  };
}

/** Field ids the form shows for its current kind; errors for others go to the banner. */
export function shownFields(f: Pick<FormState, 'kind' | 'raceStatus'>): Set<string> {
  const vis = visibleFields(f);
  const ids = ['start', 'duration', 'rpe', 'notes'];
  if (vis.distance) ids.push('distance');
  if (vis.race) ids.push('raceName', 'raceDistance', 'raceStatus');
  if (vis.finishTime) ids.push('finishTime');
  if (vis.massage) ids.push('massageType', 'therapist', 'pressure', 'focusRegions', 'feltAfter');
  if (vis.recovery) ids.push('recoveryType');
  if (vis.cross) ids.push('sport');
  return new Set(ids);
}
