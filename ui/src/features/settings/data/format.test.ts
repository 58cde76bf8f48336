import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../lib/bindings/BackupInfo';
import type { BackupReason } from '../../../lib/bindings/BackupReason';
import { backupReason, importSummary, isDeleteConfirmed, percent, progressText } from './format';

const backup = (reason: BackupReason): BackupInfo => ({
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

describe('progress', () => {
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
    expect(backupReason(backup('pre_import'))).toBe('Before an import');
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

});
