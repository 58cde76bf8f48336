//! Words and numbers for the "Your data" section. Plain functions of plain data, so they are tested
//! without a window.

import type { BackupInfo } from '../../../lib/bindings/BackupInfo';
import type { BackupReason } from '../../../lib/bindings/BackupReason';
import type { ImportCounts } from '../../../lib/bindings/ImportCounts';
import type { ImportReport } from '../../../lib/bindings/ImportReport';
import type { Phase } from '../../../lib/bindings/Phase';
import type { Progress } from '../../../lib/bindings/Progress';

/** What the runner must type before everything is deleted (the core checks it too). */
export const CONFIRM_WORD = 'DELETE';

/** Exactly the word, in capitals: a near miss ("delete", "DELETE ") does not count. */
export function isDeleteConfirmed(typed: string): boolean {
  return typed === CONFIRM_WORD;
}

// Records over the generated unions: a new reason or phase in the core fails svelte-check here.
const REASONS: Record<BackupReason, string> = {
  auto: 'Daily',
  manual: 'Made by you',
  pre_migration: 'Before an update',
  pre_import: 'Before an import',
};

export function backupReason(b: BackupInfo): string {
  return REASONS[b.reason];
}

/** Whole percent, 0 to 100; an empty job is done. */
export function percent(p: Progress): number {
  if (p.total <= 0) return 100;
  return Math.max(0, Math.min(100, Math.floor((p.done * 100) / p.total)));
}

const PHASES: Record<Phase, string> = {
  reading: 'Reading',
  checking: 'Checking',
  writing: 'Writing',
};

export function progressText(p: Progress): string {
  const phase = PHASES[p.phase];
  if (p.total <= 1) return `${phase}…`;
  return `${phase} ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} records (${percent(p)}%)`;
}

function counts(label: string, c: ImportCounts): string | null {
  const parts: string[] = [];
  if (c.added) parts.push(`${c.added} added`);
  if (c.updated) parts.push(`${c.updated} updated`);
  if (c.skipped) parts.push(`${c.skipped} already up to date`);
  return parts.length ? `${label}: ${parts.join(', ')}` : null;
}

/** "Entries: 12 added, 3 already up to date. Soreness marks: 4 added." */
export function importSummary(r: ImportReport): string {
  const lines = [
    counts('Entries', r.sessions),
    counts('Soreness marks', r.marks),
    counts('Reminders', r.reminders),
    r.settingsApplied ? `Settings: ${r.settingsApplied} taken from the file` : null,
  ].filter((x): x is string => x !== null);
  return lines.length ? `${lines.join('. ')}.` : 'The file had nothing to import.';
}
