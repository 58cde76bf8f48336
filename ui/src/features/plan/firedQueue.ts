//! The reminder banner's queue: fired reminders not yet answered, newest first. Plain functions of
//! plain data, so what stays in the banner after a restore is tested without a window.

import type { ReminderFired } from '../../lib/api';
import type { Reminder } from '../../lib/bindings/Reminder';

/** `fired` on top; a reminder fired again (after a snooze) moves up instead of showing twice. */
export function withFired(queue: readonly ReminderFired[], fired: ReminderFired): ReminderFired[] {
  return [fired, ...queue.filter((q) => q.reminder.id !== fired.reminder.id)];
}

/**
 * Reminders fired or delivered since `since` (epoch ms) that the queue lacks, appended. The
 * scheduler fires missed reminders as the app starts, and delivers again the ones a crash kept
 * from being delivered, which can be before the banner listens: those were fired in the run that
 * crashed, so their delivery time is what says they belong to this one.
 */
export function withMissed(queue: readonly ReminderFired[], list: readonly Reminder[], since: number): ReminderFired[] {
  const out = [...queue];
  const at = (t: string | null) => (t ? Date.parse(t) : NaN);
  for (const r of list) {
    const recent = at(r.firedAt) >= since || at(r.deliveredAt) >= since;
    if (r.state === 'fired' && recent && !out.some((q) => q.reminder.id === r.id)) {
      out.push({ reminder: r, deliveryError: r.deliveryError });
    }
  }
  return out;
}

/**
 * After the data was replaced: of the reminders `asked` about, those `list` no longer holds as
 * fired go, the rest take their stored state. One that fired while `list` was read is newer than
 * it, so it stays.
 */
export function stillFired(
  queue: readonly ReminderFired[],
  asked: ReadonlySet<string>,
  list: readonly Reminder[],
): ReminderFired[] {
  const fired = new Map(list.filter((r) => r.state === 'fired').map((r) => [r.id, r]));
  return queue.flatMap((q) => {
    if (!asked.has(q.reminder.id)) return [q];
    const r = fired.get(q.reminder.id);
    return r ? [{ ...q, reminder: r }] : [];
  });
}
