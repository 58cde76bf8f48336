//! The one activity import the app runs at a time, as the window sees it. The shell drives it
//! with events, whether it began from the dialog or from files dropped on the window: progress
//! (at most ten a second), then the end with a summary or an error. So every page shows the same
//! progress bar and the same summary, and a drop needs no page to be open.

import {
  cancelImport,
  importActivities,
  onDropHover,
  onImportFinished,
  onImportProgress,
  toErrorPayload,
  type ImportFinished,
  type ImportProgress,
  type ImportSummary,
} from '../../lib/api';
import type { ErrorPayload } from '../../lib/bindings/ErrorPayload';

type Unlisten = () => void;

/** What the store needs from the IPC module, so tests can stand in for the shell. */
export interface ImportApi {
  importActivities: (pick: 'files' | 'folder') => Promise<ImportSummary | null>;
  cancelImport: () => Promise<null>;
  onImportProgress: (cb: (p: ImportProgress) => void) => Promise<Unlisten>;
  onImportFinished: (cb: (f: ImportFinished) => void) => Promise<Unlisten>;
  onDropHover: (cb: (h: { active: boolean }) => void) => Promise<Unlisten>;
}

const REAL: ImportApi = { importActivities, cancelImport, onImportProgress, onImportFinished, onDropHover };

export class ImportRun {
  /** An import is reading files (from the first progress event to the end). */
  running = $state(false);
  progress = $state<ImportProgress | null>(null);
  /** Cancel was pressed; the shell stops after the file in hand. */
  cancelling = $state(false);
  /** The last import's summary, until the runner closes it. */
  summary = $state<ImportSummary | null>(null);
  /** Why the last import could not start or stopped early, until dismissed. */
  error = $state<ErrorPayload | null>(null);
  /** Files are being dragged over the window. */
  dropHover = $state(false);
  /** A native dialog is open; the buttons wait for it. */
  choosing = $state(false);

  readonly #api: ImportApi;

  constructor(api: ImportApi = REAL) {
    this.#api = api;
  }

  /** Starts listening to the shell; the returned function stops. */
  listen(): Unlisten {
    const offs: Promise<Unlisten>[] = [
      this.#api.onImportProgress((p) => this.#progressed(p)),
      this.#api.onImportFinished((f) => this.#finished(f)),
      this.#api.onDropHover((h) => (this.dropHover = h.active)),
    ];
    return () => {
      for (const off of offs) void off.then((u) => u());
    };
  }

  get busy(): boolean {
    return this.running || this.choosing;
  }

  /** Asks for files (or a zip) or a folder in a native dialog; the import then reports by events. */
  async choose(pick: 'files' | 'folder'): Promise<void> {
    if (this.busy) return;
    this.error = null;
    this.choosing = true;
    try {
      await this.#api.importActivities(pick);
    } catch (e) {
      // An import that ran and failed ends with `import-finished`, which says so; this is a
      // dialog that would not open, or an import already running.
      this.error ??= toErrorPayload(e);
    } finally {
      this.choosing = false;
    }
  }

  async cancel(): Promise<void> {
    if (!this.running || this.cancelling) return;
    this.cancelling = true;
    try {
      await this.#api.cancelImport();
    } catch (e) {
      this.cancelling = false;
      this.error = toErrorPayload(e);
    }
  }

  /** Closes the summary or the error. */
  dismiss(): void {
    this.summary = null;
    this.error = null;
  }

  #progressed(p: ImportProgress): void {
    if (!this.running) {
      // A new import: the last one's summary no longer applies.
      this.running = true;
      this.cancelling = false;
      this.summary = null;
      this.error = null;
    }
    this.progress = p;
  }

  #finished(f: ImportFinished): void {
    this.running = false;
    this.cancelling = false;
    this.progress = null;
    this.summary = f.summary;
    this.error = f.error;
  }
}

/** The app's one import. */
export const importRun = new ImportRun();
