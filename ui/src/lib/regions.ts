//! Body regions for every page that draws or names them, read once: they are fixed for a given app
//! version. The app's opening brings them (`seedRegions`), so the first screen asks for nothing more.

import { listRegions } from './api';
import type { Region } from './bindings/Region';

let cached: Promise<Region[]> | null = null;

export function seedRegions(list: Region[]): void {
  cached = Promise.resolve(list);
}

export function regions(): Promise<Region[]> {
  cached ??= listRegions().catch((e: unknown) => {
    // A failed fetch must not stick: the next form opening tries again.
    cached = null;
    throw e;
  });
  return cached;
}
