//! Whether the page a component is on is the one shown. A kept-alive page (pageNav) stays in the
//! document while hidden. It hears of every write (dataChanges), but not of the clock, and some of
//! what it shows is counted from now ("in 3 h", today's date, the last seven days' marks): it reads
//! those parts again each time it is shown.
//!
//! A page built ahead is also told while it is being laid out out of sight (PageSlot's warming), so
//! it can build there what its first click will need.

import { getContext, setContext, untrack } from 'svelte';

const KEY = Symbol('page-shown');
const WARMING = Symbol('page-warming');

/**
 * For the component that holds a page: `shown` says whether that page is shown, `warming` whether
 * it is being laid out out of sight before its first visit.
 */
export function providePageShown(shown: () => boolean, warming: () => boolean = () => false): void {
  setContext(KEY, shown);
  setContext(WARMING, warming);
}

/** Whether the calling component's page is being laid out out of sight (always false outside one). */
export function pageWarming(): () => boolean {
  return getContext<(() => boolean) | undefined>(WARMING) ?? (() => false);
}

/** Calls `again` each time `shown()` turns true after being false, for as long as the caller lives. */
export function watchShown(shown: () => boolean, again: () => void): void {
  let was = untrack(shown);
  $effect(() => {
    const now = shown();
    if (now && !was) untrack(again);
    was = now;
  });
}

/**
 * For a form that starts from the clock ("when": now, or in an hour) on a kept-alive page: each
 * time the page is shown again, a default the runner has not changed is taken from the clock again,
 * not left at the moment the form was built.
 */
export function keepDefaultCurrent(read: () => string, write: (value: string) => void, fresh: () => string): void {
  let given = untrack(read);
  onShownAgain(() => {
    if (read() !== given) return;
    given = fresh();
    write(given);
  });
}

/**
 * Calls `again` each time the calling component's page is shown after being hidden (not when it
 * first appears). Outside a page holder, never.
 */
export function onShownAgain(again: () => void): void {
  const shown = getContext<(() => boolean) | undefined>(KEY);
  if (shown) watchShown(shown, again);
}
