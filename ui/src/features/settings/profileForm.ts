//! The Settings page's profile section as plain data.

import type { Paper } from '../../lib/bindings/Paper';
import type { Profile } from '../../lib/bindings/Profile';
import type { Settings } from '../../lib/bindings/Settings';
import { LIMITS } from '../../lib/generated/limits';

export const PROFILE_LIMITS = {
  name: LIMITS.profileNameMax,
  contact: LIMITS.profileContactMax,
  note: LIMITS.profileNoteMax,
} as const;

export const PAPERS: ReadonlyArray<{ value: Paper; label: string; hint: string }> = [
  { value: 'a4', label: 'A4', hint: '210 × 297 mm' },
  { value: 'letter', label: 'US Letter', hint: '8.5 × 11 in' },
];

/** The field ids the core names in its errors, e.g. `profile.allergies`. */
export type ProfileField = 'name' | 'contact' | 'injuries' | 'medication' | 'allergies';

/** Client-side length checks with the core's limits and words, so most mistakes need no round trip. */
export function checkProfile(p: Profile): Record<string, string> {
  const errs: Record<string, string> = {};
  const check = (field: ProfileField, label: string, max: number) => {
    if ([...p[field]].length > max) errs[`profile.${field}`] = `${label} can be at most ${max} characters.`;
  };
  check('name', 'Name', PROFILE_LIMITS.name);
  check('contact', 'Contact', PROFILE_LIMITS.contact);
  check('injuries', 'Injuries', PROFILE_LIMITS.note);
  check('medication', 'Medication', PROFILE_LIMITS.note);
  check('allergies', 'Allergies', PROFILE_LIMITS.note);
  return errs;
}

/** The settings to save: everything as it was, with this profile. */
export function withProfile(all: Settings, profile: Profile): Settings {
  return { ...all, profile: { ...profile } };
}
