import { describe, expect, it } from 'vitest';
import { dateFormat, numberFormat } from './intl';

describe('intl', () => {
  it('makes one formatter per locale and options, and formats as Intl does', () => {
    const a = dateFormat('en-GB', { month: 'short', timeZone: 'UTC' });
    expect(dateFormat('en-GB', { month: 'short', timeZone: 'UTC' })).toBe(a);
    expect(dateFormat('en-US', { month: 'short', timeZone: 'UTC' })).not.toBe(a);
    expect(dateFormat('en-GB', { month: 'long', timeZone: 'UTC' })).not.toBe(a);
    expect(a.format(new Date(Date.UTC(2026, 2, 3)))).toBe('Mar');
    const n = numberFormat('en-GB', { maximumFractionDigits: 1 });
    expect(numberFormat('en-GB', { maximumFractionDigits: 1 })).toBe(n);
    expect(n.format(1234.56)).toBe('1,234.6');
  });
});
