//! The only module that talks to the Rust side. Everything else in the UI imports these typed
//! functions, so it can be tested with plain data or `mockIPC`.

import { invoke } from '@tauri-apps/api/core';
import type { ErrorPayload } from './bindings/ErrorPayload';
import type { FieldError } from './bindings/FieldError';
import type { Region } from './bindings/Region';
import type { Session } from './bindings/Session';
import type { SessionInput } from './bindings/SessionInput';
import type { SessionPage } from './bindings/SessionPage';
import type { SessionQuery } from './bindings/SessionQuery';
import type { Settings } from './bindings/Settings';

/** A failed command, carrying the core's payload so callers can branch on `code` and `fields`. */
export class ApiError extends Error {
  readonly payload: ErrorPayload;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.payload = payload;
  }

  get code(): string {
    return this.payload.code;
  }
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string' && Array.isArray(v.fields);
}

/**
 * Turns whatever a command rejected with into an ErrorPayload. Tauri rejects with a plain string
 * when it cannot deserialize the arguments, before the core ever sees them.
 */
export function toErrorPayload(reason: unknown): ErrorPayload {
  if (reason instanceof ApiError) return reason.payload;
  if (isErrorPayload(reason)) {
    const fields: FieldError[] = reason.fields;
    // A single-field error may arrive with `field` set but an empty `fields` list.
    if (fields.length === 0 && reason.field) {
      return { ...reason, fields: [{ field: reason.field, code: reason.code, message: reason.message }] };
    }
    return reason;
  }
  if (typeof reason === 'string') {
    return { code: 'invalid_request', message: reason, fields: [] };
  }
  if (reason instanceof Error) {
    return { code: 'internal', message: reason.message, fields: [] };
  }
  return { code: 'internal', message: 'Something went wrong.', fields: [] };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (reason) {
    throw new ApiError(toErrorPayload(reason));
  }
}

export const listSessions = (query: SessionQuery) => call<SessionPage>('list_sessions', { query });
export const getSession = (id: string) => call<Session>('get_session', { id });
export const createSession = (input: SessionInput) => call<Session>('create_session', { input });
export const updateSession = (id: string, input: SessionInput) =>
  call<Session>('update_session', { id, input });
/** Resolves to the deleted session, which `restoreSession` takes back for Undo. */
export const deleteSession = (id: string) => call<Session>('delete_session', { id });
export const restoreSession = (session: Session) => call<Session>('restore_session', { session });
export const getSettings = () => call<Settings>('get_settings');
export const updateSettings = (settings: Settings) => call<Settings>('update_settings', { settings });
export const listRegions = () => call<Region[]>('list_regions');

