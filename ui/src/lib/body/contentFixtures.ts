//! Content test data: an empty guide and builders for red flags and conditions, so each test
//! states only the fields it is about.

import type { Condition } from '../bindings/Condition';
import type { Content } from '../bindings/Content';
import type { RedFlag } from '../bindings/RedFlag';

export function emptyContent(): Content {
  return {
    benefits: [],
    conditions: [],
    redFlags: [],
    diagnosisNote: '',
    recoveryContext: '',
    therapistGuide: { title: '', intro: '', lookFor: [], ask: [], source: { kind: 'appAdvice' } },
    briefingPurpose: '',
    glossary: [],
  };
}

export function flag(over: Partial<RedFlag> & { id: string }): RedFlag {
  return { sign: over.id, why: '', urgency: 'soon', advice: '', regions: [], source: { kind: 'appAdvice' }, ...over };
}

export function condition(over: Partial<Condition> & { id: string }): Condition {
  return {
    name: over.id,
    summary: '',
    regions: [],
    massageNote: '',
    source: { kind: 'appAdvice' },
    emergency: null,
    ...over,
  };
}
