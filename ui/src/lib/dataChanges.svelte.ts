//! Keeping a page up to date with writes made elsewhere: another page, the reminder scheduler, a
//! restore. The Rust side sends `data-changed` after every write, naming the areas it touched; a
//! page names the areas it shows and re-reads them when one of them changes. "everything" (a
//! restore, a JSON import, delete-all) touches every area.
//!
//! A page refreshes in place, re-fetching what it shows, so the runner keeps their place.
//! Refreshes of one page never overlap: changes that arrive during one are folded into a single
//! refresh after it.

import type { DataArea } from './bindings/DataArea';
import { onDataChanged } from './api';

/** An area a page can show; "everything" is only ever a change. */
export type ShownArea = Exclude<DataArea, 'everything'>;

/** Re-reads what the page shows; `changed` holds every area changed since the last refresh. */
export type Refresh = (changed: DataArea[]) => void | Promise<void>;

/** Whether a write that changed `changed` touches any of `shown`. */
export function touches(changed: readonly DataArea[], shown: readonly ShownArea[]): boolean {
  return changed.some((a) => a === 'everything' || shown.includes(a));
}

/** Calls `refresh` after each write that touches `shown`, until the returned function is called. */
export function watchData(shown: readonly ShownArea[], refresh: Refresh): () => void {
  let pending: Set<DataArea> | null = null;
  let running = false;
  let stopped = false;

  async function drain() {
    running = true;
    while (pending && !stopped) {
      const changed = [...pending];
      pending = null;
      try {
        await refresh(changed);
      } catch (e) {
        // A refresh shows its own failures; one that throws anyway must not stop the next.
        console.error(e);
      }
    }
    running = false;
  }

  const unlisten = onDataChanged(({ areas }) => {
    if (stopped || !touches(areas, shown)) return;
    pending ??= new Set();
    for (const a of areas) pending.add(a);
    if (!running) void drain();
  });

  return () => {
    stopped = true;
    void unlisten.then((u) => u());
  };
}

/** `watchData` for as long as the calling component lives. An empty `shown` hears only "everything". */
export function refreshOn(shown: readonly ShownArea[], refresh: Refresh): void {
  $effect(() => watchData(shown, refresh));
}
