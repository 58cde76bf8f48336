import { describe, expect, it } from 'vitest';
import { PAGES } from './nav';
import { LAZY_PAGES } from './pages';

describe('LAZY_PAGES', () => {
  it('has a loader for every page but Today, which ships with the shell', () => {
    const lazy = Object.keys(LAZY_PAGES).sort();
    const expected = PAGES.map((p) => p.id)
      .filter((id) => id !== 'today')
      .sort();
    expect(lazy).toEqual(expected);
  });

  it('loads a component for each of them', async () => {
    for (const [id, load] of Object.entries(LAZY_PAGES)) {
      const mod = await load();
      expect(typeof mod.default, id).toBe('function');
    }
  });
});
