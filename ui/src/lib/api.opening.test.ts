// @vitest-environment happy-dom
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, openApp } from './api';
import type { Opening } from './bindings/Opening';

afterEach(() => {
  clearMocks();
  window.__AFTERMILE_OPENING__ = undefined;
});

// Only the fields this test reads: the opening passes through untouched.
const opening = (tag: string) => ({ tag }) as unknown as Opening;

describe('openApp', () => {
  it('takes the request the shell sent as the page started, once, then asks anew', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return opening('asked');
    });
    window.__AFTERMILE_OPENING__ = Promise.resolve(opening('early'));
    expect(await openApp()).toEqual(opening('early'));
    expect(calls).toEqual([]);
    // A retry after an error must read again, not get the first answer back.
    expect(await openApp()).toEqual(opening('asked'));
    expect(calls).toEqual(['open_app']);
  });

  it('reports a failed early request as any failed call', async () => {
    window.__AFTERMILE_OPENING__ = Promise.reject({ code: 'closed', message: 'The database is closed.', fields: [] });
    const e = await openApp().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).payload.code).toBe('closed');
  });
});
