import { describe, expect, it } from 'vitest';
import { errorAdvice } from './errorAdvice';

describe('errorAdvice', () => {
  it('tells the runner what to do for the errors that stop the app', () => {
    expect(errorAdvice('in_use')).toMatch(/Close it, then try again/);
    expect(errorAdvice('closed')).toMatch(/safe on disk/);
    expect(errorAdvice('busy')).toMatch(/Wait a moment/);
    expect(errorAdvice('disk_full')).toMatch(/could not open your data/);
  });
});
