import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame } from './frames';

describe('afterNextFrame', () => {
  let queue: Map<number, FrameRequestCallback>;
  let next: number;
  /** Runs the callbacks waiting for the next frame, as a browser does when it draws one. */
  const drawFrame = () => {
    const due = [...queue.entries()];
    queue.clear();
    for (const [, cb] of due) cb(0);
  };

  afterEach(() => vi.unstubAllGlobals());
  const stub = () => {
    queue = new Map();
    next = 1;
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => (queue.set(next, cb), next++));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => queue.delete(id));
  };

  it('runs in the second frame callback, after the first frame is drawn', () => {
    stub();
    const fn = vi.fn();
    afterNextFrame(fn);
    drawFrame();
    expect(fn).not.toHaveBeenCalled();
    drawFrame();
    expect(fn).toHaveBeenCalledOnce();
  });

  it('cancels before either callback, and between them', () => {
    stub();
    const early = vi.fn();
    afterNextFrame(early)();
    drawFrame();
    drawFrame();
    expect(early).not.toHaveBeenCalled();

    const late = vi.fn();
    const cancel = afterNextFrame(late);
    drawFrame();
    cancel();
    drawFrame();
    expect(late).not.toHaveBeenCalled();
  });
});
