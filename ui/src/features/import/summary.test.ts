import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../lib/api';
import { headline, notes, progressLabel, progressPercent, reasonLabel } from './summary';

const entry = (kind: 'easy_run' | 'cross_training') => ({
  file: 'a.fit',
  sessionId: Math.random().toString(),
  startUtc: '2026-09-12T06:02:00Z',
  kind,
  sport: kind === 'cross_training' ? ('cycling' as const) : null,
  distanceM: 10_000,
  movingS: 3000,
  trimp: 80,
});

function summary(over: Partial<ImportSummary> = {}): ImportSummary {
  return { files: 4, imported: [], duplicates: [], skipped: [], crossTraining: 0, rowsWithoutFile: 0, cancelled: false, ...over };
}

describe('import summary', () => {
  it('counts what came in, what was there and what was skipped', () => {
    const s = summary({
      imported: [entry('easy_run'), entry('cross_training')],
      crossTraining: 1,
      duplicates: [{ file: 'a.gpx', sessionId: 'x', matched: 'Easy run on …', outcome: 'unchanged' }],
      skipped: [{ file: 'bad.fit', why: 'corrupt', message: '"bad.fit" is damaged' }],
    });
    expect(headline(s)).toBe('2 entries imported (1 cross-training), 1 already in your log, 1 skipped.');
    expect(headline(summary({ imported: [entry('easy_run')] }))).toBe('1 entry imported.');
    expect(headline(summary())).toBe('0 entries imported.');
  });

  it('says when it was stopped, found nothing, or met Strava rows without a file', () => {
    expect(notes(summary())).toEqual([]);
    expect(notes(summary({ cancelled: true }))[0]).toMatch(/stopped the import/);
    expect(notes(summary({ files: 0 }))).toEqual(['No activity files were found there.']);
    expect(notes(summary({ rowsWithoutFile: 2 }))[0]).toMatch(/^2 activities in the Strava export had no recording .* for them\.$/);
    expect(notes(summary({ rowsWithoutFile: 1 }))[0]).toMatch(/^1 activity .* for it\.$/);
  });

  it('words every skip reason', () => {
    for (const why of ['not_activity', 'corrupt', 'unsupported', 'empty', 'too_large', 'unreadable'] as const) {
      expect(reasonLabel(why)).toMatch(/^[A-Z]/);
    }
  });

  it('shows an indeterminate bar until the total is known', () => {
    expect(progressLabel(null)).toBe('Looking for activity files…');
    expect(progressPercent({ done: 0, total: 0, current: '' })).toBeNull();
    expect(progressLabel({ done: 3, total: 1200, current: 'x' })).toBe(`3 of ${(1200).toLocaleString()} files`);
    expect(progressPercent({ done: 3, total: 4, current: 'x' })).toBe(75);
    expect(progressLabel({ done: 1, total: 1, current: 'x' })).toBe('1 of 1 file');
  });
});
