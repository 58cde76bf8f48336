import { describe, expect, it } from 'vitest';
import { fieldErrors } from './forms';

describe('fieldErrors', () => {
  it('keeps the first message per field', () => {
    expect(
      fieldErrors([
        { field: 'goals', code: 'duplicate', message: 'Once each.' },
        { field: 'goals', code: 'invalid', message: 'Second.' },
        { field: 'note', code: 'too_long', message: 'Too long.' },
      ]),
    ).toEqual({ goals: 'Once each.', note: 'Too long.' });
  });

  it('leaves out errors that name no field, for the banner to say', () => {
    expect(
      fieldErrors([
        { field: 'start', code: 'required', message: 'first' },
        { field: '', code: 'invalid', message: 'Disk full' },
      ]),
    ).toEqual({ start: 'first' });
  });

  it('maps nothing to nothing', () => {
    expect(fieldErrors([])).toEqual({});
  });
});
