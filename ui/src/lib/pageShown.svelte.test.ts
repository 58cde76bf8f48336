// @vitest-environment happy-dom
import { tick } from 'svelte';
import { expect, it, vi } from 'vitest';
import { watchShown } from './pageShown.svelte';

it('calls back each time the page is shown again, not when it first appears or while it stays', async () => {
  let shown = $state(true);
  const again = vi.fn();
  const destroy = $effect.root(() => watchShown(() => shown, again));
  await tick();
  expect(again).not.toHaveBeenCalled();

  shown = false;
  await tick();
  expect(again).not.toHaveBeenCalled();
  shown = true;
  await tick();
  expect(again).toHaveBeenCalledOnce();
  shown = true;
  await tick();
  expect(again).toHaveBeenCalledOnce();

  shown = false;
  await tick();
  shown = true;
  await tick();
  expect(again).toHaveBeenCalledTimes(2);

  destroy();
  shown = false;
  await tick();
  shown = true;
  await tick();
  expect(again).toHaveBeenCalledTimes(2);
});

it('calls back when a page built hidden is first shown: what it read may be old by then', async () => {
  let shown = $state(false);
  const again = vi.fn();
  const destroy = $effect.root(() => watchShown(() => shown, again));
  await tick();
  shown = true;
  await tick();
  expect(again).toHaveBeenCalledOnce();
  destroy();
});
