import { describe, expect, it } from 'vitest';
import {
  firstLine,
  formatBytes,
  formatDay,
  formatMonth,
  formatStart,
  formatWhen,
  nowLocalMinute,
  sameZone,
  zoneCity,
} from './format';

describe('formatStart', () => {
  it('shows the wall time as written, whatever zone the computer is in', () => {
    const text = formatStart('2024-05-03T07:30', 'en-GB');
    expect(text).toContain('3 May 2024');
    expect(text).toContain('07:30');
  });

  it('gives back text it cannot read', () => {
    expect(formatStart('garbage', 'en-GB')).toBe('garbage');
  });
});

describe('formatMonth', () => {
  it('names the month and year', () => {
    expect(formatMonth('2023-12-31T23:59', 'en-GB')).toBe('December 2023');
  });
});

describe('nowLocalMinute', () => {
  it('drops seconds and pads fields', () => {
    expect(nowLocalMinute(new Date(2024, 0, 5, 7, 8, 59))).toBe('2024-01-05T07:08');
  });
});

describe('firstLine', () => {
  it('keeps only the first line', () => {
    expect(firstLine('  Felt good\nlegs heavy later')).toBe('Felt good');
    expect(firstLine('')).toBe('');
  });
});

describe('formatDay and zoneCity', () => {
  it('puts the weekday before the day number', () => {
    expect(formatDay('2024-05-03T07:30', 'en-US')).toBe('Fri 3');
  });

  it('names the city of a zone', () => {
    expect(zoneCity('America/New_York')).toBe('New York');
    expect(zoneCity('UTC')).toBe('UTC');
  });

  it('knows UTC by its other names', () => {
    expect(sameZone('Etc/UTC', 'UTC')).toBe(true);
    expect(sameZone('Europe/London', 'UTC')).toBe(false);
  });

  it('names a fixed zone by its offset, the right way round', () => {
    expect(zoneCity('Etc/GMT-3')).toBe('UTC+3');
    expect(zoneCity('Etc/GMT+5')).toBe('UTC−5');
    expect(zoneCity('Etc/UTC')).toBe('UTC');
  });
});

describe('formatWhen', () => {
  it('shows the time in the given zone', () => {
    expect(formatWhen('2026-04-19T07:30:00Z', 'en-GB', 'Europe/London')).toBe('Sun, 19 Apr 2026, 08:30');
    expect(formatWhen('not a date')).toBe('not a date');
  });
});

describe('formatBytes', () => {
  it('counts in B, KB and MB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(123456)).toBe('121 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
