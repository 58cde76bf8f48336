import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataJobs, failure, REPLACED_PAUSE_MS } from './dataJobs.svelte';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('DataJobs', () => {
  it('runs one job at a time and frees the section after it', async () => {
    const jobs = new DataJobs(() => {});
    const first = deferred<string>();
    const running = jobs.run('export', () => first.promise);
    expect(jobs.busy).toBe('export');
    const second = vi.fn(async () => 'no');
    expect(await jobs.run('backup', second)).toBeUndefined();
    expect(second).not.toHaveBeenCalled();
    first.resolve('done');
    expect(await running).toBe('done');
    expect(jobs.busy).toBeNull();
  });

  it('frees the section when a job fails', async () => {
    const jobs = new DataJobs(() => {});
    await expect(jobs.run('import', async () => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
    expect(jobs.busy).toBeNull();
  });

  it('stays disabled after the data was replaced, and moves on after a pause', async () => {
    const onreplaced = vi.fn();
    const jobs = new DataJobs(onreplaced);
    await jobs.run('restore', async () => jobs.replaced());
    expect(jobs.busy).toBe('restore');
    vi.advanceTimersByTime(REPLACED_PAUSE_MS - 1);
    expect(onreplaced).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onreplaced).toHaveBeenCalledOnce();
  });

  it('does not move on once the section is gone', async () => {
    const onreplaced = vi.fn();
    const jobs = new DataJobs(onreplaced);
    await jobs.run('delete', async () => jobs.replaced());
    jobs.dispose();
    vi.advanceTimersByTime(REPLACED_PAUSE_MS * 2);
    expect(onreplaced).not.toHaveBeenCalled();
  });
});

describe('failure', () => {
  it('puts the core message after the lead', () => {
    const refused = { code: 'invalid_input', message: 'Not an export file.', fields: [] };
    expect(failure(refused, 'Nothing was imported. ')).toEqual({ kind: 'error', text: 'Nothing was imported. Not an export file.' });
    expect(failure(new Error('disk full'))).toEqual({ kind: 'error', text: 'disk full' });
  });
});
