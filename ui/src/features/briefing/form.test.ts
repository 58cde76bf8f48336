import { describe, expect, it } from 'vitest';
import type { Profile } from '../../lib/bindings/Profile';
import {
  defaultRequest,
  isShared,
  localDate,
  requestKey,
  shareable,
  toggleFlag,
  toggleGoal,
  withShared,
} from './form';

const profile: Profile = {
  name: 'Alex',
  contact: 'alex@example.com',
  shareContact: false,
  injuries: 'Achilles, 2025',
  shareInjuries: true,
  medication: '',
  shareMedication: true,
  allergies: 'Nut oils',
  shareAllergies: false,
  paper: 'a4',
  restingHr: null,
  maxHr: null,
  sex: null,
};

describe('briefing form', () => {
  it('starts from the profile ticks, today and no goals', () => {
    const r = defaultRequest(profile, '2026-12-01', 'Europe/London');
    expect(r).toEqual({
      appointment: '2026-12-01',
      zone: 'Europe/London',
      goals: [],
      pressure: null,
      shareContact: false,
      shareHealth: { injuries: true, medication: true, allergies: false },
      shareMarkNotes: false,
      shareMassageFeedback: false,
      flags: [],
      note: '',
    });
  });

  it('ticks a red-flag sign once and unticks it', () => {
    let f = toggleFlag([], 'numbness_tingling', true);
    f = toggleFlag(f, 'numbness_tingling', true);
    expect(f).toEqual(['numbness_tingling']);
    expect(toggleFlag(f, 'numbness_tingling', false)).toEqual([]);
  });

  it('toggles goals and keeps the order chosen', () => {
    let g = toggleGoal([], 'sleep');
    g = toggleGoal(g, 'flexibility');
    expect(g).toEqual(['sleep', 'flexibility']);
    expect(toggleGoal(g, 'sleep')).toEqual(['flexibility']);
  });

  it('offers only what the profile holds, and sets each tick on its own', () => {
    expect(shareable(profile).map((s) => s.key)).toEqual(['contact', 'injuries', 'allergies']);
    let r = defaultRequest(profile, '2026-12-01', 'UTC');
    r = withShared(r, 'contact', true);
    r = withShared(r, 'injuries', false);
    expect(isShared(r, 'contact')).toBe(true);
    expect(isShared(r, 'injuries')).toBe(false);
    expect(isShared(r, 'medication')).toBe(true);
  });

  it('keys requests by content and dates by local day', () => {
    const a = defaultRequest(profile, '2026-12-01', 'UTC');
    expect(requestKey(a)).toBe(requestKey({ ...a }));
    expect(requestKey(a)).not.toBe(requestKey({ ...a, pressure: 'firm' }));
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
