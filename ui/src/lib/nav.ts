export type PageId = 'log' | 'body' | 'benefits' | 'plan' | 'briefing' | 'settings';

export const PAGES: ReadonlyArray<{ id: PageId; label: string }> = [
  { id: 'log', label: 'Log' },
  { id: 'body', label: 'Body' },
  { id: 'benefits', label: 'Benefits' },
  { id: 'plan', label: 'Plan' },
  { id: 'briefing', label: 'Briefing' },
  { id: 'settings', label: 'Settings' },
];
