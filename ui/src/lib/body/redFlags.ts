//! When the red-flag guidance must show (DESIGN.md "Runner conditions and red flags").

import type { Sensation } from '../bindings/Sensation';

/** What the guidance depends on, from a saved mark or the form being filled in. */
export type Signs = { sensation: Sensation; swelling: boolean; bruising: boolean };

/** Pain or injury, or any swelling or bruising: see a clinician, and no massage on that area. */
export function needsRedFlags(mark: Signs | null | undefined): boolean {
  if (!mark) return false;
  return mark.sensation === 'pain' || mark.sensation === 'injury' || mark.swelling || mark.bruising;
}
