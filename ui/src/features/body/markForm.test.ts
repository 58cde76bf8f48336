import { describe, expect, it } from 'vitest';
import { mark } from '../../lib/body/fixtures';
import { blankForm, formFromMark, intensityWord, toInput } from './markForm';

describe('mark form', () => {
  it('asks for a sensation before sending anything', () => {
    const r = toInput(blankForm('2024-05-03T08:00'), 'calf_l', 'UTC');
    expect(r.input).toBeNull();
    expect(r.errors.map((e) => e.field)).toEqual(['sensation']);
  });

  it('builds the core input, with no session as null', () => {
    const f = { ...blankForm('2024-05-03T08:00'), sensation: 'sore' as const, intensity: 6 };
    expect(toInput(f, 'calf_l', 'Europe/Paris').input).toEqual({
      regionId: 'calf_l',
      sensation: 'sore',
      intensity: 6,
      swelling: false,
      bruising: false,
      note: '',
      atLocal: '2024-05-03T08:00',
      zone: 'Europe/Paris',
      sessionId: null,
    });
  });

  it('round-trips a stored mark', () => {
    const m = mark({ regionId: 'shin_r', sensation: 'pain', intensity: 7, swelling: true, sessionId: 's1', note: 'hill reps' });
    const input = toInput(formFromMark(m), m.regionId, m.zone).input;
    expect(input).toMatchObject({ sensation: 'pain', intensity: 7, swelling: true, sessionId: 's1', note: 'hill reps', atLocal: m.atLocal });
  });

  it('names the intensity', () => {
    expect(intensityWord(0)).toBe('none');
    expect(intensityWord(6)).toBe('moderate');
    expect(intensityWord(10)).toBe('severe');
  });
});
