//! The add/edit reminder form ⇄ the core's ReminderInput. The form holds the datetime-local
//! input's value, which is already the `YYYY-MM-DDTHH:MM` wall time the core wants.

import type { FieldError } from '../../lib/bindings/FieldError';
import type { Reminder } from '../../lib/bindings/Reminder';
import type { ReminderInput } from '../../lib/bindings/ReminderInput';
import { nowLocalMinute } from '../../lib/format';

export type ReminderForm = { text: string; when: string };

/** A new reminder defaults to an hour from now, on the minute. */
export function newReminderForm(now: Date = new Date()): ReminderForm {
  return { text: '', when: nowLocalMinute(new Date(now.getTime() + 3600_000)) };
}

/** Editing starts from the time the reminder was set for, as the runner wrote it. */
export function formFromReminder(r: Reminder): ReminderForm {
  return { text: r.text, when: r.wallLocal };
}

/**
 * Builds the input, or says which fields are missing. `zone` is the browser's for a new reminder
 * and the reminder's own when editing, so an edit made while travelling does not shift it.
 * Everything else (length, range, DST gaps) the core checks.
 */
export function toReminderInput(
  form: ReminderForm,
  zone: string,
): { ok: true; input: ReminderInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = form.text.trim();
  if (!text) errors.push({ field: 'text', code: 'required', message: 'Write what the reminder should say.' });
  // Some webviews hand back seconds ("…T09:00:00"); the core wants minutes.
  const when = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.exec(form.when.trim())?.[0];
  if (!when) errors.push({ field: 'wallLocal', code: 'required', message: 'Choose a date and time.' });
  if (errors.length > 0 || !when) return { ok: false, errors };
  return { ok: true, input: { text, wallLocal: when, zone } };
}
