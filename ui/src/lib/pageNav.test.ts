import { describe, expect, it } from 'vitest';
import { KEPT_ALIVE, PageNav, WARMED } from './pageNav.svelte';

describe('PageNav', () => {
  it('starts on the first page, with only that page mounted', () => {
    const nav = new PageNav('today');
    expect(nav.current).toBe('today');
    expect(nav.mounted('today')).toBe(true);
    expect(nav.mounted('log')).toBe(false);
  });

  it('keeps a data page mounted after leaving it', () => {
    const nav = new PageNav('today');
    nav.go('log', 0);
    nav.go('body', 0);
    expect(nav.current).toBe('body');
    expect(nav.mounted('today')).toBe(true);
    expect(nav.mounted('log')).toBe(true);
    expect(nav.mounted('plan')).toBe(false);
  });

  it('mounts a form page only while it is shown', () => {
    const nav = new PageNav('today');
    nav.go('settings', 0);
    expect(nav.mounted('settings')).toBe(true);
    nav.go('briefing', 0);
    expect(nav.mounted('settings')).toBe(false);
    expect(nav.mounted('briefing')).toBe(true);
    nav.go('today', 0);
    expect(nav.mounted('briefing')).toBe(false);
    expect(KEPT_ALIVE.has('settings') || KEPT_ALIVE.has('briefing')).toBe(false);
  });

  it('gives each kept page back its scroll position, and other pages their top', () => {
    const nav = new PageNav('today');
    expect(nav.go('log', 120)).toBe(0);
    expect(nav.go('settings', 800)).toBe(0);
    expect(nav.go('today', 300)).toBe(120);
    expect(nav.go('log', 40)).toBe(800);
    expect(nav.go('settings', 10)).toBe(0);
  });

  it('leaves the scroll alone when asked for the page already shown', () => {
    const nav = new PageNav('log');
    expect(nav.go('log', 250)).toBe(250);
    expect(nav.current).toBe('log');
  });

  it('builds the warmed pages ahead without showing them, and never a form page', () => {
    const nav = new PageNav('today');
    for (const id of WARMED) nav.warm(id);
    nav.warm('settings');
    expect(nav.current).toBe('today');
    expect(WARMED.every((id) => nav.mounted(id))).toBe(true);
    expect(nav.mounted('settings')).toBe(false);
    // A warmed page is visited like any kept one: its first visit starts at its top.
    expect(nav.go('log', 90)).toBe(0);
    expect(nav.go('today', 0)).toBe(90);
  });
});
