//! A counter bumped whenever reminders change outside the Plan page (one fired, or the banner
//! acted on one), so the page reloads without listening to the scheduler itself.

export const reminderChanges = $state({ n: 0 });

export function remindersChanged(): void {
  reminderChanges.n += 1;
}
