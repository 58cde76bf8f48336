//! App-wide preferences every page reads. Held in one reactive object so a change of units on the
//! Settings page shows at once in the list and the form. `all` is the whole Settings as the core
//! last returned it, so a page that changes one value sends back the rest unchanged.

import type { Settings } from './bindings/Settings';
import type { Units } from './bindings/Units';

export const prefs = $state<{ units: Units; all: Settings | null }>({ units: 'km', all: null });

export function applySettings(s: Settings): void {
  prefs.units = s.units;
  prefs.all = s;
}
