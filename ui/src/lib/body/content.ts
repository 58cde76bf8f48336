//! Reading the core's content for one region, and the words for its enum values.

import type { Benefit } from '../bindings/Benefit';
import type { Condition } from '../bindings/Condition';
import type { Content } from '../bindings/Content';
import type { Evidence } from '../bindings/Evidence';
import type { Sensation } from '../bindings/Sensation';
import type { Source } from '../bindings/Source';
import type { Support } from '../bindings/Support';
import type { Urgency } from '../bindings/Urgency';

export const SENSATIONS: ReadonlyArray<{ value: Sensation; label: string; hint: string }> = [
  { value: 'tight', label: 'Tight', hint: 'stiff, short of its usual range' },
  { value: 'sore', label: 'Sore', hint: 'aches, tender to touch' },
  { value: 'pain', label: 'Pain', hint: 'hurts when you move or run' },
  { value: 'injury', label: 'Injury', hint: 'something is hurt' },
];

/** What the trials say, in the words the badges use. */
export const SUPPORT_LABELS: Record<Support, string> = {
  small_effect: 'Small effect in trials',
  not_shown: 'Not shown in trials',
  reported: 'Reported by runners',
};

/** The label for text no study is cited for (`Source.appAdvice`). */
export const APP_ADVICE = "Aftermile's advice";

export const URGENCY_LABELS: Record<Urgency, string> = {
  urgent: 'Urgent: get care today',
  soon: 'Before any massage',
};

export function sensationLabel(s: Sensation): string {
  return SENSATIONS.find((x) => x.value === s)?.label ?? s;
}

/** The findings behind a text; none when it is the app's advice. */
export function citedEvidence(source: Source): Evidence[] {
  return source.kind === 'cited' ? source.evidence : [];
}

/** True when every item is the app's advice, so one label can stand for the whole list. */
export function allAppAdvice(items: ReadonlyArray<{ source: Source }>): boolean {
  return items.length > 0 && items.every((i) => i.source.kind === 'appAdvice');
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
