//! The benefits content, fetched once: it is compiled into the core and never changes while the
//! app runs.

import { getContent } from '../api';
import type { Content } from '../bindings/Content';

let cached: Promise<Content> | null = null;
let known: Content | null = null;

export function content(): Promise<Content> {
  const pending =
    cached ??
    getContent().then(
      (c) => (known = c),
      (e: unknown) => {
        // A failed fetch must not stick: the next page opening tries again.
        cached = null;
        throw e;
      },
    );
  cached = pending;
  return pending;
}

/** The content if it has arrived, for a page to draw it in its first frame without a wait. */
export function contentNow(): Content | null {
  return known;
}
