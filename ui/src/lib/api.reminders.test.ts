// @vitest-environment happy-dom
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, expect, it } from 'vitest';
import {
  actOnReminder,
  createReminder,
  deleteReminder,
  editReminder,
  exportIcs,
  listReminders,
  sessionWarnings,
  snoozeReminder,
} from './api';

afterEach(() => clearMocks());

it('sends each reminder command its arguments under the keys the Rust side expects', async () => {
  const calls: Array<[string, unknown]> = [];
  mockIPC((cmd, args) => {
    calls.push([cmd, args]);
    return cmd === 'export_ics' ? null : cmd === 'list_reminders' || cmd === 'session_warnings' ? [] : {};
  });
  const query = { waitingOnly: true, sessionId: null };
  const input = { text: 'Stretch', wallLocal: '2024-05-06T09:00', zone: 'Europe/London' };
  await listReminders(query);
  await createReminder(input);
  await editReminder('r1', input);
  await snoozeReminder('r1', 'tomorrow_morning');
  await actOnReminder('r1', 'dismiss');
  await deleteReminder('r1');
  expect(await exportIcs(query)).toBeNull();
  await sessionWarnings('s1');
  expect(calls).toEqual([
    ['list_reminders', { query }],
    ['create_reminder', { input }],
    ['edit_reminder', { id: 'r1', input }],
    ['snooze_reminder', { id: 'r1', snooze: 'tomorrow_morning' }],
    ['act_on_reminder', { id: 'r1', action: 'dismiss' }],
    ['delete_reminder', { id: 'r1' }],
    ['export_ics', { query }],
    ['session_warnings', { id: 's1' }],
  ]);
});
