import { describe, expect, it } from 'vitest';
import type { Settings } from '../../lib/bindings/Settings';
import {
  ruleHint,
  DEFAULT_RULES,
  formFromSettings,
  parseCheckins,
  settingsErrorId,
  toSettings,
  withDefaultRules,
} from './settingsForm';

// Asserted rather than annotated: Settings grows sections this form leaves alone (they pass through).
const settings = {
  units: 'mi',
  quietHours: { enabled: true, start: '22:00', end: '07:00' },
  morningTime: '09:00',
  rules: { ...DEFAULT_RULES, easyDaysPerMile: 0.5, checkinHours: [24, 48] },
  closeToTray: true,
  startAtLogin: false,
} as Settings;

describe('parseCheckins', () => {
  it.each([
    ['24, 48, 72', [24, 48, 72]],
    ['24,48 72', [24, 48, 72]],
    [' 12 ; 36 ', [12, 36]],
    ['', []],
    ['24, x', null],
    ['24, 4.5', null],
    ['-24', null],
  ])('%j → %j', (text, hours) => {
    expect(parseCheckins(text)).toEqual(hours);
  });
});

describe('settings form', () => {
  it('round-trips unchanged, keeping units', () => {
    expect(toSettings(settings, formFromSettings(settings))).toEqual({ ok: true, settings });
  });

  it('applies edits and resets only the rules to defaults', () => {
    const form = formFromSettings(settings);
    form.quietEnabled = false;
    form.morningTime = '08:30';
    const reset = withDefaultRules(form);
    const out = toSettings(settings, reset);
    expect(out).toEqual({
      ok: true,
      settings: { ...settings, quietHours: { ...settings.quietHours, enabled: false }, morningTime: '08:30', rules: DEFAULT_RULES },
    });
  });

  it('names fields that are not numbers', () => {
    const form = formFromSettings(settings);
    form.rules.noMassageHours = 'two';
    form.checkinHours = '24, soon';
    const out = toSettings(settings, form);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors.map((e) => e.field)).toEqual(['rules.noMassageHours', 'rules.checkinHours']);
  });

  it('turns field names into element ids', () => {
    expect(settingsErrorId('quietHours.start')).toBe('serr-quietHours-start');
    expect(settingsErrorId('startAtLogin')).toBe('serr-startAtLogin');
  });
});

describe('rule hints', () => {
  it('gives a safety rule its floor and the reason, and other rules their range', () => {
    expect(ruleHint('acuteInjuryNoMassageHours')).toMatch(/^At least 48\. .*clinician/);
    expect(ruleHint('easyDaysPerMile')).toBe('From 0 to 3.');
  });
});
