//! The Log page's list: keyset paging through the core, newest first. Ten years of daily entries
//! is thousands of rows, so only the pages the runner scrolls to are fetched.
//!
//! Every reload bumps a generation number; a page that arrives for an older generation (the filter
//! changed while it was in flight) is dropped instead of mixed into the new list.
//!
//! After a write elsewhere, `refresh` fetches again as many entries as are loaded and swaps them
//! in at once, so rows the runner has scrolled to stay where they are.

import { LIMITS } from '../../lib/generated/limits';
import { toErrorPayload } from '../../lib/api';
import type { ErrorPayload } from '../../lib/bindings/ErrorPayload';
import type { Session } from '../../lib/bindings/Session';
import type { SessionKind } from '../../lib/bindings/SessionKind';
import type { SessionPage } from '../../lib/bindings/SessionPage';
import type { SessionQuery } from '../../lib/bindings/SessionQuery';

export interface LogFilter {
  kinds: SessionKind[];
  from: string;
  to: string;
  /** Only these entries (the ones an import just added); every entry when absent or empty. */
  ids?: string[];
}

/** The core's default page, and the most it returns in one (crates/core/src/limits.rs). */
export const PAGE_SIZE: number = LIMITS.sessionPageDefault;
export const MAX_PAGE_SIZE: number = LIMITS.sessionPageMax;

/** Newest first, as the core orders: start instant descending, then id descending. */
export function compareSessions(a: Session, b: Session): number {
  const d = Date.parse(b.startUtc) - Date.parse(a.startUtc);
  if (d !== 0) return d;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export class SessionLog {
  items = $state<Session[]>([]);
  nextCursor = $state<string | null>(null);
  /** A first page or the next one is on its way: the list is about to change. */
  loading = $state(false);
  /** What is loaded is being fetched again; the list stays as it is until the answer swaps in. */
  refreshing = $state(false);
  /** True once the first page of the current filter has arrived. */
  loaded = $state(false);
  error = $state<ErrorPayload | null>(null);
  filter = $state<LogFilter>({ kinds: [], from: '', to: '' });

  #gen = 0;
  readonly #fetch: (q: SessionQuery) => Promise<SessionPage>;
  readonly #zone: string;
  readonly #pageSize: number;

  constructor(fetch: (q: SessionQuery) => Promise<SessionPage>, zone: string, pageSize = PAGE_SIZE) {
    this.#fetch = fetch;
    this.#zone = zone;
    this.#pageSize = pageSize;
  }

  get hasMore(): boolean {
    return this.nextCursor !== null;
  }

  /** Whether a date filter is set: then only the core can say if an entry belongs in the list. */
  get dateFiltered(): boolean {
    return this.filter.from !== '' || this.filter.to !== '';
  }

  /** The entries an import added, when the list is narrowed to them. */
  get onlyIds(): readonly string[] {
    return this.filter.ids ?? [];
  }

  query(cursor: string | null, limit = this.#pageSize): SessionQuery {
    return {
      kinds: [...this.filter.kinds],
      from: this.filter.from || null,
      to: this.filter.to || null,
      zone: this.#zone,
      cursor,
      limit,
      ids: [...this.onlyIds],
    };
  }

  /** Starts over from the newest entry, with a new filter if given. */
  async reload(filter?: LogFilter): Promise<void> {
    if (filter) this.filter = { kinds: [...filter.kinds], from: filter.from, to: filter.to, ids: [...(filter.ids ?? [])] };
    const gen = ++this.#gen;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#fetch(this.query(null));
      if (gen !== this.#gen) return;
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.loaded = true;
    } catch (e) {
      if (gen !== this.#gen) return;
      this.items = [];
      this.nextCursor = null;
      this.error = toErrorPayload(e);
      this.loaded = true;
    } finally {
      this.#settle(gen);
    }
  }

  /**
   * Fetches again what is loaded (at least one page) and swaps it in whole. A failure keeps the
   * list as it was and says so.
   */
  async refresh(): Promise<void> {
    const gen = ++this.#gen;
    const want = Math.max(this.items.length, this.#pageSize);
    const limit = Math.min(want, MAX_PAGE_SIZE);
    this.refreshing = true;
    try {
      const items: Session[] = [];
      let cursor: string | null = null;
      do {
        const page = await this.#fetch(this.query(cursor, limit));
        if (gen !== this.#gen) return;
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null && items.length < want);
      this.items = items;
      this.nextCursor = cursor;
      this.error = null;
      this.loaded = true;
    } catch (e) {
      if (gen !== this.#gen) return;
      this.error = toErrorPayload(e);
    } finally {
      this.#settle(gen);
    }
  }

  /** Appends the next page. A call while the list is loading is ignored, so a sentinel may fire freely. */
  async loadMore(): Promise<void> {
    if (this.loading || this.refreshing || this.nextCursor === null) return;
    const gen = this.#gen;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#fetch(this.query(this.nextCursor));
      if (gen !== this.#gen) return;
      const seen = new Set(this.items.map((s) => s.id));
      this.items = [...this.items, ...page.items.filter((s) => !seen.has(s.id))];
      this.nextCursor = page.nextCursor;
    } catch (e) {
      if (gen !== this.#gen) return;
      this.error = toErrorPayload(e);
    } finally {
      this.#settle(gen);
    }
  }

  /** The latest request ends whatever it interrupted, too. */
  #settle(gen: number): void {
    if (gen !== this.#gen) return;
    this.loading = false;
    this.refreshing = false;
  }

  /** Shows a saved or restored entry: in place when it can tell where, else by reloading. */
  async show(s: Session): Promise<void> {
    if (this.dateFiltered) await this.reload();
    else this.upsert(s);
  }

  remove(id: string): void {
    this.items = this.items.filter((s) => s.id !== id);
  }

  /**
   * Puts a saved or restored entry in its place without refetching, so the runner keeps their
   * scroll position. An entry older than the last loaded row is left for paging to bring in.
   */
  upsert(s: Session): void {
    const rest = this.items.filter((x) => x.id !== s.id);
    const kinds = this.filter.kinds;
    const ids = this.onlyIds;
    if ((kinds.length > 0 && !kinds.includes(s.details.kind)) || (ids.length > 0 && !ids.includes(s.id))) {
      this.items = rest;
      return;
    }
    const last = rest[rest.length - 1];
    if (this.nextCursor !== null && last && compareSessions(s, last) > 0) {
      this.items = rest;
      return;
    }
    const at = rest.findIndex((x) => compareSessions(s, x) < 0);
    this.items = at === -1 ? [...rest, s] : [...rest.slice(0, at), s, ...rest.slice(at)];
  }
}

export interface MonthGroup {
  key: string;
  items: Session[];
}

/** Consecutive entries by the month of their wall-clock start ("YYYY-MM"). */
export function groupByMonth(items: readonly Session[]): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const s of items) {
    const key = s.startLocal.slice(0, 7);
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.items.push(s);
    else groups.push({ key, items: [s] });
  }
  return groups;
}
