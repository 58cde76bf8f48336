import { describe, expect, it } from 'vitest';
import type { Opening } from '../../lib/bindings/Opening';
import type { Settings } from '../../lib/bindings/Settings';
import type { StartupReport } from '../../lib/bindings/StartupReport';
import type { Reminder } from '../../lib/bindings/Reminder';
import type { Today } from '../../lib/bindings/Today';
import { prefs } from '../../lib/settings.svelte';
import { Startup } from './startup.svelte';

const settings = (units: 'km' | 'mi') => ({ units }) as Settings;
const report = (over: Partial<StartupReport> = {}): StartupReport => ({
  dataDir: '/data',
  readOnly: false,
  notices: [],
  recovery: null,
  ...over,
});
const damaged = report({
  recovery: { problem: 'corrupt', detail: 'malformed', setAside: ['aftermile.sqlite3.corrupt'], newestBackup: null },
});

/** Sources whose answers a test changes as the "database" does. */
function sources(start: { settings: Settings; report: StartupReport }) {
  const now = { ...start, failSettings: false, failReopen: false, reopened: 0 };
  const src = {
    open: async (): Promise<Opening> => {
      if (now.failSettings) throw { code: 'busy', message: 'Busy', fields: [] };
      return { settings: now.settings, report: now.report, panic: null, regions: [], today: null };
    },
    settings: async () => {
      if (now.failSettings) throw { code: 'busy', message: 'Busy', fields: [] };
      return now.settings;
    },
    report: async () => now.report,
    reopen: async () => {
      now.reopened += 1;
      if (now.failReopen) throw { code: 'in_use', message: 'In use', fields: [] };
      return now.report;
    },
  };
  return { src, now };
}

describe('Startup', () => {
  it('hands Today from the opening to the first showing only, with a panic the window missed', async () => {
    const fired = { id: 'r1', state: 'fired' } as Reminder;
    const today = { date: '2026-11-29', empty: true, due: [fired, { id: 'r2', state: 'pending' }] } as Today;
    const panic = { message: 'boom', log: null };
    const s = new Startup({
      open: async () => ({ settings: settings('km'), report: report(), panic, regions: [], today }),
      settings: async () => settings('km'),
      report: async () => report(),
      reopen: async () => report(),
    });
    await s.start();
    expect(s.status).toBe('ready');
    expect(s.panic).toEqual(panic);
    expect(s.fired).toEqual([fired]);
    expect(s.takeToday()).toBe(today);
    expect(s.takeToday()).toBeNull();
  });

  it('opens on the settings, or on the recovery screen when start-up set a file aside', async () => {
    const ok = new Startup(sources({ settings: settings('mi'), report: report() }).src);
    await ok.start();
    expect(ok.status).toBe('ready');
    expect(prefs.units).toBe('mi');
    const broken = new Startup(sources({ settings: settings('km'), report: damaged }).src);
    await broken.start();
    expect(broken.status).toBe('recovery');
  });

  it('fails with the core’s reason when the settings cannot be read', async () => {
    const s = new Startup({
      open: async () => Promise.reject({ code: 'schema_too_new', message: 'Made by a newer Aftermile.', fields: [] }),
      settings: async () => Promise.reject({ code: 'schema_too_new', message: 'Made by a newer Aftermile.', fields: [] }),
      report: async () => report(),
      reopen: async () => report(),
    });
    await s.start();
    expect(s.status).toBe('failed');
    expect(s.error?.code).toBe('schema_too_new');
  });

  it('follows the settings after a write, and what start-up found only after everything changed', async () => {
    const { src, now } = sources({ settings: settings('km'), report: report() });
    const s = new Startup(src);
    await s.start();
    now.settings = settings('mi');
    now.report = report({ notices: ['Read-only.'] });
    await s.reread(['settings']);
    expect(prefs.units).toBe('mi');
    expect(s.report?.notices).toEqual([]);
    await s.reread(['everything']);
    expect(s.report?.notices).toEqual(['Read-only.']);
  });

  it('leaves the recovery screen once a restore cleared what start-up found', async () => {
    const { src, now } = sources({ settings: settings('km'), report: damaged });
    const s = new Startup(src);
    await s.start();
    await s.reread(['reminders']);
    expect(s.status).toBe('recovery');
    now.report = report();
    await s.reread(['everything']);
    expect(s.status).toBe('ready');
  });

  it('keeps the settings shown when they cannot be read again', async () => {
    const { src, now } = sources({ settings: settings('mi'), report: report() });
    const s = new Startup(src);
    await s.start();
    now.failSettings = true;
    await s.reread(['settings']);
    expect(prefs.units).toBe('mi');
    expect(s.status).toBe('ready');
  });

  it('stops on a closed database and opens again once the shell reopens it', async () => {
    const { src, now } = sources({ settings: settings('km'), report: report() });
    const s = new Startup(src);
    await s.start();
    s.closed({ code: 'closed', message: 'closed: it could not be opened again', fields: [] });
    expect(s.status).toBe('failed');
    now.failReopen = true;
    await s.retry();
    expect(s.status).toBe('failed');
    expect(s.error?.code).toBe('in_use');
    now.failReopen = false;
    await s.retry();
    expect(now.reopened).toBe(2);
    expect(s.status).toBe('ready');
  });
});
