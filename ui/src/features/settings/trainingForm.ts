//! The Settings page's training section as plain data: what TRIMP is worked out with (resting and
//! maximum heart rate, sex) and how imports read activities (the long-run threshold, the zone for
//! files without one). The form holds text; numbers are read on save, and the core checks them.

import type { FieldError } from '../../lib/bindings/FieldError';
import type { Settings } from '../../lib/bindings/Settings';
import type { Sex } from '../../lib/bindings/Sex';

export interface TrainingForm {
  restingHr: string;
  maxHr: string;
  sex: Sex | '';
  longRunMinutes: string;
  zone: string;
}

export const SEXES: ReadonlyArray<{ value: Sex | ''; label: string }> = [
  { value: '', label: 'Not given' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
];

export function trainingForm(s: Settings): TrainingForm {
  return {
    restingHr: s.profile.restingHr == null ? '' : String(s.profile.restingHr),
    maxHr: s.profile.maxHr == null ? '' : String(s.profile.maxHr),
    sex: s.profile.sex ?? '',
    longRunMinutes: String(s.import.longRunMinutes),
    zone: s.import.zone,
  };
}

function whole(text: string): number | null | typeof NaN {
  const t = text.trim();
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

/** The settings to save, or the fields that are not whole numbers. */
export function withTraining(
  all: Settings,
  f: TrainingForm,
): { ok: true; settings: Settings } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const num = (text: string, field: string, label: string) => {
    const n = whole(text);
    if (Number.isNaN(n)) errors.push({ field, code: 'invalid_format', message: `${label}: enter a whole number.` });
    return Number.isNaN(n) ? null : n;
  };
  const restingHr = num(f.restingHr, 'profile.restingHr', 'Resting heart rate');
  const maxHr = num(f.maxHr, 'profile.maxHr', 'Maximum heart rate');
  const longRun = num(f.longRunMinutes, 'import.longRunMinutes', 'Long run');
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      ...all,
      profile: { ...all.profile, restingHr, maxHr, sex: f.sex === '' ? null : f.sex },
      import: { longRunMinutes: longRun ?? all.import.longRunMinutes, zone: f.zone.trim() },
    },
  };
}
