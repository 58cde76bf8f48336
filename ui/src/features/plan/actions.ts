//! One place that turns a row or banner button into its command, so the Plan page and the banner
//! cannot drift apart in what "Snooze" or "Done" means.

import { actOnReminder, deleteReminder, snoozeReminder } from '../../lib/api';
import type { Reminder } from '../../lib/bindings/Reminder';
import type { RowAction } from './timeline';

/** Runs the command for `action`; `open_chart` is navigation and has none. */
export async function runAction(r: Reminder, action: Exclude<RowAction, 'open_chart'>): Promise<Reminder> {
  switch (action) {
    case 'done':
      return actOnReminder(r.id, 'done');
    case 'dismiss':
      return actOnReminder(r.id, 'dismiss');
    case 'snooze_hour':
      return snoozeReminder(r.id, 'one_hour');
    case 'snooze_morning':
      return snoozeReminder(r.id, 'tomorrow_morning');
    case 'delete':
      return deleteReminder(r.id);
  }
}

/** Words for the live region after an action. */
export function actionDoneText(action: Exclude<RowAction, 'open_chart'>): string {
  return {
    done: 'Marked done.',
    dismiss: 'Dismissed.',
    snooze_hour: 'Snoozed for an hour.',
    snooze_morning: 'Snoozed until tomorrow morning.',
    delete: 'Reminder deleted.',
  }[action];
}
