import { describe, expect, it } from 'vitest';
import type { ImportFinished, ImportProgress, ImportSummary } from '../../lib/api';
import { ImportRun, type ImportApi } from './importRun.svelte';

function summary(over: Partial<ImportSummary> = {}): ImportSummary {
  return { files: 1, imported: [], duplicates: [], skipped: [], crossTraining: 0, rowsWithoutFile: 0, cancelled: false, ...over };
}

/** A stand-in shell: the test fires its events and settles its commands. */
function fakeShell() {
  const cbs: { progress?: (p: ImportProgress) => void; finished?: (f: ImportFinished) => void; hover?: (h: { active: boolean }) => void } = {};
  let settle: ((v: ImportSummary | null) => void) | null = null;
  let fail: ((e: unknown) => void) | null = null;
  const calls: string[] = [];
  const api: ImportApi = {
    importActivities: (pick) => {
      calls.push(`import:${pick}`);
      return new Promise((res, rej) => {
        settle = res;
        fail = rej;
      });
    },
    cancelImport: async () => {
      calls.push('cancel');
      return null;
    },
    onImportProgress: async (cb) => ((cbs.progress = cb), () => calls.push('off')),
    onImportFinished: async (cb) => ((cbs.finished = cb), () => calls.push('off')),
    onDropHover: async (cb) => ((cbs.hover = cb), () => calls.push('off')),
  };
  return { api, cbs, calls, settle: (v: ImportSummary | null) => settle?.(v), fail: (e: unknown) => fail?.(e) };
}

describe('ImportRun', () => {
  it('follows the shell from the first progress event to the summary', async () => {
    const shell = fakeShell();
    const run = new ImportRun(shell.api);
    run.listen();
    const chosen = run.choose('folder');
    expect(run.choosing).toBe(true);
    expect(run.busy).toBe(true);
    shell.cbs.progress!({ done: 0, total: 0, current: '' });
    expect(run.running).toBe(true);
    shell.cbs.progress!({ done: 2, total: 4, current: 'b.fit' });
    expect(run.progress).toEqual({ done: 2, total: 4, current: 'b.fit' });
    const s = summary({ files: 4 });
    shell.cbs.finished!({ summary: s, error: null });
    shell.settle(s);
    await chosen;
    expect(run.running).toBe(false);
    expect(run.busy).toBe(false);
    expect(run.summary).toEqual(s);
    expect(run.progress).toBeNull();
    run.dismiss();
    expect(run.summary).toBeNull();
    expect(shell.calls).toEqual(['import:folder']);
  });

  it('shows an import that began with a drop, and the drop target while dragging', () => {
    const shell = fakeShell();
    const run = new ImportRun(shell.api);
    run.listen();
    shell.cbs.hover!({ active: true });
    expect(run.dropHover).toBe(true);
    shell.cbs.hover!({ active: false });
    shell.cbs.progress!({ done: 1, total: 3, current: 'a.gpx' });
    expect(run.running).toBe(true);
    expect(run.choosing).toBe(false);
    shell.cbs.finished!({ summary: null, error: { code: 'disk_full', message: 'The disk is full.', fields: [] } });
    expect(run.error?.code).toBe('disk_full');
  });

  it('cancels once, and only while running', async () => {
    const shell = fakeShell();
    const run = new ImportRun(shell.api);
    run.listen();
    await run.cancel();
    expect(shell.calls).toEqual([]);
    shell.cbs.progress!({ done: 1, total: 9, current: 'a.fit' });
    await run.cancel();
    await run.cancel();
    expect(shell.calls).toEqual(['cancel']);
    expect(run.cancelling).toBe(true);
    shell.cbs.finished!({ summary: summary({ cancelled: true }), error: null });
    expect(run.cancelling).toBe(false);
  });

  it('a dialog that fails, or an import already running, is an error to show', async () => {
    const shell = fakeShell();
    const run = new ImportRun(shell.api);
    const chosen = run.choose('files');
    shell.fail({ code: 'already_running', message: 'An import is already running.', fields: [] });
    await chosen;
    expect(run.error?.code).toBe('already_running');
    expect(run.busy).toBe(false);
  });

  it('a new import clears the last summary', () => {
    const shell = fakeShell();
    const run = new ImportRun(shell.api);
    run.listen();
    shell.cbs.finished!({ summary: summary(), error: null });
    shell.cbs.progress!({ done: 0, total: 0, current: '' });
    expect(run.summary).toBeNull();
  });

  it('stops listening', async () => {
    const shell = fakeShell();
    const run = new ImportRun(shell.api);
    const stop = run.listen();
    stop();
    await Promise.resolve();
    await Promise.resolve();
    expect(shell.calls.filter((c) => c === 'off')).toHaveLength(3);
  });
});
