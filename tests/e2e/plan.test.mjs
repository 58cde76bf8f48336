// End-to-end test of recovery plans and reminders in the real app (issue 4): logging a race makes a
// plan; a reminder set for the next minute reaches the desktop as an org.freedesktop.Notifications
// Notify call; and after a quit and relaunch it is not sent again. Run it with tests/e2e/run.sh, which
// provides Xvfb, a private D-Bus session and a data dir.
//
// A real notification server (dunst) runs on the test's session bus, so the app's notification
// succeeds the way it would on a desktop; dbus-monitor records every Notify call on that bus.
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { promisify } from 'node:util';
import {
  $,
  ARTIFACTS,
  appPids,
  browser,
  click,
  gotoPage,
  launchApp,
  localDateTime,
  openForm,
  quitApp,
  screenshot,
  setupSuite,
  setValue,
  sleep,
  step,
  type,
  UI_MS,
  waitForRows,
} from './lib/harness.mjs';

const run = promisify(execFile);
const RACE_NAME = 'E2E City Marathon';
// Unique per run, so the monitor log cannot match a notification from anything else.
const REMINDER_TEXT = `Stretch the calves ${process.pid}-${Date.now()}`;
const MONITOR_LOG = path.join(ARTIFACTS, 'plan-dbus-monitor.log');

/** @type {import('node:child_process').ChildProcess[]} */
const helpers = [];

function startHelper(cmd, args, logName) {
  const fd = fs.openSync(path.join(ARTIFACTS, logName), 'w');
  const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], env: process.env });
  fs.closeSync(fd);
  helpers.push(child);
  return child;
}

async function busNameOwned(name) {
  try {
    const { stdout } = await run(
      'dbus-send',
      ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', `string:${name}`],
      { timeout: 5000 },
    );
    return /boolean true/.test(stdout);
  } catch {
    return false;
  }
}

/** Notify calls in the monitor log whose arguments contain `text`. */
function notifyCount(text) {
  if (!fs.existsSync(MONITOR_LOG)) return 0;
  // dbus-monitor prints one block per message, each starting at column 0.
  const blocks = fs.readFileSync(MONITOR_LOG, 'utf8').split(/\n(?=\S)/);
  return blocks.filter((b) => b.startsWith('method call') && b.includes('member=Notify') && b.includes(text)).length;
}

async function waitFor(what, ms, fn) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await fn()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(250);
  }
}

before(async () => {
  assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, 'a session bus (run under tests/e2e/run.sh)');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  startHelper('dbus-monitor', ['--session', "interface='org.freedesktop.Notifications',member='Notify'"], 'plan-dbus-monitor.log');
  // The monitor announces itself (NameAcquired) once it is listening.
  await waitFor('dbus-monitor to start', 10_000, () => fs.existsSync(MONITOR_LOG) && fs.statSync(MONITOR_LOG).size > 0);
  startHelper('dunst', [], 'plan-dunst.log');
  await waitFor('dunst to own org.freedesktop.Notifications', 15_000, () => busNameOwned('org.freedesktop.Notifications'));
});

setupSuite();

after(() => {
  for (const h of helpers) if (h.exitCode === null && h.signalCode === null) h.kill('SIGTERM');
});

/** Rows of the Plan page, read in one round trip. */
function planRows() {
  return browser.execute(() =>
    [...document.querySelectorAll('#page-plan .reminder-row')].map((r) => ({
      id: r.getAttribute('data-id'),
      kind: r.getAttribute('data-kind'),
      state: r.getAttribute('data-state'),
      text: r.querySelector('.text')?.textContent ?? '',
    })),
  );
}

async function waitForPlan(predicate, what, timeout = UI_MS) {
  let last = [];
  await browser
    .waitUntil(async () => predicate((last = await planRows())), { timeout, timeoutMsg: `plan: expected ${what}` })
    .catch((e) => {
      throw new Error(`${e.message}; rows were ${JSON.stringify(last)}`);
    });
  return last;
}

/** The next whole minute, local time, as a datetime-local value: 1 to 60 s from now. */
function nextMinute() {
  const d = new Date(Date.now() + 60_000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

step('launch, and turn quiet hours off so a reminder fires now at any hour', async () => {
  await launchApp();
  await gotoPage('settings');
  const quiet = await $('#s-quiet-enabled');
  await quiet.waitForExist({ timeoutMsg: '#s-quiet-enabled (Reminders and recovery settings) missing' });
  if (await quiet.isSelected()) await quiet.click();
  await click('#s-save-reminders');
  await browser.waitUntil(async () => /Saved/.test(await $('#reminder-settings .status').getText()), {
    timeoutMsg: 'settings were not saved',
  });
});

step('logging a done marathon makes a recovery plan on the Plan page', async () => {
  await gotoPage('log');
  await openForm('race');
  await $('#f-race-name').waitForDisplayed({ timeoutMsg: 'race fields did not appear' });
  await type('#f-race-name', RACE_NAME);
  await setValue('#f-race-distance', 'marathon');
  await setValue('#f-race-status', 'done');
  await setValue('#f-start', localDateTime(1, 9, 0));
  await type('#f-duration', '3:30:00');
  await type('#f-finish-time', '3:30:00');
  await click('#save-session');
  await waitForRows((r) => r.some((x) => x.kind === 'race'), 'the race row');

  await gotoPage('plan');
  const rows = await waitForPlan((r) => r.some((x) => x.kind === 'checkin'), 'check-in reminders');
  const kinds = new Set(rows.map((r) => r.kind));
  // A race logged a day late keeps only what is still ahead: the 48 and 72 h check-ins and later.
  for (const k of ['checkin', 'massage_window', 'return_to_hard']) assert.ok(kinds.has(k), `plan has a ${k} reminder (kinds: ${[...kinds]})`);
  const heading = await browser.execute(() => [...document.querySelectorAll('#page-plan .group h2')].map((h) => h.textContent));
  assert.ok(heading.includes(RACE_NAME), `the plan is headed by the race (headings: ${heading})`);
  assert.ok(await $('.reminder-row[data-kind="checkin"] .r-open-chart').isExisting(), 'a check-in offers the body chart');
});

let reminderId = '';

step('a reminder set for the next minute is sent as a desktop notification once', async (t) => {
  await click('#add-reminder');
  await type('#r-text', REMINDER_TEXT);
  const when = nextMinute();
  await setValue('#r-when', when);
  await click('#r-save');
  const rows = await waitForPlan((r) => r.some((x) => x.kind === 'manual' && x.text === REMINDER_TEXT), 'the new reminder');
  reminderId = rows.find((x) => x.text === REMINDER_TEXT).id;
  t.diagnostic(`reminder ${reminderId} set for ${when}`);

  const t0 = Date.now();
  await waitFor('the Notify call for the reminder', 100_000, () => notifyCount(REMINDER_TEXT) >= 1);
  t.diagnostic(`Notify seen ${Date.now() - t0} ms after saving`);
  await waitForPlan((r) => r.some((x) => x.id === reminderId && x.state === 'fired'), 'the reminder marked fired');
  const banner = await $('#reminder-banner');
  await banner.waitForDisplayed({ timeoutMsg: '#reminder-banner did not show the fired reminder' });
  assert.match(await banner.getText(), new RegExp(REMINDER_TEXT));
  assert.equal(await $('#notify-error').isExisting(), false, 'no delivery error with a notification server running');
  await sleep(2000);
  assert.equal(notifyCount(REMINDER_TEXT), 1, 'sent exactly once');
  await browser.execute((id) => document.querySelector(`.reminder-row[data-id="${id}"]`)?.scrollIntoView({ block: 'center' }), reminderId);
  await screenshot('plan');
});

step('after a quit and relaunch the reminder is not sent again', async () => {
  await quitApp(); // returns once the process is gone
  assert.deepEqual(appPids(), [], 'no app process left');
  await launchApp();
  await gotoPage('plan');
  await waitForPlan((r) => r.some((x) => x.id === reminderId && x.state === 'fired'), 'the reminder still fired after relaunch');
  await sleep(10_000);
  assert.equal(notifyCount(REMINDER_TEXT), 1, 'no second Notify call after the relaunch');
  await screenshot('plan-after-relaunch');
});
