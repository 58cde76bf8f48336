import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../lib/bindings/BackupInfo';
import {
  backupReason,
  formatBytes,
  formatWhen,
  importSummary,
  isDeleteConfirmed,
  percent,
  progressText,
  recoveryTitle,
} from './format';

const backup = (reason: string): BackupInfo => ({
  name: `aftermile-20260419T073000Z-${reason}.sqlite3`,
  createdAt: '2026-04-19T07:30:00Z',
  sizeBytes: 123456,
  reason,
  schemaVersion: 3,
});

describe('delete confirmation', () => {
  it.each([
    ['DELETE', true],
    ['delete', false],
    ['DELETE ', false],
    [' DELETE', false],
    ['DELET', false],
    ['', false],
  ])('%j → %s', (typed, ok) => expect(isDeleteConfirmed(typed)).toBe(ok));
});

describe('numbers', () => {
  it('sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(123456)).toBe('121 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });

  it('percent stays within 0–100 and an empty job is done', () => {
    expect(percent({ phase: 'writing', done: 500, total: 2000 })).toBe(25);
    expect(percent({ phase: 'writing', done: 2001, total: 2000 })).toBe(100);
    expect(percent({ phase: 'writing', done: 0, total: 0 })).toBe(100);
  });

  it('progress in words', () => {
    expect(progressText({ phase: 'checking', done: 1500, total: 12000 })).toBe(
      'Checking 1,500 of 12,000 records (12%)',
    );
    expect(progressText({ phase: 'reading', done: 0, total: 1 })).toBe('Reading…');
  });
});

describe('words', () => {
  it('names each kind of backup', () => {
    expect(backupReason(backup('auto'))).toBe('Daily');
    expect(backupReason(backup('pre_migration'))).toBe('Before an update');
    expect(backupReason(backup('something_new'))).toBe('something_new');
  });

  it('shows the time in the given zone', () => {
    expect(formatWhen('2026-04-19T07:30:00Z', 'en-GB', 'Europe/London')).toBe('Sun, 19 Apr 2026, 08:30');
    expect(formatWhen('not a date')).toBe('not a date');
  });

  it('summarises an import, leaving out what did not happen', () => {
    const none = { added: 0, updated: 0, skipped: 0 };
    expect(
      importSummary({
        sessions: { added: 12, updated: 0, skipped: 3 },
        marks: { added: 4, updated: 1, skipped: 0 },
        reminders: none,
        settingsApplied: 0,
        backup: null,
      }),
    ).toBe('Entries: 12 added, 3 already up to date. Soreness marks: 4 added, 1 updated.');
    expect(importSummary({ sessions: none, marks: none, reminders: none, settingsApplied: 0, backup: null })).toBe(
      'The file had nothing to import.',
    );
  });

  it('titles the recovery screen by problem', () => {
    expect(recoveryTitle('corrupt')).toBe('Your data file was damaged');
    expect(recoveryTitle('empty_file')).toBe('Your data file was empty');
    expect(recoveryTitle('other')).toBe('Your data file could not be used');
  });
});
