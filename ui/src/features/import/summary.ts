//! The import's summary in words: the headline, and a reason per skipped file.

import type { ImportProgress, ImportSummary } from '../../lib/api';
import type { SkipWhy } from '../../lib/bindings/SkipWhy';

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** "3 entries imported (1 cross-training), 1 already in your log, 1 skipped." */
export function headline(s: ImportSummary): string {
  const parts: string[] = [];
  const cross = s.crossTraining > 0 ? ` (${s.crossTraining.toLocaleString()} cross-training)` : '';
  parts.push(`${count(s.imported.length, 'entry', 'entries')} imported${cross}`);
  if (s.duplicates.length > 0) parts.push(`${s.duplicates.length.toLocaleString()} already in your log`);
  if (s.skipped.length > 0) parts.push(`${s.skipped.length.toLocaleString()} skipped`);
  return `${parts.join(', ')}.`;
}

/** What the runner may want to know beyond the counts. */
export function notes(s: ImportSummary): string[] {
  const out: string[] = [];
  if (s.cancelled) out.push('You stopped the import. The files read before that are in your log, each one whole.');
  if (s.files === 0) out.push('No activity files were found there.');
  if (s.rowsWithoutFile > 0) {
    out.push(
      `${count(s.rowsWithoutFile, 'activity', 'activities')} in the Strava export had no recording (entered by hand on Strava), so there was nothing to import for ${s.rowsWithoutFile === 1 ? 'it' : 'them'}.`,
    );
  }
  return out;
}

const REASONS: Record<SkipWhy, string> = {
  not_activity: 'Not an activity',
  corrupt: 'Damaged',
  unsupported: 'Not supported',
  empty: 'Empty',
  too_large: 'Too large',
  unreadable: 'Could not be read',
};

/** A skipped file's reason, in two or three words for its tag. */
export function reasonLabel(why: SkipWhy): string {
  return REASONS[why];
}

const OUTCOMES = {
  unchanged: 'Already in your log',
  upgraded: 'Replaced by this richer file',
  merged: 'Filled in your own entry',
} as const;

export function outcomeLabel(o: keyof typeof OUTCOMES): string {
  return OUTCOMES[o];
}

/** "12 of 340 files", or "Looking for activity files…" before the count is known. */
export function progressLabel(p: ImportProgress | null): string {
  if (!p || p.total === 0) return 'Looking for activity files…';
  return `${p.done.toLocaleString()} of ${count(p.total, 'file')}`;
}

/** 0–100, or null while the total is unknown (an indeterminate bar). */
export function progressPercent(p: ImportProgress | null): number | null {
  if (!p || p.total === 0) return null;
  return Math.min(100, Math.round((p.done / p.total) * 100));
}
