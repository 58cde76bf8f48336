import { describe, expect, it } from 'vitest';
import type { Session } from '../../lib/bindings/Session';
import type { SessionPage } from '../../lib/bindings/SessionPage';
import type { SessionQuery } from '../../lib/bindings/SessionQuery';
import { compareSessions, groupByMonth, MAX_PAGE_SIZE, PAGE_SIZE, SessionLog } from './logStore.svelte';

function s(id: string, startUtc: string, kind: 'easy_run' | 'workout' = 'easy_run'): Session {
  return {
    id,
    startUtc,
    zone: 'UTC',
    startLocal: startUtc.slice(0, 16),
    durationS: null,
    distanceM: null,
    rpe: null,
    notes: '',
    details: { kind },
    measured: null,
    createdAt: startUtc,
    updatedAt: startUtc,
  };
}

/** A fake core over a list (a test may change it between fetches), paging like a keyset would. */
function fakeCore(all: Session[]) {
  const queries: SessionQuery[] = [];
  const fetch = async (q: SessionQuery): Promise<SessionPage> => {
    queries.push(q);
    const sorted = all
      .filter((x) => q.kinds.length === 0 || q.kinds.includes(x.details.kind))
      .filter((x) => q.ids.length === 0 || q.ids.includes(x.id))
      .sort(compareSessions);
    const start = q.cursor ? sorted.findIndex((x) => x.id === q.cursor) + 1 : 0;
    const limit = q.limit ?? 50;
    const items = sorted.slice(start, start + limit);
    const more = start + limit < sorted.length;
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  };
  return { fetch, queries };
}

const days = (n: number) =>
  Array.from({ length: n }, (_, i) => s(`id${String(i).padStart(4, '0')}`, new Date(Date.UTC(2024, 0, 1 + i, 7)).toISOString()));

describe('SessionLog paging', () => {
  it('loads pages newest first until the cursor runs out', async () => {
    const core = fakeCore(days(5));
    const log = new SessionLog(core.fetch, 'Europe/Oslo', 2);
    await log.reload();
    expect(log.items.map((x) => x.id)).toEqual(['id0004', 'id0003']);
    expect(log.hasMore).toBe(true);
    await log.loadMore();
    await log.loadMore();
    expect(log.items.map((x) => x.id)).toEqual(['id0004', 'id0003', 'id0002', 'id0001', 'id0000']);
    expect(log.hasMore).toBe(false);
    await log.loadMore();
    expect(core.queries).toHaveLength(3);
    expect(core.queries[1]).toMatchObject({ cursor: 'id0003', zone: 'Europe/Oslo', limit: 2 });
  });

  it('sends the filter with blank dates as null', async () => {
    const core = fakeCore([]);
    const log = new SessionLog(core.fetch, 'UTC');
    await log.reload({ kinds: ['race', 'massage'], from: '2024-01-01', to: '' });
    expect(core.queries[0]).toEqual({
      kinds: ['race', 'massage'],
      from: '2024-01-01',
      to: null,
      zone: 'UTC',
      cursor: null,
      limit: PAGE_SIZE,
      ids: [],
    });
    expect(log.loaded).toBe(true);
  });

  it('narrows to the entries an import added, keeps them through filters, and drops others on upsert', async () => {
    const core = fakeCore(days(5));
    const log = new SessionLog(core.fetch, 'UTC');
    await log.reload({ kinds: [], from: '', to: '', ids: ['id0001', 'id0003'] });
    expect(core.queries[0].ids).toEqual(['id0001', 'id0003']);
    expect(log.onlyIds).toEqual(['id0001', 'id0003']);
    expect(log.items.map((x) => x.id)).toEqual(['id0003', 'id0001']);
    // An entry saved elsewhere that is not one of them does not join the list.
    const before = log.items.length;
    log.upsert({ ...days(1)[0], id: 'other', startUtc: '2030-01-01T00:00:00Z' });
    expect(log.items).toHaveLength(before);
    await log.reload({ kinds: [], from: '', to: '' });
    expect(log.onlyIds).toEqual([]);
    expect(core.queries[1].ids).toEqual([]);
  });

  it('ignores a second loadMore while one is in flight', async () => {
    const core = fakeCore(days(6));
    const log = new SessionLog(core.fetch, 'UTC', 2);
    await log.reload();
    const a = log.loadMore();
    const b = log.loadMore();
    await Promise.all([a, b]);
    expect(log.items).toHaveLength(4);
    expect(core.queries).toHaveLength(2);
  });

  it('drops a page that arrives after the filter changed', async () => {
    let release: (p: SessionPage) => void = () => {};
    const slow = new Promise<SessionPage>((r) => (release = r));
    const fresh: SessionPage = { items: [s('new', '2024-02-01T00:00:00Z')], nextCursor: null };
    const pages = [slow, Promise.resolve(fresh)];
    const log = new SessionLog(() => pages.shift()!, 'UTC');
    const first = log.reload();
    await log.reload({ kinds: ['race'], from: '', to: '' });
    release({ items: [s('stale', '2024-01-01T00:00:00Z')], nextCursor: 'stale' });
    await first;
    expect(log.items.map((x) => x.id)).toEqual(['new']);
    expect(log.nextCursor).toBeNull();
    expect(log.loading).toBe(false);
  });

  it('keeps the error payload when a page fails', async () => {
    const log = new SessionLog(() => Promise.reject({ code: 'busy', message: 'Busy', fields: [] }), 'UTC');
    await log.reload();
    expect(log.error).toEqual({ code: 'busy', message: 'Busy', fields: [] });
    expect(log.loading).toBe(false);
  });
});

describe('SessionLog refresh', () => {
  it('fetches again as many entries as are loaded, in one go, and keeps paging after them', async () => {
    const all = days(9);
    const core = fakeCore(all);
    const log = new SessionLog(core.fetch, 'UTC', 2);
    await log.reload();
    await log.loadMore();
    await log.loadMore();
    expect(log.items).toHaveLength(6);
    all.push(s('new', '2025-01-01T07:00:00Z'));
    all.splice(all.findIndex((x) => x.id === 'id0007'), 1);
    core.queries.length = 0;
    await log.refresh();
    expect(core.queries).toEqual([expect.objectContaining({ cursor: null, limit: 6 })]);
    expect(log.items.map((x) => x.id)).toEqual(['new', 'id0008', 'id0006', 'id0005', 'id0004', 'id0003']);
    expect(log.refreshing).toBe(false);
    await log.loadMore();
    expect(log.items.map((x) => x.id).slice(6)).toEqual(['id0002', 'id0001']);
  });

  it('fetches at least a page, and in pages the core allows', async () => {
    const core = fakeCore(days(1200));
    const log = new SessionLog(core.fetch, 'UTC', 300);
    await log.reload();
    await log.loadMore();
    await log.loadMore();
    core.queries.length = 0;
    await log.refresh();
    expect(core.queries.map((q) => q.limit)).toEqual([MAX_PAGE_SIZE, MAX_PAGE_SIZE]);
    expect(log.items).toHaveLength(1000);
    expect(log.hasMore).toBe(true);

    const few = new SessionLog(fakeCore(days(3)).fetch, 'UTC', 2);
    await few.refresh();
    expect(few.items).toHaveLength(2);
    expect(few.loaded).toBe(true);
  });

  it('keeps the list when the refresh fails, and says why', async () => {
    let fail = false;
    const core = fakeCore(days(3));
    const log = new SessionLog(
      async (q) => {
        if (fail) throw { code: 'busy', message: 'Busy', fields: [] };
        return core.fetch(q);
      },
      'UTC',
    );
    await log.reload();
    fail = true;
    await log.refresh();
    expect(log.items).toHaveLength(3);
    expect(log.error?.message).toBe('Busy');
    expect(log.loading).toBe(false);
  });

  it('leaves the list alone while it runs, and holds paging back until it is done', async () => {
    let release!: () => void;
    let hold = false;
    const core = fakeCore(days(5));
    const log = new SessionLog(
      async (q) => {
        if (hold) await new Promise<void>((r) => (release = r));
        return core.fetch(q);
      },
      'UTC',
      2,
    );
    await log.reload();
    hold = true;
    const refreshing = log.refresh();
    expect(log.refreshing).toBe(true);
    expect(log.loading).toBe(false);
    expect(log.items).toHaveLength(2);
    await log.loadMore();
    release();
    await refreshing;
    expect(log.refreshing).toBe(false);
    expect(core.queries.filter((q) => q.cursor !== null)).toEqual([]);
  });

  it('ends a next page it interrupted, so paging goes on afterwards', async () => {
    let release!: () => void;
    let hold = false;
    const core = fakeCore(days(5));
    const log = new SessionLog(
      async (q) => {
        if (hold && q.cursor !== null) await new Promise<void>((r) => (release = r));
        return core.fetch(q);
      },
      'UTC',
      2,
    );
    await log.reload();
    hold = true;
    const more = log.loadMore();
    await log.refresh();
    release();
    await more;
    expect(log.loading).toBe(false);
    expect(log.items).toHaveLength(2);
    hold = false;
    await log.loadMore();
    expect(log.items).toHaveLength(4);
  });

  it('gives way to a new filter chosen while it runs', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const core = fakeCore([...days(3), s('w1', '2024-02-01T07:00:00Z', 'workout')]);
    const log = new SessionLog(async (q) => {
      if (q.kinds.length === 0) await gate;
      return core.fetch(q);
    }, 'UTC');
    const refreshing = log.refresh();
    await log.reload({ kinds: ['workout'], from: '', to: '' });
    release();
    await refreshing;
    expect(log.items.map((x) => x.id)).toEqual(['w1']);
  });
});

describe('SessionLog upsert', () => {
  async function loaded(n: number, pageSize = 50) {
    const log = new SessionLog(fakeCore(days(n)).fetch, 'UTC', pageSize);
    await log.reload();
    return log;
  }

  it('inserts a new entry in date order', async () => {
    const log = await loaded(3);
    log.upsert(s('mid', '2024-01-02T12:00:00Z'));
    expect(log.items.map((x) => x.id)).toEqual(['id0002', 'mid', 'id0001', 'id0000']);
  });

  it('moves an edited entry to its new date', async () => {
    const log = await loaded(3);
    log.upsert({ ...log.items[2], startUtc: '2025-01-01T00:00:00Z' });
    expect(log.items.map((x) => x.id)).toEqual(['id0000', 'id0002', 'id0001']);
  });

  it('leaves an entry older than the loaded pages to paging', async () => {
    const log = await loaded(5, 2);
    log.upsert(s('old', '2020-01-01T00:00:00Z'));
    expect(log.items.map((x) => x.id)).not.toContain('old');
  });

  it('drops an entry whose kind the filter hides', async () => {
    const log = await loaded(2);
    log.filter = { kinds: ['workout'], from: '', to: '' };
    log.upsert({ ...log.items[0] });
    expect(log.items).toHaveLength(1);
  });

  it('removes by id', async () => {
    const log = await loaded(3);
    log.remove('id0001');
    expect(log.items.map((x) => x.id)).toEqual(['id0002', 'id0000']);
  });
});

describe('groupByMonth', () => {
  it('groups consecutive entries by wall-clock month', () => {
    const g = groupByMonth([s('a', '2024-03-02T00:00:00Z'), s('b', '2024-03-01T00:00:00Z'), s('c', '2024-02-28T00:00:00Z')]);
    expect(g.map((x) => [x.key, x.items.map((i) => i.id)])).toEqual([
      ['2024-03', ['a', 'b']],
      ['2024-02', ['c']],
    ]);
  });
});
