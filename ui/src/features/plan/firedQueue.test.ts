import { describe, expect, it } from 'vitest';
import type { ReminderFired } from '../../lib/api';
import type { Reminder } from '../../lib/bindings/Reminder';
import { stillFired, withFired, withMissed } from './firedQueue';

function reminder(id: string, over: Partial<Reminder> = {}): Reminder {
  return {
    id,
    kind: 'manual',
    text: id,
    source: 'manual',
    sessionId: null,
    dueUtc: '2024-05-04T09:00:00Z',
    wallLocal: '2024-05-04T10:00',
    zone: 'UTC',
    state: 'fired',
    snoozedUntil: null,
    firesAt: null,
    firedAt: '2024-05-04T09:00:00Z',
    missed: false,
    deliveryError: null,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    deliveredAt: null,
    ...over,
  };
}
const fired = (id: string, over: Partial<Reminder> = {}): ReminderFired => ({ reminder: reminder(id, over), deliveryError: null });
const ids = (q: readonly ReminderFired[]) => q.map((f) => f.reminder.id);

describe('the banner queue', () => {
  it('puts the newest on top, once', () => {
    expect(ids(withFired([fired('a'), fired('b')], fired('b')))).toEqual(['b', 'a']);
  });

  it('adds the reminders fired at start that it missed, not older ones or ones it has', () => {
    const since = Date.parse('2024-05-04T08:00:00Z');
    const list = [
      reminder('early', { firedAt: '2024-05-04T07:00:00Z' }),
      reminder('missed'),
      reminder('shown'),
      reminder('waiting', { state: 'pending', firedAt: null }),
    ];
    expect(ids(withMissed([fired('shown')], list, since))).toEqual(['shown', 'missed']);
  });

  it('adds a reminder fired before a crash and delivered again at this start', () => {
    const since = Date.parse('2024-05-04T08:00:00Z');
    const list = [
      reminder('redelivered', { firedAt: '2024-05-03T21:00:00Z', deliveredAt: '2024-05-04T08:00:05Z' }),
      reminder('old', { firedAt: '2024-05-03T21:00:00Z', deliveredAt: '2024-05-03T21:00:01Z' }),
    ];
    expect(ids(withMissed([], list, since))).toEqual(['redelivered']);
  });

  it('after the data was replaced keeps only what is still fired, as stored now', () => {
    const queue = [fired('gone'), fired('done'), fired('kept', { text: 'old' }), fired('new')];
    const asked = new Set(['gone', 'done', 'kept']);
    const list = [reminder('done', { state: 'done' }), reminder('kept', { text: 'restored' })];
    const left = stillFired(queue, asked, list);
    expect(ids(left)).toEqual(['kept', 'new']);
    expect(left[0].reminder.text).toBe('restored');
  });
});
