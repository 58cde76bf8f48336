import { describe, expect, it } from 'vitest';
import type { Session } from './bindings/Session';
import { sessionTitle } from './labels';

function session(over: Partial<Session>): Session {
  return {
    id: 'x',
    startUtc: '2024-05-03T06:30:00Z',
    zone: 'UTC',
    startLocal: '2024-05-03T06:30',
    durationS: null,
    distanceM: null,
    rpe: null,
    notes: '',
    details: { kind: 'easy_run' },
    measured: null,
    createdAt: '',
    updatedAt: '',
    ...over,
  };
}

describe('sessionTitle', () => {
  it.each([
    ['a run by its kind', session({ details: { kind: 'long_run' } }), 'Long run'],
    [
      'a race by its name',
      session({ details: { kind: 'race', name: 'Berlin Marathon', distance: 'marathon', status: 'done', finishTimeS: null } }),
      'Berlin Marathon',
    ],
    [
      'a massage by type and therapist',
      session({ details: { kind: 'massage', massageType: 'deep_tissue', therapist: ' Ana ', pressure: null, focusRegions: [], feltAfter: '' } }),
      'Deep tissue with Ana',
    ],
    [
      'a massage without therapist',
      session({ details: { kind: 'massage', massageType: 'foam_rolling', therapist: '', pressure: null, focusRegions: [], feltAfter: '' } }),
      'Foam rolling',
    ],
    ['other recovery by its type', session({ details: { kind: 'other_recovery', recoveryType: 'ice_bath' } }), 'Ice bath'],
  ])('names %s', (_name, s, title) => {
    expect(sessionTitle(s)).toBe(title);
  });
});
