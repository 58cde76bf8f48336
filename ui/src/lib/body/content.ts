//! Reading the core's content for one region, and the words for its enum values.

import type { Benefit } from '../bindings/Benefit';
import type { Condition } from '../bindings/Condition';
import type { Content } from '../bindings/Content';
import type { Sensation } from '../bindings/Sensation';
import type { Support } from '../bindings/Support';

export const SENSATIONS: ReadonlyArray<{ value: Sensation; label: string; hint: string }> = [
  { value: 'tight', label: 'Tight', hint: 'stiff, short of its usual range' },
  { value: 'sore', label: 'Sore', hint: 'aches, tender to touch' },
  { value: 'pain', label: 'Pain', hint: 'hurts when you move or run' },
  { value: 'injury', label: 'Injury', hint: 'something is hurt' },
];

export const SUPPORT_LABELS: Record<Support, string> = {
  studied: 'Studied',
  weak: 'Weakly supported',
  reported: 'Reported by runners',
};

export function sensationLabel(s: Sensation): string {
  return SENSATIONS.find((x) => x.value === s)?.label ?? s;
}

export function benefitsFor(content: Content, regionId: string): Benefit[] {
  return content.benefits.filter((b) => b.regions.includes(regionId));
}

export function conditionsFor(content: Content, regionId: string): Condition[] {
  return content.conditions.filter((c) => c.regions.includes(regionId));
}

/** Condition names for a benefit's condition ids, skipping any the content does not hold. */
export function conditionNames(content: Content, ids: readonly string[]): string[] {
  return ids.flatMap((id) => content.conditions.find((c) => c.id === id)?.name ?? []);
}
