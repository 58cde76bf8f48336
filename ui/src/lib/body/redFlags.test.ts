import { describe, expect, it } from 'vitest';
import { needsRedFlags } from './redFlags';

describe('needsRedFlags', () => {
  const plain = { swelling: false, bruising: false };
  it.each([
    ['tight', false],
    ['sore', false],
    ['pain', true],
    ['injury', true],
  ] as const)('%s alone → %s', (sensation, expected) => {
    expect(needsRedFlags({ sensation, ...plain })).toBe(expected);
  });

  it('shows for swelling or bruising whatever the sensation', () => {
    expect(needsRedFlags({ sensation: 'tight', swelling: true, bruising: false })).toBe(true);
    expect(needsRedFlags({ sensation: 'sore', swelling: false, bruising: true })).toBe(true);
  });

  it('does not show without a mark', () => {
    expect(needsRedFlags(null)).toBe(false);
    expect(needsRedFlags(undefined)).toBe(false);
  });
});
