//! The pages the first screen does not show, as chunks of their own: the window starts by parsing
//! only the shell and Today, and the rest of the code loads while the runner reads Today (`preload`).
//! Each loader is the bundler's dynamic import, so a module is fetched and parsed once.

import type { PageId } from './nav';

export const LAZY_PAGES = {
  log: () => import('../features/log/LogPage.svelte'),
  body: () => import('../features/body/BodyPage.svelte'),
  benefits: () => import('../features/benefits/BenefitsPage.svelte'),
  plan: () => import('../features/plan/PlanPage.svelte'),
  briefing: () => import('../features/briefing/BriefingPage.svelte'),
  settings: () => import('../features/settings/SettingsPage.svelte'),
} satisfies Partial<Record<PageId, () => Promise<unknown>>>;

/**
 * Loads every page's code once the first screen is up, so a first visit does not wait for it. A
 * failure here is left to the visit itself, which shows it.
 */
export async function preloadPages(): Promise<void> {
  await Promise.allSettled(Object.values(LAZY_PAGES).map((load) => load()));
}
