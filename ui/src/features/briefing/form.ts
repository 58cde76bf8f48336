//! The Briefing page's form as plain data: its defaults from the profile, goal toggling, and the
//! request the core composes from. Free of Svelte and IPC so it is tested with plain objects.

import type { BriefingRequest } from '../../lib/bindings/BriefingRequest';
import type { Pressure } from '../../lib/bindings/Pressure';
import type { Profile } from '../../lib/bindings/Profile';
import { LIMITS } from '../../lib/generated/limits';

export const NOTE_MAX = LIMITS.briefingNoteMax;

export const PRESSURES: ReadonlyArray<{ value: Pressure | null; label: string; hint: string }> = [
  { value: null, label: 'No preference', hint: 'The therapist decides' },
  { value: 'light', label: 'Light', hint: 'Gentle, flushing work' },
  { value: 'medium', label: 'Medium', hint: 'Firm but comfortable' },
  { value: 'firm', label: 'Firm', hint: 'Deep work welcome' },
];

/** `YYYY-MM-DD` of `d` in the computer's local time. */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A fresh form: appointment today, sharing as the profile's ticks say, no goals yet. */
export function defaultRequest(profile: Profile, today: string, zone: string): BriefingRequest {
  return {
    appointment: today,
    zone,
    goals: [],
    pressure: null,
    shareContact: profile.shareContact,
    shareHealth: {
      injuries: profile.shareInjuries,
      medication: profile.shareMedication,
      allergies: profile.shareAllergies,
    },
    // Like health notes, these are the runner's to give: off until ticked.
    shareMarkNotes: false,
    shareMassageFeedback: false,
    flags: [],
    note: '',
  };
}

/** Ticks or unticks a red-flag sign the runner has now. */
export function toggleFlag(flags: readonly string[], id: string, on: boolean): string[] {
  const rest = flags.filter((f) => f !== id);
  return on ? [...rest, id] : rest;
}

/** Adds or removes a goal, keeping the order they were chosen in. */
export function toggleGoal(goals: readonly string[], id: string): string[] {
  return goals.includes(id) ? goals.filter((g) => g !== id) : [...goals, id];
}

/** What can be shared, for the "What to share" ticks: only what the profile actually holds. */
export function shareable(profile: Profile): Array<{ key: 'contact' | 'injuries' | 'medication' | 'allergies'; label: string; text: string }> {
  const all = [
    { key: 'contact' as const, label: 'Contact details', text: profile.contact },
    { key: 'injuries' as const, label: 'Injuries', text: profile.injuries },
    { key: 'medication' as const, label: 'Medication', text: profile.medication },
    { key: 'allergies' as const, label: 'Allergies', text: profile.allergies },
  ];
  return all.filter((s) => s.text.trim() !== '');
}

export function isShared(req: BriefingRequest, key: 'contact' | 'injuries' | 'medication' | 'allergies'): boolean {
  return key === 'contact' ? req.shareContact : req.shareHealth[key];
}

export function withShared(
  req: BriefingRequest,
  key: 'contact' | 'injuries' | 'medication' | 'allergies',
  on: boolean,
): BriefingRequest {
  if (key === 'contact') return { ...req, shareContact: on };
  return { ...req, shareHealth: { ...req.shareHealth, [key]: on } };
}

/** What the sheet's buttons do with it. */
export type SheetAction = 'print' | 'pdf' | 'html';

/** A stable key for a request: the preview reloads only when it changes. */
export function requestKey(req: BriefingRequest): string {
  return JSON.stringify(req);
}
