//! The "Your data" actions each hold the whole database for a while (a backup, a restore, an
//! export, an import, delete-all), so the section runs one at a time and disables the rest.
//!
//! A restore or delete-all replaces everything the section shows. Once one succeeds the section
//! stays disabled, and after a pause long enough to read its status the runner is taken on
//! (`onreplaced`) to a fresh view of their data.

import { toErrorPayload } from '../../../lib/api';
import type { Status } from '../../../lib/components/StatusLine.svelte';

export type DataJob = 'backup' | 'restore' | 'export' | 'import' | 'delete';

/** Time to read "Restored …" or "Everything was deleted …" before the view moves on. */
export const REPLACED_PAUSE_MS = 1200;

export class DataJobs {
  /** The job running, or the one that replaced the data. */
  busy = $state<DataJob | null>(null);

  #replaced = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onreplaced: () => void;

  constructor(onreplaced: () => void) {
    this.#onreplaced = onreplaced;
  }

  /** Runs `job` unless another is running; resolves to its result, or undefined if it did not run. */
  async run<T>(kind: DataJob, job: () => Promise<T>): Promise<T | undefined> {
    if (this.busy !== null) return undefined;
    this.busy = kind;
    try {
      return await job();
    } finally {
      if (!this.#replaced) this.busy = null;
    }
  }

  /** Called by a job whose success replaced the data: keeps the section disabled and moves on. */
  replaced(): void {
    this.#replaced = true;
    this.#timer = setTimeout(this.#onreplaced, REPLACED_PAUSE_MS);
  }

  /** The section is going away; a view it was about to open is no longer wanted. */
  dispose(): void {
    clearTimeout(this.#timer);
  }
}

/** A failed command as a status line, after `lead` when the failure needs context. */
export function failure(e: unknown, lead = ''): Status {
  return { kind: 'error', text: `${lead}${toErrorPayload(e).message}` };
}
