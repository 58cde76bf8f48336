//! Which page the window shows, and which pages stay alive while another one is shown.
//!
//! The pages that show the runner's data (Today, Log, Body, Plan) and the static Benefits stay
//! mounted, hidden, once visited: going back to one shows it as it was left, in the next frame,
//! instead of building it again behind a "Loading…" frame (in make bench-app, 35–80 ms a switch).
//! They can: each already re-reads what it shows when a write touches it (dataChanges), so a
//! hidden page is never stale. Briefing and Settings are forms seeded from the settings when they
//! open, and Briefing holds a composed sheet; they start afresh on every visit, as a runner expects
//! of a form.
//!
//! Each page keeps its own scroll position, as a browser's tabs do.
//!
//! The Log and the Body page are also built ahead, hidden, once the first screen is up (`warm`):
//! they are the pages a runner goes to most after Today, and the two that take longest to build,
//! so their first visit is as quick as a later one.

import type { PageId } from './nav';

export const KEPT_ALIVE: ReadonlySet<PageId> = new Set<PageId>(['today', 'log', 'body', 'plan', 'benefits']);

/** The pages built ahead, hidden, after the first screen (see above), in this order. */
export const WARMED: readonly PageId[] = ['log', 'body'];

export class PageNav {
  current = $state<PageId>('today');
  /** Kept-alive pages visited so far: they stay mounted. Replaced whole, so `$state.raw`. */
  #visited = $state.raw<ReadonlySet<PageId>>(new Set());
  #scroll = new Map<PageId, number>();

  constructor(first: PageId = 'today') {
    this.current = first;
    this.#visited = new Set(KEPT_ALIVE.has(first) ? [first] : []);
  }

  /** Whether a page is in the document: the one shown, and every kept-alive page visited. */
  mounted(id: PageId): boolean {
    return id === this.current || this.#visited.has(id);
  }

  /** Builds a kept-alive page ahead, hidden, unless it already is; no other page can be. */
  warm(id: PageId): void {
    if (KEPT_ALIVE.has(id) && !this.#visited.has(id)) this.#visited = new Set([...this.#visited, id]);
  }

  /**
   * Shows `next`. `scrollTop` is where the page being left was scrolled to; the answer is where
   * `next` should be scrolled to: where it was left if it stayed alive, else its top.
   */
  go(next: PageId, scrollTop: number): number {
    const leaving = this.current;
    if (KEPT_ALIVE.has(leaving)) this.#scroll.set(leaving, scrollTop);
    if (next === leaving) return scrollTop;
    this.current = next;
    this.warm(next);
    return this.#scroll.get(next) ?? 0;
  }
}
