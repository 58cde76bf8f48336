import { expect, it } from 'vitest';
import { recoveryTitle } from './recovery';

it('titles the recovery screen by problem', () => {
  expect(recoveryTitle('corrupt')).toBe('Your data file was damaged');
  expect(recoveryTitle('empty_file')).toBe('Your data file was empty');
  expect(recoveryTitle('interrupted_restore')).toBe('A restore was interrupted');
});
