//! What the app must know before it shows a page, read in one call (`openApp`): the settings
//! (reading them also proves the database opened), what start-up found (a damaged file set aside,
//! read-only mode), a panic the window missed, and Today's page, the first screen. Settings and
//! start-up state are read again after a write that changed them, so a restore or delete-all shows
//! without reloading the window: the settings after any change to them, the start-up state after a
//! change to everything.

import { toErrorPayload } from '../../lib/api';
import type { DataArea } from '../../lib/bindings/DataArea';
import type { ErrorPayload } from '../../lib/bindings/ErrorPayload';
import type { Opening } from '../../lib/bindings/Opening';
import type { PanicNotice } from '../../lib/bindings/PanicNotice';
import type { Settings } from '../../lib/bindings/Settings';
import type { StartupReport } from '../../lib/bindings/StartupReport';
import type { Today } from '../../lib/bindings/Today';
import type { Reminder } from '../../lib/bindings/Reminder';
import { seedRegions } from '../../lib/regions';
import { applySettings } from '../../lib/settings.svelte';

export interface StartupSources {
  /** Everything the first screen needs, at once. */
  open: () => Promise<Opening>;
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
  /** A panic this run hit before the window was listening. */
  panic: PanicNotice | null = null;
  /** Today's page from the opening, for its first showing only. */
  #today: Today | null = null;
  /**
   * The reminders that have fired and wait for an answer, as the opening's Today lists them; null
   * when there was no Today (the banner then asks itself).
   */
  fired: Reminder[] | null = null;

  readonly #sources: StartupSources;

  constructor(sources: StartupSources) {
    this.#sources = sources;
  }

  /** One read; it fails when the settings cannot be read, that is when the database did not open. */
  async start(): Promise<void> {
    this.status = 'loading';
    try {
      const opening = await this.#sources.open();
      // A user-timing mark, read by `make bench-app` to split start-up into the call and the render.
      performance.mark('aftermile:opening');
      applySettings(opening.settings);
      seedRegions(opening.regions);
      this.report = opening.report;
      this.fired = opening.today ? opening.today.due.filter((r) => r.state === 'fired') : null;
      this.panic = opening.panic;
      this.#today = opening.today;
      this.status = opening.report.recovery ? 'recovery' : 'ready';
    } catch (e) {
      this.error = toErrorPayload(e);
      this.status = 'failed';
    }
  }

  /**
   * Today's page as the opening read it, once: the first screen shows without a second call, and
   * any later visit to Today reads it fresh.
   */
  takeToday(): Today | null {
    const today = this.#today;
    this.#today = null;
    return today;
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
