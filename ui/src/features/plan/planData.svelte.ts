//! The Plan page's data: every reminder, and the session each plan belongs to, for its heading.
//! A plan's session is fetched once, as it rarely changes; after a change to the sessions (a race
//! renamed or deleted) they are all fetched again.

import { toErrorPayload } from '../../lib/api';
import type { Reminder } from '../../lib/bindings/Reminder';
import type { Session } from '../../lib/bindings/Session';

export interface PlanSources {
  listReminders: () => Promise<Reminder[]>;
  getSession: (id: string) => Promise<Session>;
}

export class PlanData {
  reminders = $state<Reminder[]>([]);
  /** Sessions the plans belong to, by id; null when it could not be fetched. */
  sessions = $state<Record<string, Session | null>>({});
  loaded = $state(false);
  loadError = $state<string | null>(null);

  readonly #sources: PlanSources;
  #request = 0;

  constructor(sources: PlanSources) {
    this.#sources = sources;
  }

  /** Reads the reminders again; `sessionsChanged` also re-reads the sessions they belong to. */
  async load(sessionsChanged = false): Promise<void> {
    const request = ++this.#request;
    try {
      const list = await this.#sources.listReminders();
      const known = sessionsChanged ? {} : this.sessions;
      const missing = [...new Set(list.map((r) => r.sessionId).filter((id): id is string => !!id && !(id in known)))];
      // A session deleted since its plan was made still gets a group, headed as unknown.
      const fetched = await Promise.all(missing.map((id) => this.#sources.getSession(id).catch(() => null)));
      // A load started later has newer data; this one must not overwrite it.
      if (request !== this.#request) return;
      const sessions = { ...known };
      missing.forEach((id, i) => (sessions[id] = fetched[i]));
      this.sessions = sessions;
      this.reminders = list;
      this.loadError = null;
    } catch (e) {
      if (request === this.#request) this.loadError = toErrorPayload(e).message;
    } finally {
      if (request === this.#request) this.loaded = true;
    }
  }
}
