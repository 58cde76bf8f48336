//! The "Reminders and recovery" settings form ⇄ Settings. Numbers are edited as text so a
//! half-typed value is not lost or coerced; the core checks ranges and names the field.

import type { FieldError } from '../../lib/bindings/FieldError';
import type { RecoveryRules } from '../../lib/bindings/RecoveryRules';
import type { Settings } from '../../lib/bindings/Settings';

/** The core's defaults (DESIGN.md, "Recovery rules after a race"). */
import type { RuleLimit } from '../../lib/bindings/RuleLimit';
import { DEFAULT_RULES, RULE_LIMITS } from '../../lib/generated/rules';
/** The core's defaults, generated from crates/core/src/recovery/rules.rs. */
export { DEFAULT_RULES };

type NumberRule = Exclude<keyof RecoveryRules, 'checkinHours'>;

/** The number rules in the order Settings shows them, with their labels and units. */
export const NUMBER_RULES: ReadonlyArray<{ key: NumberRule; label: string; unit: string }> = [
  { key: 'easyDaysPerMile', label: 'Easy days per mile raced', unit: 'days' },
  { key: 'noMassageHours', label: 'No massage after the finish for', unit: 'hours' },
  { key: 'lightFlushUntilHours', label: 'Light flush allowed until', unit: 'hours' },
  { key: 'sportsMassageFromHours', label: 'Sports massage from', unit: 'hours' },
  { key: 'sportsMassageToHours', label: 'Sports massage until', unit: 'hours' },
  { key: 'bookMassageDay', label: 'Reminder to book a massage on day', unit: 'after the race' },
  { key: 'preRaceNoDeepDays', label: 'No deep tissue in the last', unit: 'days before a race' },
  { key: 'preRaceLastMassageDays', label: 'Last massage at least', unit: 'days before a race' },
  { key: 'afterDeepNoHardHours', label: 'No hard session after deep tissue for', unit: 'hours' },
  { key: 'acuteInjuryNoMassageHours', label: 'No massage on swelling or bruising for', unit: 'hours' },
];

/** The range the core accepts for a rule, and why a safety rule has a floor (generated). */
export function ruleLimit(key: NumberRule): RuleLimit | undefined {
  return RULE_LIMITS.find((l) => l.field === key);
}

/** The line under a rule's input: its range, and for a safety rule why it cannot go lower. */
export function ruleHint(key: NumberRule): string {
  const l = ruleLimit(key);
  if (!l) return '';
  return l.whyMin ? `At least ${l.min}. ${l.whyMin}` : `From ${l.min} to ${l.max}.`;
}

export type ReminderSettingsForm = {
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
  morningTime: string;
  closeToTray: boolean;
  startAtLogin: boolean;
  checkinHours: string;
  rules: Record<NumberRule, string>;
};

export function formatCheckins(hours: readonly number[]): string {
  return hours.join(', ');
}

/** "24, 48, 72" → [24, 48, 72]. Spaces, commas or semicolons separate; anything else is refused. */
export function parseCheckins(text: string): number[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return [];
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return null;
    out.push(Number(p));
  }
  return out;
}

function rulesToText(rules: RecoveryRules): Record<NumberRule, string> {
  const out = {} as Record<NumberRule, string>;
  for (const { key } of NUMBER_RULES) out[key] = String(rules[key]);
  return out;
}

export function formFromSettings(s: Settings): ReminderSettingsForm {
  return {
    quietEnabled: s.quietHours.enabled,
    quietStart: s.quietHours.start,
    quietEnd: s.quietHours.end,
    morningTime: s.morningTime,
    closeToTray: s.closeToTray,
    startAtLogin: s.startAtLogin,
    checkinHours: formatCheckins(s.rules.checkinHours),
    rules: rulesToText(s.rules),
  };
}

/** The form with the rule values put back to the defaults; the other settings are kept. */
export function withDefaultRules(form: ReminderSettingsForm): ReminderSettingsForm {
  return { ...form, checkinHours: formatCheckins(DEFAULT_RULES.checkinHours), rules: rulesToText(DEFAULT_RULES) };
}

/** `quietHours.start` → `serr-quietHours-start`: ids cannot hold the dots field names use. */
export function settingsErrorId(field: string): string {
  return `serr-${field.replaceAll('.', '-')}`;
}

/**
 * Builds the whole Settings from `base` (what the core last returned, so units and anything this
 * form does not show go back unchanged) and the form, or names the fields that are not numbers.
 */
export function toSettings(
  base: Settings,
  form: ReminderSettingsForm,
): { ok: true; settings: Settings } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rules = { ...base.rules };
  for (const { key, label } of NUMBER_RULES) {
    const text = form.rules[key].trim();
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) {
      errors.push({ field: `rules.${key}`, code: 'invalid_format', message: `${label}: enter a number.` });
    } else {
      rules[key] = n;
    }
  }
  const checkins = parseCheckins(form.checkinHours);
  if (checkins === null) {
    errors.push({
      field: 'rules.checkinHours',
      code: 'invalid_format',
      message: 'Check-ins: whole hours separated by commas, e.g. 24, 48, 72.',
    });
  } else {
    rules.checkinHours = checkins;
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      ...base,
      quietHours: { enabled: form.quietEnabled, start: form.quietStart, end: form.quietEnd },
      morningTime: form.morningTime,
      closeToTray: form.closeToTray,
      startAtLogin: form.startAtLogin,
      rules,
    },
  };
}
