//! When the red-flag guidance must show, and in what order (DESIGN.md "Runner conditions and red
//! flags"). The core already sends the flags most urgent first; sorting again here keeps the
//! possible clot on top even if the content's order ever slips.

import type { Condition } from '../bindings/Condition';
import type { EmergencySigns } from '../bindings/EmergencySigns';
import type { RedFlag } from '../bindings/RedFlag';
import type { Sensation } from '../bindings/Sensation';
import type { Urgency } from '../bindings/Urgency';

/** What the guidance depends on, from a saved mark or the form being filled in. */
export type Signs = { sensation: Sensation; swelling: boolean; bruising: boolean };

/** Pain or injury, or any swelling or bruising: see a clinician, and no massage on that area. */
export function needsRedFlags(mark: Signs | null | undefined): boolean {
  if (!mark) return false;
  return mark.sensation === 'pain' || mark.sensation === 'injury' || mark.swelling || mark.bruising;
}

const RANK: Record<Urgency, number> = { urgent: 0, soon: 1 };

/** Most urgent first; flags of the same urgency keep the content's order. */
export function byUrgency(flags: readonly RedFlag[]): RedFlag[] {
  return flags
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.urgency] - RANK[b.f.urgency] || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * The urgent flags that concern this region (the possible clot on a calf), shown on its panel
 * without being asked for: a calf marked only "sore" can still be a clot.
 */
export function pinnedFor(flags: readonly RedFlag[], regionId: string | null): RedFlag[] {
  if (!regionId) return [];
  return byUrgency(flags).filter((f) => f.urgency === 'urgent' && f.regions.includes(regionId));
}

/** A runner condition's emergency signs, named by the condition. */
export type Emergency = { id: string; name: string } & EmergencySigns;

/** The emergency signs the runner conditions carry, for the clinician list. */
export function emergencies(conditions: readonly Condition[]): Emergency[] {
  return conditions.flatMap((c) => (c.emergency ? [{ id: c.id, name: c.name, ...c.emergency }] : []));
}
