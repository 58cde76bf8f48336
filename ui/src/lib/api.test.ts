// @vitest-environment happy-dom
import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  deleteSession,
  getSettings,
  isErrorPayload,
  listSessions,
  onDataChanged,
  restoreSession,
  toErrorPayload,
  updateSession,
} from './api';
import type { Session } from './bindings/Session';
import type { SessionQuery } from './bindings/SessionQuery';

const session: Session = {
  id: 'a1',
  startUtc: '2024-05-03T06:30:00Z',
  zone: 'Europe/London',
  startLocal: '2024-05-03T07:30',
  durationS: 1800,
  distanceM: 5000,
  rpe: null,
  notes: '',
  details: { kind: 'easy_run' },
  measured: null,
  createdAt: '2024-05-03T06:30:00Z',
  updatedAt: '2024-05-03T06:30:00Z',
};

afterEach(() => clearMocks());

describe('commands', () => {
  it('sends the query under the key the command expects', async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return { items: [session], nextCursor: 'c1' };
    });
    const query: SessionQuery = { kinds: ['race'], from: null, to: null, zone: 'UTC', cursor: null, limit: 50, ids: [] };
    const page = await listSessions(query);
    expect(page.nextCursor).toBe('c1');
    expect(calls).toEqual([['list_sessions', { query }]]);
  });

  it('passes id and input to update_session, and a session to restore_session', async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return session;
    });
    const { id: _id, startUtc: _u, createdAt: _c, updatedAt: _p, ...input } = session;
    await updateSession('a1', input);
    await deleteSession('a1');
    await restoreSession(session);
    expect(calls).toEqual([
      ['update_session', { id: 'a1', input }],
      ['delete_session', { id: 'a1' }],
      ['restore_session', { session }],
    ]);
  });

  it('rejects with the core payload', async () => {
    const payload = {
      code: 'invalid_input',
      message: 'Some fields need attention.',
      fields: [{ field: 'distance', code: 'out_of_range', message: 'Distance must be more than 0.' }],
    };
    mockIPC(() => {
      throw payload;
    });
    const err = await deleteSession('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).payload).toEqual(payload);
    expect((err as ApiError).code).toBe('invalid_input');
  });

  it('normalises a plain-string rejection as invalid_request', async () => {
    mockIPC(() => {
      throw 'invalid args `settings` for command `update_settings`: missing field `units`';
    });
    const err = (await getSettings().catch((e: unknown) => e)) as ApiError;
    expect(err.payload).toEqual({
      code: 'invalid_request',
      message: 'invalid args `settings` for command `update_settings`: missing field `units`',
      fields: [],
    });
  });
});

describe('events', () => {
  it('delivers what data-changed names, until unlistened', async () => {
    mockIPC(() => null, { shouldMockEvents: true });
    const heard: unknown[] = [];
    const unlisten = await onDataChanged((c) => heard.push(c.areas));
    await emit('data-changed', { areas: ['marks', 'sessions'] });
    unlisten();
    await emit('data-changed', { areas: ['everything'] });
    expect(heard).toEqual([['marks', 'sessions']]);
  });
});

describe('toErrorPayload', () => {
  it('lifts a lone `field` into `fields`', () => {
    const p = toErrorPayload({ code: 'not_found', message: 'Gone', field: 'id', fields: [] });
    expect(p.fields).toEqual([{ field: 'id', code: 'invalid', message: 'Gone' }]);
  });

  it('wraps anything else as internal', () => {
    expect(toErrorPayload(new Error('boom'))).toEqual({ code: 'internal', message: 'boom', fields: [] });
    expect(toErrorPayload(42).code).toBe('internal');
  });

  it('recognises payloads only when they have code, message and fields', () => {
    expect(isErrorPayload({ code: 'x', message: 'y', fields: [] })).toBe(true);
    expect(isErrorPayload({ code: 'x', message: 'y' })).toBe(false);
    expect(isErrorPayload('x')).toBe(false);
  });
});
