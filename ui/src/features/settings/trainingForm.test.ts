import { describe, expect, it } from 'vitest';
import type { Settings } from '../../lib/bindings/Settings';
import { trainingForm, withTraining } from './trainingForm';

const base = {
  profile: { restingHr: null, maxHr: null, sex: null, name: 'Sam' },
  import: { longRunMinutes: 90, zone: '' },
} as unknown as Settings;

describe('training settings form', () => {
  it('starts empty where the defaults apply and round-trips what is typed', () => {
    const f = trainingForm(base);
    expect(f).toEqual({ restingHr: '', maxHr: '', sex: '', longRunMinutes: '90', zone: '' });
    const r = withTraining(base, { ...f, restingHr: '48', maxHr: '188', sex: 'female', zone: ' Europe/Paris ' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.profile).toMatchObject({ restingHr: 48, maxHr: 188, sex: 'female', name: 'Sam' });
    expect(r.settings.import).toEqual({ longRunMinutes: 90, zone: 'Europe/Paris' });
  });

  it('names each field that is not a whole number and saves nothing', () => {
    const r = withTraining(base, { ...trainingForm(base), restingHr: 'fifty', longRunMinutes: '1.5' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['profile.restingHr', 'import.longRunMinutes']);
  });
});
