// @vitest-environment happy-dom
import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { refreshOn } from './dataChanges.svelte';

beforeEach(() => mockIPC(() => null, { shouldMockEvents: true }));
afterEach(() => clearMocks());

const settle = () => new Promise((r) => setTimeout(r, 0));

it('refreshes while its owner lives, and stops when it is destroyed', async () => {
  const refresh = vi.fn();
  const destroy = $effect.root(() => refreshOn(['reminders'], refresh));
  flushSync();
  await settle();
  await emit('data-changed', { areas: ['reminders'] });
  await settle();
  expect(refresh).toHaveBeenCalledWith(['reminders']);
  destroy();
  await settle();
  await emit('data-changed', { areas: ['everything'] });
  await settle();
  expect(refresh).toHaveBeenCalledOnce();
});
