//! Body regions for every page that draws or names them, read once: they are fixed for a given app
//! version. The app's opening brings them (`seedRegions`), so the first screen asks for nothing more.

import { listRegions } from './api';
import type { Region } from './bindings/Region';

let cached: Promise<Region[]> | null = null;
let known: Region[] | null = null;

export function seedRegions(list: Region[]): void {
  cached = Promise.resolve(list);
  known = list;
}

export function regions(): Promise<Region[]> {
  cached ??= listRegions().then(
    (list) => (known = list),
    (e: unknown) => {
      // A failed fetch must not stick: the next form opening tries again.
      cached = null;
      throw e;
    },
  );
  return cached;
}

/** The regions if they have arrived, for a page to draw them in its first frame without a wait. */
export function regionsNow(): Region[] | null {
  return known;
}
