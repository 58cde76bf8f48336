import { describe, expect, it } from 'vitest';
import type { Source } from '../bindings/Source';
import { allAppAdvice, APP_ADVICE, citedEvidence, SUPPORT_LABELS } from './content';

const cited: Source = { kind: 'cited', evidence: [{ finding: 'Less soreness.', citation: 'Guo et al. 2017' }] };
const advice: Source = { kind: 'appAdvice' };

describe('sources', () => {
  it('gives the findings of cited text and none for the app’s advice', () => {
    expect(citedEvidence(cited).map((e) => e.citation)).toEqual(['Guo et al. 2017']);
    expect(citedEvidence(advice)).toEqual([]);
  });

  it('uses one label only when every item is the app’s advice', () => {
    expect(allAppAdvice([{ source: advice }, { source: advice }])).toBe(true);
    expect(allAppAdvice([{ source: advice }, { source: cited }])).toBe(false);
    expect(allAppAdvice([])).toBe(false);
    expect(APP_ADVICE).toBe("Aftermile's advice");
  });
});

describe('support labels', () => {
  it('says "not shown in trials" for an effect trials looked for and did not find', () => {
    expect(SUPPORT_LABELS.not_shown).toBe('Not shown in trials');
    expect(Object.values(SUPPORT_LABELS).some((l) => /weak/i.test(l))).toBe(false);
  });
});
