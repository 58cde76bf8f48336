//! The only module that talks to the Rust side. Everything else in the UI imports these typed
//! functions, so it can be tested with plain data or `mockIPC`.

import { invoke } from '@tauri-apps/api/core';
import type { Content } from './bindings/Content';
import type { ErrorPayload } from './bindings/ErrorPayload';
import type { FieldError } from './bindings/FieldError';
import type { HeatMapQuery } from './bindings/HeatMapQuery';
import type { Mark } from './bindings/Mark';
import type { MarkInput } from './bindings/MarkInput';
import type { Region } from './bindings/Region';
import type { RegionHistory } from './bindings/RegionHistory';
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

// --- Body chart: marks, heat map, region history and the benefits content. ---

export const createMark = (input: MarkInput) => call<Mark>('create_mark', { input });
export const updateMark = (id: string, input: MarkInput) => call<Mark>('update_mark', { id, input });
/** Resolves to the deleted mark, which `restoreMark` takes back for Undo. */
export const deleteMark = (id: string) => call<Mark>('delete_mark', { id });
export const restoreMark = (mark: Mark) => call<Mark>('restore_mark', { mark });
/** The latest mark per region within the last `days` days (7 when null). */
export const heatMap = (days: number | null) => call<Mark[]>('heat_map', { query: { days } satisfies HeatMapQuery });
export const regionHistory = (regionId: string) => call<RegionHistory>('region_history', { regionId });
export const marksForSession = (sessionId: string) => call<Mark[]>('marks_for_session', { sessionId });
export const getContent = () => call<Content>('get_content');
