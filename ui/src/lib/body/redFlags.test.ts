import { describe, expect, it } from 'vitest';
import { condition, flag } from './contentFixtures';
import { byUrgency, emergencies, needsRedFlags, pinnedFor } from './redFlags';

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

describe('byUrgency', () => {
  it('puts urgent flags first and keeps the content order within each urgency', () => {
    const flags = [
      flag({ id: 'a' }),
      flag({ id: 'clot', urgency: 'urgent' }),
      flag({ id: 'b' }),
      flag({ id: 'c' }),
    ];
    expect(byUrgency(flags).map((f) => f.id)).toEqual(['clot', 'a', 'b', 'c']);
  });

  it('leaves the list it was given alone', () => {
    const flags = [flag({ id: 'a' }), flag({ id: 'clot', urgency: 'urgent' })];
    byUrgency(flags);
    expect(flags.map((f) => f.id)).toEqual(['a', 'clot']);
  });
});

describe('pinnedFor', () => {
  const flags = [
    flag({ id: 'swelling', regions: [] }),
    flag({ id: 'clot', urgency: 'urgent', regions: ['calf_l', 'calf_r'] }),
    flag({ id: 'bone', regions: ['calf_l'] }),
  ];

  it('shows the clot flag on a calf whatever its mark', () => {
    expect(pinnedFor(flags, 'calf_r').map((f) => f.id)).toEqual(['clot']);
  });

  it('pins only urgent flags, and nothing elsewhere or without a region', () => {
    expect(pinnedFor(flags, 'shin_l')).toEqual([]);
    expect(pinnedFor(flags, null)).toEqual([]);
    expect(pinnedFor([flag({ id: 'bone', regions: ['calf_l'] })], 'calf_l')).toEqual([]);
  });
});

describe('emergencies', () => {
  it('names each condition that carries emergency signs, and only those', () => {
    const back = condition({ id: 'low_back_pain', name: 'Low back pain', emergency: { signs: 'numb seat', advice: 'now' } });
    const list = emergencies([condition({ id: 'calf_strain' }), back]);
    expect(list).toEqual([{ id: 'low_back_pain', name: 'Low back pain', signs: 'numb seat', advice: 'now' }]);
  });
});
