import { describe, expect, it } from 'vitest';
import {
  distanceInputValue,
  formatDistance,
  formatDuration,
  formatPace,
  parseDistance,
  parseDuration,
  unitToMetres,
} from './units';

describe('parseDuration', () => {
  it.each([
    ['mm:ss', '45:00', 2700],
    ['h:mm:ss', '1:05:30', 3930],
    ['minutes past an hour without hours', '90:00', 5400],
    ['bare minutes', '40', 2400],
    ['surrounding spaces', ' 3:02:10 ', 10930],
  ])('reads %s', (_name, text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it('gives null for blank text', () => {
    expect(parseDuration('   ')).toBeNull();
  });

  it.each([
    ['letters', 'abc'],
    ['seconds of 60', '10:60'],
    ['minutes of 60 with hours', '1:60:00'],
    ['one-digit seconds', '10:5'],
    ['too many parts', '1:2:03:04'],
    ['negative', '-5:00'],
    ['decimal', '45.5'],
  ])('refuses %s', (_name, text) => {
    expect(parseDuration(text)).toBeNaN();
  });
});

describe('formatDuration', () => {
  it.each([
    [2700, '45:00'],
    [3930, '1:05:30'],
    [59, '0:59'],
    [36000, '10:00:00'],
  ])('formats %i s as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('round-trips through parseDuration', () => {
    for (const s of [1, 61, 599, 3600, 3661, 86399, 604800]) {
      expect(parseDuration(formatDuration(s))).toBe(s);
    }
  });
});

describe('distance', () => {
  it('converts km and mi to metres', () => {
    expect(unitToMetres(10, 'km')).toBe(10000);
    expect(unitToMetres(26.2, 'mi')).toBeCloseTo(42164.8, 1);
    expect(unitToMetres(1, 'mi')).toBe(1609.3);
  });

  it('reads a comma as the decimal mark', () => {
    expect(parseDistance('10,5')).toBe(10.5);
    expect(parseDistance('')).toBeNull();
    expect(parseDistance('ten')).toBeNaN();
    expect(parseDistance('1.2.3')).toBeNaN();
  });

  it('prefills an input with at most two decimals', () => {
    expect(distanceInputValue(10000, 'km')).toBe('10');
    expect(distanceInputValue(42195, 'mi')).toBe('26.22');
    expect(distanceInputValue(21097.5, 'km')).toBe('21.1');
  });

  it('formats for display in the chosen unit', () => {
    expect(formatDistance(10000, 'km', 'en')).toBe('10 km');
    expect(formatDistance(16093.44, 'mi', 'en')).toBe('10 mi');
    expect(formatDistance(5000, 'mi', 'en')).toBe('3.11 mi');
  });
});

describe('formatPace', () => {
  it('gives minutes per unit', () => {
    expect(formatPace(3000, 10000, 'km')).toBe('5:00 /km');
    expect(formatPace(3000, 10000, 'mi')).toBe('8:03 /mi');
  });

  it('gives null without both a duration and a distance', () => {
    expect(formatPace(null, 10000, 'km')).toBeNull();
    expect(formatPace(3000, null, 'km')).toBeNull();
    expect(formatPace(3000, 0, 'km')).toBeNull();
  });
});
