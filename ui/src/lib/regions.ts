//! Body regions for the focus-region picker, fetched once: they are fixed for a given app version.

import { listRegions } from './api';
import type { Region } from './bindings/Region';

let cached: Promise<Region[]> | null = null;

export function regions(): Promise<Region[]> {
  cached ??= listRegions().catch((e: unknown) => {
    // A failed fetch must not stick: the next form opening tries again.
    cached = null;
    throw e;
  });
  return cached;
}
