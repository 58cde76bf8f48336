export type PageId = 'today' | 'log' | 'body' | 'benefits' | 'plan' | 'briefing' | 'settings';

export const PAGES: ReadonlyArray<{ id: PageId; label: string }> = [
  { id: 'today', label: 'Today' },
  { id: 'log', label: 'Log' },
  { id: 'body', label: 'Body' },
  { id: 'benefits', label: 'Benefits' },
  { id: 'plan', label: 'Plan' },
  { id: 'briefing', label: 'Briefing' },
  { id: 'settings', label: 'Settings' },
];
