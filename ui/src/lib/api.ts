//! The only module that talks to the Rust side. Everything else in the UI imports these typed
//! functions, so it can be tested with plain data or `mockIPC`.

import { convertFileSrc, invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { ReminderFired } from './bindings/ReminderFired';
import type { PanicNotice } from './bindings/PanicNotice';
import type { DataProgress } from './bindings/DataProgress';
import { EVENTS } from './generated/events';
import type { Briefing } from './bindings/Briefing';
import type { BriefingRequest } from './bindings/BriefingRequest';
import type { BackupInfo } from './bindings/BackupInfo';
import type { Content } from './bindings/Content';
import type { DataChanged } from './bindings/DataChanged';
import type { ErrorPayload } from './bindings/ErrorPayload';
import type { ExportSummary } from './bindings/ExportSummary';
import type { FieldError } from './bindings/FieldError';
import type { HeatMapQuery } from './bindings/HeatMapQuery';
import type { DropHover } from './bindings/DropHover';
import type { ImportFinished } from './bindings/ImportFinished';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportReport } from './bindings/ImportReport';
import type { ImportSummary } from './bindings/ImportSummary';
import type { Mark } from './bindings/Mark';
import type { Opening } from './bindings/Opening';
import type { MarkInput } from './bindings/MarkInput';
import type { Region } from './bindings/Region';
import type { RegionHistory } from './bindings/RegionHistory';
import type { Reminder } from './bindings/Reminder';
import type { ReminderAction } from './bindings/ReminderAction';
import type { ReminderInput } from './bindings/ReminderInput';
import type { ReminderQuery } from './bindings/ReminderQuery';
import type { RuleSource } from './bindings/RuleSource';
import type { RestoreOutcome } from './bindings/RestoreOutcome';
import type { Session } from './bindings/Session';
import type { SessionInput } from './bindings/SessionInput';
import type { SessionPage } from './bindings/SessionPage';
import type { SessionQuery } from './bindings/SessionQuery';
import type { Settings } from './bindings/Settings';
import type { Snooze } from './bindings/Snooze';
import type { StartupReport } from './bindings/StartupReport';
import type { Today } from './bindings/Today';
import type { Warning } from './bindings/Warning';
import type { WeekSummary } from './bindings/WeekSummary';
import type { WipeReport } from './bindings/WipeReport';

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
      return { ...reason, fields: [{ field: reason.field, code: 'invalid', message: reason.message }] };
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

type ClosedListener = (error: ErrorPayload) => void;
const closedListeners = new Set<ClosedListener>();

/**
 * Calls `cb` whenever a command finds the database closed (a restore's reopen failed): the app
 * then shows the error screen with Retry and Quit instead of letting each page fail on its own.
 */
export function onDatabaseClosed(cb: ClosedListener): () => void {
  closedListeners.add(cb);
  return () => closedListeners.delete(cb);
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (reason) {
    failed(reason);
  }
}

function failed(reason: unknown): never {
  const payload = toErrorPayload(reason);
  if (payload.code === 'closed') for (const cb of closedListeners) cb(payload);
  throw new ApiError(payload);
}

declare global {
  interface Window {
    /** The main window's first `open_app`, sent before this code loaded (src-tauri/src/windows.rs). */
    __AFTERMILE_OPENING__?: Promise<Opening>;
  }
}

/**
 * Everything the first screen needs (`open_app`). The shell sends the main window's first request
 * as the page starts, so the core reads while this bundle is still being parsed; that answer is
 * taken once. Later calls (Retry, the error screen) ask anew.
 */
export async function openApp(): Promise<Opening> {
  const early = window.__AFTERMILE_OPENING__;
  if (!early) return call<Opening>('open_app');
  window.__AFTERMILE_OPENING__ = undefined;
  try {
    return await early;
  } catch (reason) {
    failed(reason);
  }
}

export const listSessions = (query: SessionQuery) => call<SessionPage>('list_sessions', { query });
export const getSession = (id: string) => call<Session>('get_session', { id });
export const createSession = (input: SessionInput) => call<Session>('create_session', { input });
export const updateSession = (id: string, input: SessionInput) =>
  call<Session>('update_session', { id, input });
/** Sets how hard a session felt (RPE 1–10); everything else about it stays. */
export const rateSession = (id: string, rpe: number) => call<Session>('rate_session', { id, rpe });
/** Resolves to the deleted session, which `restoreSession` takes back for Undo. */
export const deleteSession = (id: string) => call<Session>('delete_session', { id });
export const restoreSession = (session: Session) => call<Session>('restore_session', { session });
export const getSettings = () => call<Settings>('get_settings');
export const updateSettings = (settings: Settings) => call<Settings>('update_settings', { settings });
export const listRegions = () => call<Region[]>('list_regions');

// --- Today and training load. ---

/** Everything the Today page shows, in one call. */
export const getToday = () => call<Today>('today');
/** Weekly load for the weeks touching `from..=to` (YYYY-MM-DD). */
export const loadWeeks = (from: string, to: string) => call<WeekSummary[]>('load_weeks', { from, to });

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

// --- Recovery plans and reminders. ---

export const listReminders = (query: ReminderQuery) => call<Reminder[]>('list_reminders', { query });
export const createReminder = (input: ReminderInput) => call<Reminder>('create_reminder', { input });
/** The edited reminder waits again from its new time, even if it had fired. */
export const editReminder = (id: string, input: ReminderInput) => call<Reminder>('edit_reminder', { id, input });
export const snoozeReminder = (id: string, snooze: Snooze) => call<Reminder>('snooze_reminder', { id, snooze });
export const actOnReminder = (id: string, action: ReminderAction) => call<Reminder>('act_on_reminder', { id, action });
/** Manual reminders only; the core refuses plan reminders (they can be dismissed). */
export const deleteReminder = (id: string) => call<Reminder>('delete_reminder', { id });
export const ruleSources = () => call<RuleSource[]>('rule_sources');
/** The Rust side asks where to save; resolves to the path written, or null if cancelled. */
export const exportIcs = (query: ReminderQuery) => call<string | null>('export_ics', { query });
export const sessionWarnings = (id: string) => call<Warning[]>('session_warnings', { id });

// --- Briefing sheet. ---

/** The composed sheet, or the form's field errors. */
export const composeBriefing = (request: BriefingRequest) => call<Briefing>('compose_briefing', { request });
/** The Rust side asks where to save; resolves to the path written, or null if cancelled. */
export const saveBriefing = (request: BriefingRequest, format: 'html' | 'pdf') =>
  call<string | null>('save_briefing', { request, format });
/** Opens the sheet in its own window with the system print dialog. */
export const printBriefing = (request: BriefingRequest) => call<null>('print_briefing', { request });
/** Where the `briefing:` scheme serves the sheet for this request, for the preview iframe. */
export const briefingSheetUrl = (request: BriefingRequest) => convertFileSrc(JSON.stringify(request), 'briefing');

/** What the scheduler sends for each reminder it fires (`reminder-fired`). */

export type { DataProgress, PanicNotice, ReminderFired };

/** Calls `cb` for every fired reminder, including ones missed while the app was closed. */
export function onReminderFired(cb: (fired: ReminderFired) => void): Promise<UnlistenFn> {
  return listen<ReminderFired>(EVENTS.reminderFired, (e) => cb(e.payload));
}

// --- Your data: backups, restore, export, import, delete-all, start-up recovery. ---

/** The error screens' Retry: start again, or reopen a database left closed; what start-up found. */
export const reopenDatabase = () => call<StartupReport>('reopen_database');
/** The error screens' Quit (closing the window may only hide it in the tray). */
export const quitApp = () => call<null>('quit_app');
/** What start-up found: read-only mode, notices, and a damaged database that was set aside. */
export const startupReport = () => call<StartupReport>('startup_report');
export const listBackups = () => call<BackupInfo[]>('list_backups');
export const backUpNow = () => call<BackupInfo>('back_up_now');
/** Restores a listed backup by its file name; the database is swapped in place. */
export const restoreBackup = (name: string) => call<RestoreOutcome>('restore_backup', { name });
/** Asks for a backup file to restore; null if cancelled. */
export const restoreBackupFile = () => call<RestoreOutcome | null>('restore_backup_file');
/** Asks where to save (a file for JSON, a folder for CSV); null if cancelled. */
export const exportData = (format: 'json' | 'csv') => call<ExportSummary | null>('export_data', { format });
/** Asks for an export file and merges it in; null if cancelled. */
export const importData = () => call<ImportReport | null>('import_data');
/** Deletes everything; the core refuses unless `confirm` is exactly "DELETE". */
export const deleteAllData = (confirm: string) => call<WipeReport>('delete_all_data', { confirm });

/** What a panic on the Rust side reports (`app-panic`). */
export function onAppPanic(cb: (notice: PanicNotice) => void): Promise<UnlistenFn> {
  return listen<PanicNotice>(EVENTS.appPanic, (e) => cb(e.payload));
}

/**
 * Calls `cb` after every write on the Rust side (`data-changed`), whoever made it: this window,
 * the reminder scheduler, a restore. `areas` names what changed; "everything" after a restore, a
 * JSON import or delete-all.
 */
export function onDataChanged(cb: (change: DataChanged) => void): Promise<UnlistenFn> {
  return listen<DataChanged>(EVENTS.dataChanged, (e) => cb(e.payload));
}

/** Progress of a long export or import (`data-progress`, every 500 records). */
export function onDataProgress(cb: (p: DataProgress) => void): Promise<UnlistenFn> {
  return listen<DataProgress>(EVENTS.dataProgress, (e) => cb(e.payload));
}

// --- Importing activities from watches and Strava. ---

export type { ImportFinished, ImportProgress, ImportSummary };

/**
 * Asks for activity files (several, or a zip) or a folder in a native dialog and imports them;
 * null if cancelled. Progress and the end also come as events (`onImportProgress`,
 * `onImportFinished`), as they do for files dropped on the window.
 */
export const importActivities = (pick: 'files' | 'folder') =>
  call<ImportSummary | null>('import_activities', { pick });
/** Stops the running import after the file in hand; what was imported stays. */
export const cancelImport = () => call<null>('cancel_import');

/** How far an import has got (`import-progress`, at most ten a second, and always the last). */
export function onImportProgress(cb: (p: ImportProgress) => void): Promise<UnlistenFn> {
  return listen<ImportProgress>(EVENTS.importProgress, (e) => cb(e.payload));
}
/** An import ended, from a dialog or a drop, with its summary or its error (`import-finished`). */
export function onImportFinished(cb: (f: ImportFinished) => void): Promise<UnlistenFn> {
  return listen<ImportFinished>(EVENTS.importFinished, (e) => cb(e.payload));
}
/** Files are being dragged over the window, or no longer are (`drop-hover`). */
export function onDropHover(cb: (h: DropHover) => void): Promise<UnlistenFn> {
  return listen<DropHover>(EVENTS.dropHover, (e) => cb(e.payload));
}
