//! The benefits content, fetched once: it is compiled into the core and never changes while the
//! app runs.

import { getContent } from '../api';
import type { Content } from '../bindings/Content';

let cached: Promise<Content> | null = null;

export function content(): Promise<Content> {
  const pending =
    cached ??
    getContent().catch((e: unknown) => {
      // A failed fetch must not stick: the next page opening tries again.
      cached = null;
      throw e;
    });
  cached = pending;
  return pending;
}
