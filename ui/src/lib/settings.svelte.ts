//! App-wide preferences every page reads. Held in one reactive object so a change of units on the
//! Settings page shows at once in the list and the form.

import type { Settings } from './bindings/Settings';

export const prefs = $state<Settings>({ units: 'km' });

export function applySettings(s: Settings): void {
  prefs.units = s.units;
}
