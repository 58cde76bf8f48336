//! What the app must know before it shows a page: the settings (reading them also proves the
//! database opened) and what start-up found (a damaged file set aside, read-only mode). Both are
//! read again after a write that changed them, so a restore or delete-all shows without
//! reloading the window: the settings after any change to them, the start-up state after a change
//! to everything.

import { toErrorPayload } from '../../lib/api';
import type { DataArea } from '../../lib/bindings/DataArea';
import type { ErrorPayload } from '../../lib/bindings/ErrorPayload';
import type { Settings } from '../../lib/bindings/Settings';
import type { StartupReport } from '../../lib/bindings/StartupReport';
import { applySettings } from '../../lib/settings.svelte';

export interface StartupSources {
  settings: () => Promise<Settings>;
  report: () => Promise<StartupReport>;
  /** Asks the shell to start again (or reopen a closed database). */
  reopen: () => Promise<StartupReport>;
}

export class Startup {
  status = $state<'loading' | 'ready' | 'failed' | 'recovery'>('loading');
  /** What start-up found; null when it could not be read, which is no reason to stop. */
  report = $state<StartupReport | null>(null);
  error = $state<ErrorPayload | null>(null);

  readonly #sources: StartupSources;

  constructor(sources: StartupSources) {
    this.#sources = sources;
  }

  /** Settings come first: they also tell whether the database opened at all. */
  async start(): Promise<void> {
    this.status = 'loading';
    try {
      applySettings(await this.#sources.settings());
      this.report = await this.#sources.report().catch(() => null);
      this.status = this.report?.recovery ? 'recovery' : 'ready';
    } catch (e) {
      this.error = toErrorPayload(e);
      this.status = 'failed';
    }
  }

  /** The database was closed under the app (a restore could not reopen it): stop on the error. */
  closed(error: ErrorPayload): void {
    this.error = error;
    this.status = 'failed';
  }

  /** The error screen's Retry: the shell tries again, then the app starts as at launch. */
  async retry(): Promise<void> {
    this.status = 'loading';
    try {
      await this.#sources.reopen();
    } catch (e) {
      this.error = toErrorPayload(e);
      this.status = 'failed';
      return;
    }
    await this.start();
  }

  /** After a write: the settings again and, after a change to everything, what start-up found. */
  async reread(changed: readonly DataArea[]): Promise<void> {
    if (this.status !== 'ready' && this.status !== 'recovery') return;
    // A failed read keeps what is shown; the next write tries again.
    const settings = await this.#sources.settings().catch(() => null);
    if (settings) applySettings(settings);
    if (!changed.includes('everything')) return;
    const report = await this.#sources.report().catch(() => null);
    if (!report) return;
    this.report = report;
    // A restore from the recovery screen clears what start-up found, and the app opens.
    if (this.status === 'recovery' && !report.recovery) this.status = 'ready';
  }
}
