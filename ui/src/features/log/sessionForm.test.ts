import { describe, expect, it } from 'vitest';
import type { Session } from '../../lib/bindings/Session';
import { fieldErrors } from '../../lib/forms';
import {
  distanceRequired,
  emptyForm,
  formFromSession,
  shownFields,
  toInput,
  visibleFields,
  type FormState,
} from './sessionForm';

const base = (over: Partial<FormState> = {}): FormState => ({
  ...emptyForm('2024-05-03T07:30', 'Europe/London'),
  ...over,
});

function session(over: Partial<Session>): Session {
  return {
    id: 's1',
    startUtc: '2024-05-03T06:30:00Z',
    zone: 'Europe/Paris',
    startLocal: '2024-05-03T08:30',
    durationS: null,
    distanceM: null,
    rpe: null,
    notes: '',
    details: { kind: 'easy_run' },
    measured: null,
    createdAt: '2024-05-03T06:30:00Z',
    updatedAt: '2024-05-03T06:30:00Z',
    ...over,
  };
}

describe('visibleFields', () => {
  it.each([
    ['easy_run', true, false, false, false],
    ['long_run', true, false, false, false],
    ['workout', true, false, false, false],
    ['race', true, true, false, false],
    ['massage', false, false, true, false],
    ['other_recovery', false, false, false, true],
  ] as const)('%s', (kind, distance, race, massage, recovery) => {
    const v = visibleFields({ kind, raceStatus: 'planned' });
    expect(v).toMatchObject({ distance, race, massage, recovery });
  });

  it('shows finish time only for a race that is done', () => {
    expect(visibleFields({ kind: 'race', raceStatus: 'done' }).finishTime).toBe(true);
    expect(visibleFields({ kind: 'race', raceStatus: 'planned' }).finishTime).toBe(false);
  });

  it('requires a distance only for a custom race', () => {
    expect(distanceRequired({ kind: 'race', raceDistance: 'custom' })).toBe(true);
    expect(distanceRequired({ kind: 'race', raceDistance: 'marathon' })).toBe(false);
    expect(distanceRequired({ kind: 'easy_run', raceDistance: 'custom' })).toBe(false);
  });
});

describe('toInput', () => {
  it('builds a run in the runner unit', () => {
    const r = toInput(base({ duration: '50:00', distance: '6,2', rpe: '4', notes: 'Easy' }), 'mi');
    expect(r).toEqual({
      ok: true,
      input: {
        startLocal: '2024-05-03T07:30',
        zone: 'Europe/London',
        durationS: 3000,
        distanceM: 9977.9,
        rpe: 4,
        notes: 'Easy',
        details: { kind: 'easy_run' },
      },
    });
  });

  it('sends blanks as null', () => {
    const r = toInput(base(), 'km');
    expect(r.ok && r.input).toMatchObject({ durationS: null, distanceM: null, rpe: null });
  });

  it('passes out-of-range numbers on for the core to judge', () => {
    const r = toInput(base({ rpe: '11', distance: '-3' }), 'km');
    expect(r.ok && r.input).toMatchObject({ rpe: 11, distanceM: -3000 });
  });

  it('reports unreadable text beside each field, naming it', () => {
    const r = toInput(base({ duration: 'abc', distance: 'far', rpe: 'high' }), 'km');
    expect(r.ok).toBe(false);
    const errs = r.ok ? {} : fieldErrors(r.errors);
    expect(Object.keys(errs).sort()).toEqual(['distance', 'duration', 'rpe']);
    expect(errs.duration).toMatch(/^Duration/);
    expect(errs.distance).toMatch(/^Distance must be a number of km/);
    expect(errs.rpe).toMatch(/^Effort/);
  });

  it('drops fields the kind does not show', () => {
    const r = toInput(base({ kind: 'massage', distance: '10', therapist: 'Sam', focusRegions: ['calf_l'] }), 'km');
    expect(r.ok && r.input).toMatchObject({
      distanceM: null,
      details: { kind: 'massage', massageType: 'sports', therapist: 'Sam', pressure: null, focusRegions: ['calf_l'] },
    });
  });

  it('ignores an unreadable distance when the kind hides it', () => {
    expect(toInput(base({ kind: 'other_recovery', distance: 'x' }), 'km').ok).toBe(true);
  });

  it('sends a finish time only for a race that is done', () => {
    const done = toInput(base({ kind: 'race', raceName: 'Berlin', raceDistance: 'marathon', finishTime: '3:59:30' }), 'km');
    expect(done.ok && done.input.details).toEqual({
      kind: 'race',
      name: 'Berlin',
      distance: 'marathon',
      status: 'done',
      finishTimeS: 14370,
    });
    const planned = toInput(base({ kind: 'race', raceStatus: 'planned', finishTime: 'nonsense' }), 'km');
    expect(planned.ok && planned.input.details).toMatchObject({ status: 'planned', finishTimeS: null });
  });

  it('drops seconds from the start', () => {
    const r = toInput(base({ start: '2024-05-03T07:30:45' }), 'km');
    expect(r.ok && r.input.startLocal).toBe('2024-05-03T07:30');
  });
});

describe('formFromSession', () => {
  it('keeps the entry zone and converts distance to the unit', () => {
    const f = formFromSession(session({ distanceM: 16093.44, durationS: 4800, rpe: 6, notes: 'n' }), 'mi');
    expect(f).toMatchObject({ kind: 'easy_run', zone: 'Europe/Paris', start: '2024-05-03T08:30', distance: '10', duration: '1:20:00', rpe: '6', notes: 'n' });
  });

  it('leaves a standard race distance blank so it is not saved back rounded', () => {
    const f = formFromSession(
      session({ distanceM: 42195, details: { kind: 'race', name: 'London', distance: 'marathon', status: 'done', finishTimeS: 12600 } }),
      'mi',
    );
    expect(f).toMatchObject({ kind: 'race', raceName: 'London', raceDistance: 'marathon', distance: '', finishTime: '3:30:00' });
  });

  it('prefills a massage', () => {
    const f = formFromSession(
      session({ details: { kind: 'massage', massageType: 'deep_tissue', therapist: 'Ana', pressure: 'firm', focusRegions: ['calf_l', 'calf_r'], feltAfter: 'Loose' } }),
      'km',
    );
    expect(f).toMatchObject({ massageType: 'deep_tissue', therapist: 'Ana', pressure: 'firm', focusRegions: ['calf_l', 'calf_r'], feltAfter: 'Loose' });
  });

  it('round-trips through toInput', () => {
    const s = session({ durationS: 3600, distanceM: 12000, rpe: 3, notes: 'x', details: { kind: 'long_run' } });
    const r = toInput(formFromSession(s, 'km'), 'km');
    expect(r.ok && r.input).toEqual({
      startLocal: s.startLocal,
      zone: s.zone,
      durationS: 3600,
      distanceM: 12000,
      rpe: 3,
      notes: 'x',
      details: { kind: 'long_run' },
    });
  });
});

describe('shownFields', () => {
  it('lists the fields shown for a massage', () => {
    const s = shownFields({ kind: 'massage', raceStatus: 'done' });
    expect(s.has('therapist')).toBe(true);
    expect(s.has('distance')).toBe(false);
    expect(s.has('zone')).toBe(false);
  });
});
