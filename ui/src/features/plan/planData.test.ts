import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../lib/bindings/Reminder';
import type { Session } from '../../lib/bindings/Session';
import { PlanData, type PlanSources } from './planData.svelte';

function reminder(id: string, sessionId: string | null): Reminder {
  return {
    id,
    kind: sessionId ? 'checkin' : 'manual',
    text: id,
    source: sessionId ? 'checkins' : 'manual',
    sessionId,
    dueUtc: '2024-05-04T09:00:00Z',
    wallLocal: '2024-05-04T10:00',
    zone: 'Europe/London',
    state: 'pending',
    snoozedUntil: null,
    firesAt: '2024-05-04T09:00:00Z',
    firedAt: null,
    missed: false,
    deliveryError: null,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    deliveredAt: null,
  };
}

function race(id: string, name: string): Session {
  return {
    id,
    startUtc: '2024-05-03T08:00:00Z',
    zone: 'Europe/London',
    startLocal: '2024-05-03T09:00',
    durationS: null,
    distanceM: null,
    rpe: null,
    notes: '',
    details: { kind: 'race', name, distance: '10k', status: 'done', finishTimeS: null },
    measured: null,
    createdAt: '',
    updatedAt: '',
  };
}

/** A fake core; `sessions` may change between loads, and `asked` records the sessions fetched. */
function core(reminders: Reminder[], sessions: Record<string, Session>) {
  const asked: string[] = [];
  const src: PlanSources = {
    listReminders: async () => reminders,
    getSession: async (id) => {
      asked.push(id);
      const s = sessions[id];
      if (!s) throw { code: 'not_found', message: 'Gone.', fields: [] };
      return s;
    },
  };
  return { src, asked };
}

describe('PlanData', () => {
  it('fetches each plan’s session once, however many reminders and loads', async () => {
    const { src, asked } = core([reminder('a', 's1'), reminder('b', 's1'), reminder('c', null)], { s1: race('s1', 'Berlin') });
    const plan = new PlanData(src);
    await plan.load();
    await plan.load();
    expect(asked).toEqual(['s1']);
    expect(plan.sessions.s1?.id).toBe('s1');
    expect(plan.reminders).toHaveLength(3);
    expect(plan.loaded).toBe(true);
  });

  it('heads a plan whose session is gone as unknown', async () => {
    const plan = new PlanData(core([reminder('a', 'gone')], {}).src);
    await plan.load();
    expect(plan.sessions).toEqual({ gone: null });
    expect(plan.loadError).toBeNull();
  });

  it('fetches the sessions again after they changed', async () => {
    const sessions = { s1: race('s1', 'Berlin') };
    const { src, asked } = core([reminder('a', 's1')], sessions);
    const plan = new PlanData(src);
    await plan.load();
    sessions.s1 = race('s1', 'Berlin Marathon');
    await plan.load(true);
    expect(asked).toEqual(['s1', 's1']);
    expect(plan.sessions.s1?.details).toMatchObject({ name: 'Berlin Marathon' });
  });

  it('keeps what it showed when the reminders cannot be read', async () => {
    let fail = false;
    const plan = new PlanData({
      listReminders: async () => {
        if (fail) throw { code: 'busy', message: 'The database is busy.', fields: [] };
        return [reminder('a', null)];
      },
      getSession: async () => Promise.reject(new Error('unused')),
    });
    await plan.load();
    fail = true;
    await plan.load();
    expect(plan.loadError).toBe('The database is busy.');
    expect(plan.reminders).toHaveLength(1);
  });

  it('an older load that finishes last does not overwrite a newer one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const plan = new PlanData({
      listReminders: async () => {
        calls += 1;
        if (calls === 1) {
          await gate;
          return [reminder('old', null)];
        }
        return [reminder('new', null)];
      },
      getSession: async () => Promise.reject(new Error('unused')),
    });
    const first = plan.load();
    await plan.load();
    release();
    await first;
    expect(plan.reminders.map((r) => r.id)).toEqual(['new']);
  });
});
