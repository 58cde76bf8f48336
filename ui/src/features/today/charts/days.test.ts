import { describe, expect, it } from 'vitest';
import { dayNumber, dayString, shortDate, shortMonth, weekday } from './days';

describe('days', () => {
  it('counts whole days across a daylight-saving change', () => {
    expect(dayNumber('2025-03-31') - dayNumber('2025-03-29')).toBe(2);
    expect(dayString(dayNumber('2024-02-28') + 1)).toBe('2024-02-29');
  });

  it('knows the weekday', () => {
    expect(weekday(dayNumber('2025-03-03'))).toBe(1);
  });

  it('writes short dates and months', () => {
    expect(shortDate('2025-03-03', 'en-GB')).toBe('3 Mar');
    expect(shortDate('2025-03-03', 'en-GB', true)).toBe('3 Mar 2025');
    expect(shortMonth(dayNumber('2025-01-01'), 'en-GB')).toBe('Jan');
  });

  it('leaves what is not a date alone', () => {
    expect(dayNumber('soon')).toBeNaN();
    expect(shortDate('soon')).toBe('soon');
  });
});
