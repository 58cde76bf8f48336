import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_MS, UndoableDelete } from './undoableDelete.svelte';

type Item = { id: string; v: number };

/** A store over a fake core that records what it was asked to delete and restore. */
function setup(over: { remove?: (i: Item) => Promise<Item>; restore?: (i: Item) => Promise<Item> } = {}) {
  const removed: Item[] = [];
  const restored: Item[] = [];
  const said: string[] = [];
  const store = new UndoableDelete<Item>({
    remove:
      over.remove ??
      (async (i) => {
        removed.push(i);
        // The core answers with its own copy, which is what Undo must give back.
        return { ...i, v: i.v + 1 };
      }),
    restore:
      over.restore ??
      (async (i) => {
        restored.push(i);
        return i;
      }),
    deleted: 'Entry deleted',
    restored: 'Entry restored.',
    announce: (t) => said.push(t),
  });
  return { store, removed, restored, said };
}

async function remove(store: UndoableDelete<Item>, item: Item) {
  store.ask(item);
  return store.confirm();
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('UndoableDelete', () => {
  it('deletes only once confirmed, then offers Undo', async () => {
    const { store, removed, said } = setup();
    store.ask({ id: 'a', v: 1 });
    expect(store.pending).toEqual({ id: 'a', v: 1 });
    expect(removed).toEqual([]);
    expect(await store.confirm()).toEqual({ id: 'a', v: 2 });
    expect(removed).toEqual([{ id: 'a', v: 1 }]);
    expect(store.pending).toBeNull();
    expect(store.busy).toBe(false);
    expect(store.toast).toMatchObject({ message: 'Entry deleted', undoable: true });
    expect(said).toEqual(['Entry deleted. Undo is available.']);
  });

  it('cancel keeps the item', async () => {
    const { store, removed } = setup();
    store.ask({ id: 'a', v: 1 });
    store.cancel();
    expect(store.pending).toBeNull();
    expect(await store.confirm()).toBeNull();
    expect(removed).toEqual([]);
  });

  it('undo restores what the core deleted, once', async () => {
    const { store, restored, said } = setup();
    await remove(store, { id: 'a', v: 1 });
    expect(await store.undo()).toEqual({ id: 'a', v: 2 });
    expect(restored).toEqual([{ id: 'a', v: 2 }]);
    expect(store.toast).toBeNull();
    expect(said.at(-1)).toBe('Entry restored.');
    expect(await store.undo()).toBeNull();
    expect(restored).toHaveLength(1);
  });

  it('forgets the deleted item when the time runs out', async () => {
    const { store, restored } = setup();
    await remove(store, { id: 'a', v: 1 });
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(store.toast?.undoable).toBe(true);
    vi.advanceTimersByTime(1);
    expect(store.toast).toBeNull();
    expect(await store.undo()).toBeNull();
    expect(restored).toEqual([]);
  });

  it('keeps the offer while the toast is held, and counts again in full after', async () => {
    const { store } = setup();
    await remove(store, { id: 'a', v: 1 });
    store.hold(true);
    vi.advanceTimersByTime(UNDO_MS * 3);
    expect(store.toast?.undoable).toBe(true);
    store.hold(false);
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(store.toast).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(store.toast).toBeNull();
  });

  it('a second delete replaces the first: only the second can be undone', async () => {
    const { store, restored } = setup();
    await remove(store, { id: 'a', v: 1 });
    const firstKey = store.toast?.key;
    await remove(store, { id: 'b', v: 1 });
    expect(store.toast?.key).not.toBe(firstKey);
    await store.undo();
    expect(restored).toEqual([{ id: 'b', v: 2 }]);
    expect(await store.undo()).toBeNull();
  });

  it('a plain notice ends the offer', async () => {
    const { store, restored } = setup();
    await remove(store, { id: 'a', v: 1 });
    store.notify('Mark saved');
    expect(store.toast).toMatchObject({ message: 'Mark saved', undoable: false });
    expect(await store.undo()).toBeNull();
    expect(restored).toEqual([]);
  });

  it('says why a delete or a restore failed, with nothing to undo', async () => {
    const refuse = async () => {
      throw { code: 'not_found', message: 'That entry is gone.', fields: [] };
    };
    const failing = setup({ remove: refuse });
    expect(await remove(failing.store, { id: 'a', v: 1 })).toBeNull();
    expect(failing.store.pending).toBeNull();
    expect(failing.store.toast).toMatchObject({ message: 'Could not delete: That entry is gone.', undoable: false });

    const { store } = setup({ restore: refuse });
    await remove(store, { id: 'a', v: 1 });
    expect(await store.undo()).toBeNull();
    expect(store.toast).toMatchObject({ message: 'Could not restore: That entry is gone.', undoable: false });
  });
});
