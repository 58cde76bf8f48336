import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../lib/bindings/Reminder';
import { formFromReminder, newReminderForm, toReminderInput } from './reminderForm';

describe('reminder form', () => {
  it('defaults to an hour from now', () => {
    const form = newReminderForm(new Date(2024, 4, 6, 23, 30, 45));
    expect(form).toEqual({ text: '', when: '2024-05-07T00:30' });
  });

  it('builds the input with the given zone, trimming text and seconds', () => {
    expect(toReminderInput({ text: '  Stretch  ', when: '2024-05-06T09:00:00' }, 'Europe/London')).toEqual({
      ok: true,
      input: { text: 'Stretch', wallLocal: '2024-05-06T09:00', zone: 'Europe/London' },
    });
  });

  it('names missing fields by the core field ids', () => {
    const out = toReminderInput({ text: ' ', when: '' }, 'UTC');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors.map((e) => e.field)).toEqual(['text', 'wallLocal']);
  });

  it('edits from the wall time the reminder was set for', () => {
    const r = { text: 'Check in', wallLocal: '2024-05-06T09:00', zone: 'America/New_York' } as Reminder;
    expect(formFromReminder(r)).toEqual({ text: 'Check in', when: '2024-05-06T09:00' });
  });
});
