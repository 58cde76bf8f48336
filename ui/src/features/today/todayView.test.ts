import { describe, expect, it } from 'vitest';
import type { LoadNow } from '../../lib/bindings/LoadNow';
import { appointmentDay, dueWhen, au, formText, ratioText, runTotal, unratedText, weekVersusAverage } from './todayView';

const load = (over: Partial<LoadNow>): LoadNow => ({
  weekRunM: 0,
  weekRunS: 0,
  avg4RunM: 0,
  avg4RunS: 0,
  acute: 0,
  chronic28: 0,
  chronic: 0,
  form: 0,
  ratio: null,
  sentence: '',
  unrated: 0,
  toRate: [],
  daysOfData: null,
  ...over,
});

describe('todayView', () => {
  it('names a week without runs rather than showing zeros', () => {
    expect(runTotal(0, 0, 'km')).toBe('No runs yet');
    expect(runTotal(12_400, 3900, 'km')).toBe('12.4 km in 1:05:00');
    expect(runTotal(16_093.44, 3600, 'mi')).toBe('10 mi in 1:00:00');
  });

  it('compares the week with the four before only when there is something to compare with', () => {
    expect(weekVersusAverage(load({ weekRunM: 10_000 }), 'km')).toMatch(/^No running in the four weeks/);
    expect(weekVersusAverage(load({ weekRunM: 15_000, avg4RunM: 30_000 }), 'km')).toBe(
      '50% of the weekly average of the four weeks before (30 km).',
    );
  });

  it('shows an undefined ratio as a dash and form with its sign', () => {
    expect(ratioText(null)).toBe('—');
    expect(ratioText(1.2345)).toBe('1.23');
    expect(formText(-120.4)).toBe('−120');
    expect(formText(35.6)).toBe('+36');
    expect(formText(0.2)).toBe('0');
    expect(au(1234.6)).toBe((1235).toLocaleString());
  });

  it('says unrated load is unknown, not zero, and nothing when all are rated', () => {
    expect(unratedText(0)).toBeNull();
    expect(unratedText(1)).toMatch(/^1 session .* unknown \(not zero\)/);
    expect(unratedText(3)).toMatch(/^3 sessions/);
  });

  it('takes the appointment day from a booked massage', () => {
    expect(appointmentDay({ startLocal: '2026-05-22T18:00' } as never)).toBe('2026-05-22');
  });

  it('says "now" for a fired reminder and only the time for one later today', () => {
    const now = new Date(2026, 4, 20, 9, 0);
    expect(dueWhen('fired', new Date(2026, 4, 20, 7, 0).toISOString(), now)).toBe('now');
    expect(dueWhen('pending', new Date(2026, 4, 20, 13, 5).toISOString(), now)).toMatch(/^13:05$/);
    expect(dueWhen('pending', new Date(2026, 4, 21, 7, 0).toISOString(), now)).toMatch(/ 07:00$/);
  });
});
