//! Delete at once, offer Undo for a few seconds, then forget: how the Log deletes an entry and
//! the Body page a mark. The core hands back what it deleted, so Undo gives that exact item (same
//! id) back to it instead of making a new one. Only the latest delete can be undone: a second one
//! replaces the first, as its toast replaces the first toast.
//!
//! The countdown lives here, not in the toast, so the offer's expiry is tested without a DOM; the
//! toast only says when the pointer or focus is holding it.

import { toErrorPayload } from './api';

/** How long Undo stays on offer while nobody holds the toast. */
export const UNDO_MS = 8000;

/** What the toast shows; `key` is new for every toast, so each one enters afresh. */
export interface ToastView {
  message: string;
  undoable: boolean;
  key: number;
}

export interface UndoableDeleteOptions<T> {
  /** Deletes the item and resolves to what was deleted. */
  remove: (item: T) => Promise<T>;
  /** Takes a deleted item back and resolves to it as stored. */
  restore: (removed: T) => Promise<T>;
  /** The toast after a delete, e.g. "Entry deleted". */
  deleted: string;
  /** The announcement after an undo, e.g. "Entry restored." */
  restored: string;
  /** Says something in the page's polite live region. */
  announce: (text: string) => void;
  timeoutMs?: number;
}

export class UndoableDelete<T> {
  /** The item waiting for the runner to confirm that it goes. */
  pending = $state<T | null>(null);
  /** The confirmed delete is on its way to the core. */
  busy = $state(false);
  toast = $state<ToastView | null>(null);

  #offered: T | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #key = 0;
  readonly #options: UndoableDeleteOptions<T>;
  readonly #timeoutMs: number;

  constructor(options: UndoableDeleteOptions<T>) {
    this.#options = options;
    this.#timeoutMs = options.timeoutMs ?? UNDO_MS;
  }

  ask(item: T): void {
    this.pending = item;
  }

  cancel(): void {
    if (!this.busy) this.pending = null;
  }

  /** Deletes the pending item; resolves to what the core deleted, or null when nothing was. */
  async confirm(): Promise<T | null> {
    const item = this.pending;
    if (item === null || this.busy) return null;
    this.busy = true;
    try {
      const removed = await this.#options.remove(item);
      this.#show(this.#options.deleted, removed);
      return removed;
    } catch (e) {
      this.notify(`Could not delete: ${toErrorPayload(e).message}`);
      return null;
    } finally {
      this.busy = false;
      this.pending = null;
    }
  }

  /** Restores the item on offer; resolves to it as the core stored it, or null. */
  async undo(): Promise<T | null> {
    const item = this.#offered;
    if (item === null) return null;
    this.dismiss();
    try {
      const back = await this.#options.restore(item);
      this.#options.announce(this.#options.restored);
      return back;
    } catch (e) {
      this.notify(`Could not restore: ${toErrorPayload(e).message}`);
      return null;
    }
  }

  /** A toast with nothing to undo, such as a save or a failure; it ends any offer still open. */
  notify(message: string): void {
    this.#show(message, null);
  }

  /** Stops the countdown while the toast is held; letting go starts it again in full. */
  hold(held: boolean): void {
    clearTimeout(this.#timer);
    if (!held && this.toast) this.#arm();
  }

  dismiss(): void {
    clearTimeout(this.#timer);
    this.toast = null;
    this.#offered = null;
  }

  #show(message: string, offered: T | null): void {
    this.#offered = offered;
    this.toast = { message, undoable: offered !== null, key: ++this.#key };
    this.#options.announce(offered !== null ? `${message}. Undo is available.` : message);
    this.#arm();
  }

  #arm(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.dismiss(), this.#timeoutMs);
  }
}
