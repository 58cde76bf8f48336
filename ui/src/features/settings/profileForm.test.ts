import { describe, expect, it } from 'vitest';
import type { Profile } from '../../lib/bindings/Profile';
import type { Settings } from '../../lib/bindings/Settings';
import { checkProfile, withProfile } from './profileForm';

const blank: Profile = {
  name: '',
  contact: '',
  shareContact: false,
  injuries: '',
  shareInjuries: false,
  medication: '',
  shareMedication: false,
  allergies: '',
  shareAllergies: false,
  paper: 'a4',
  restingHr: null,
  maxHr: null,
  sex: null,
};

describe('profile form', () => {
  it('accepts an empty profile and refuses overlong fields by their core field id', () => {
    expect(checkProfile(blank)).toEqual({});
    const errs = checkProfile({ ...blank, name: 'x'.repeat(121), allergies: 'y'.repeat(2001) });
    expect(Object.keys(errs)).toEqual(['profile.name', 'profile.allergies']);
    expect(errs['profile.name']).toBe('Name can be at most 120 characters.');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkProfile({ ...blank, name: '🏃'.repeat(120) })).toEqual({});
  });

  it('keeps the other settings as they were', () => {
    const all = { units: 'mi', profile: blank } as unknown as Settings;
    const out = withProfile(all, { ...blank, paper: 'letter' });
    expect(out.units).toBe('mi');
    expect(out.profile.paper).toBe('letter');
    expect(all.profile.paper).toBe('a4');
  });
});
