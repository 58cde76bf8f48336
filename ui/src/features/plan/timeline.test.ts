import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../lib/bindings/Reminder';
import { actionsFor, groupTimeline, hiddenCount, instantParts, relativeLabel, timingNote } from './timeline';

const NOW = Date.parse('2024-05-06T12:00:00Z');

function r(over: Partial<Reminder> & { id: string }): Reminder {
  return {
    kind: 'checkin',
    text: 'How sore are you?',
    source: 'checkins',
    sessionId: 'race-1',
    dueUtc: '2024-05-06T08:00:00Z',
    wallLocal: '2024-05-06T09:00',
    zone: 'Europe/London',
    state: 'pending',
    snoozedUntil: null,
    firesAt: '2024-05-06T08:00:00Z',
    firedAt: null,
    missed: false,
    deliveryError: null,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    deliveredAt: null,
    ...over,
  };
}

describe('groupTimeline', () => {
  const later = r({ id: 'b', dueUtc: '2024-05-07T08:00:00Z', firesAt: '2024-05-07T08:00:00Z' });
  const sooner = r({ id: 'a', dueUtc: '2024-05-06T18:00:00Z', firesAt: '2024-05-06T18:00:00Z' });
  const manual = r({ id: 'm', kind: 'manual', source: 'manual', sessionId: null, firesAt: '2024-05-06T13:00:00Z' });
  const oldRace = r({ id: 'o', sessionId: 'race-0', state: 'done', firesAt: null, dueUtc: '2024-04-01T08:00:00Z' });
  const dismissed = r({ id: 'd', state: 'dismissed', firesAt: null });
  const recentFired = r({ id: 'f', state: 'fired', firesAt: null, firedAt: '2024-05-06T08:00:00Z' });
  const oldFired = r({ id: 'g', state: 'fired', firesAt: null, firedAt: '2024-05-01T08:00:00Z' });

  it('puts a group with a reminder just shown before one that only waits', () => {
    const shownManual = r({ id: 'n', kind: 'manual', sessionId: null, state: 'fired', firesAt: null, firedAt: '2024-05-06T11:59:00Z' });
    expect(groupTimeline([sooner, shownManual], false, NOW).map((g) => g.sessionId)).toEqual([null, 'race-1']);
  });

  it('groups by session, soonest waiting group first, items by time', () => {
    const groups = groupTimeline([later, sooner, manual], false, NOW);
    expect(groups.map((g) => g.sessionId)).toEqual([null, 'race-1']);
    expect(groups[1].items.map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('hides done, dismissed and long-fired reminders unless past ones are shown', () => {
    const all = [later, oldRace, dismissed, recentFired, oldFired];
    const current = groupTimeline(all, false, NOW);
    expect(current.flatMap((g) => g.items.map((x) => x.id))).toEqual(['f', 'b']);
    expect(hiddenCount(all, NOW)).toBe(3);
    const everything = groupTimeline(all, true, NOW);
    // A group with nothing waiting goes after the waiting ones.
    expect(everything.map((g) => g.sessionId)).toEqual(['race-1', 'race-0']);
    expect(everything[0].items).toHaveLength(4);
  });
});

describe('relativeLabel', () => {
  it.each([
    ['2024-05-06T12:00:20Z', 'now'],
    ['2024-05-06T12:25:00Z', 'in 25 min'],
    ['2024-05-06T15:00:00Z', 'in 3 h'],
    ['2024-05-07T20:00:00Z', 'in 32 h'],
    ['2024-05-08T12:00:00Z', 'in 2 days'],
    ['2024-05-06T09:00:00Z', '3 h ago'],
    ['2024-05-05T00:00:00Z', '2 days ago'],
    ['not a date', ''],
  ])('%s → %s', (iso, label) => {
    expect(relativeLabel(iso, NOW)).toBe(label);
  });
});

describe('timingNote and actions', () => {
  it('says when quiet hours moved a reminder', () => {
    const q = r({ id: 'q', dueUtc: '2024-05-06T22:30:00Z', firesAt: '2024-05-07T06:00:00Z' });
    expect(timingNote(q)).toEqual({ kind: 'quiet', due: '2024-05-06T22:30:00Z' });
  });
  it('says snoozed and missed', () => {
    expect(timingNote(r({ id: 's', state: 'snoozed', snoozedUntil: '2024-05-06T13:00:00Z', firesAt: '2024-05-06T13:00:00Z' })))
      .toEqual({ kind: 'snoozed', until: '2024-05-06T13:00:00Z' });
    expect(timingNote(r({ id: 'x', state: 'fired', firesAt: null, missed: true }))).toEqual({ kind: 'missed' });
    expect(timingNote(r({ id: 'p' }))).toBeNull();
  });
  it('lets only manual reminders be deleted, and only check-ins open the chart', () => {
    expect(actionsFor(r({ id: 'c' }))).toMatchObject({ delete: false, openChart: true, done: true });
    expect(actionsFor(r({ id: 'm', kind: 'manual', state: 'done' }))).toMatchObject({ delete: true, openChart: false, done: false });
  });
});

describe('instantParts', () => {
  it('shows the instant in the reminder zone, day and time apart', () => {
    const parts = instantParts('2024-05-06T08:00:00Z', 'America/New_York', 'en-GB');
    expect(parts).toEqual({ day: 'Mon 6 May', time: '04:00' });
  });
});
