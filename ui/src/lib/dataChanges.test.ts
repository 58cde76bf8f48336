// @vitest-environment happy-dom
import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataArea } from './bindings/DataArea';
import type { DataChanged } from './bindings/DataChanged';
import { touches, watchData } from './dataChanges.svelte';

beforeEach(() => mockIPC(() => null, { shouldMockEvents: true }));
afterEach(() => clearMocks());

/** What the Rust side sends after a write; resolves once the listeners have heard it. */
const changed = (...areas: DataArea[]) => emit('data-changed', { areas } satisfies DataChanged);
/** Lets the listener's refresh loop run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('touches', () => {
  it.each<[string, DataArea[], boolean]>([
    ['an area shown', ['marks'], true],
    ['one of several', ['sessions', 'reminders'], true],
    ['only areas not shown', ['settings'], false],
    ['everything', ['everything'], true],
    ['nothing', [], false],
  ])('%s', (_name, areas, expected) => {
    expect(touches(areas, ['marks', 'reminders'])).toBe(expected);
  });

  it('hears only "everything" when a page shows no area', () => {
    expect(touches(['sessions'], [])).toBe(false);
    expect(touches(['everything'], [])).toBe(true);
  });
});

describe('watchData', () => {
  it('refreshes for the areas shown and for everything, not for others', async () => {
    const refresh = vi.fn();
    const stop = watchData(['sessions'], refresh);
    await settle();
    await changed('settings');
    await changed('sessions');
    await settle();
    await changed('everything');
    await settle();
    expect(refresh.mock.calls).toEqual([[['sessions']], [['everything']]]);
    stop();
  });

  it('stops refreshing once stopped, even before the listener is gone', async () => {
    const refresh = vi.fn();
    const stop = watchData(['marks'], refresh);
    await settle();
    stop();
    await changed('marks');
    await settle();
    await changed('marks');
    await settle();
    expect(refresh).not.toHaveBeenCalled();
  });

  it('folds the changes that arrive during a refresh into one refresh after it', async () => {
    let release!: () => void;
    const calls: DataArea[][] = [];
    const stop = watchData(['sessions', 'marks', 'reminders'], async (areas) => {
      calls.push(areas);
      if (calls.length === 1) await new Promise<void>((r) => (release = r));
    });
    await settle();
    await changed('sessions');
    await changed('marks');
    await changed('reminders', 'marks');
    expect(calls).toEqual([['sessions']]);
    release();
    await settle();
    expect(calls).toEqual([['sessions'], ['marks', 'reminders']]);
    stop();
  });

  it('keeps refreshing after a refresh that threw', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const refresh = vi.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValue(undefined);
    const stop = watchData(['marks'], refresh);
    await settle();
    await changed('marks');
    await settle();
    await changed('marks');
    await settle();
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledOnce();
    stop();
    error.mockRestore();
  });
});
