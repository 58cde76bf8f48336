// End-to-end test of starting the app: many launches in a row on one display and one D-Bus session
// each bring up the window, and a start while the app sits in the tray (its window closed, with
// "close to tray" on, the default) brings back the existing window, focused, instead of a second app.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { APP, appPids, browser, launchApp, quitApp, screenshot, setupSuite, sleep, step } from './lib/harness.mjs';

setupSuite();

const run = promisify(execFile);
const XWIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib', 'xwin.py');
const LAUNCHES = 8;

/** The app window as X sees it: found, viewable (mapped and shown), focused. */
async function windowState() {
  const { stdout } = await run('/usr/bin/python3', [XWIN, 'state', 'Aftermile'], { timeout: 10_000 });
  return JSON.parse(stdout);
}

async function until(what, ms, fn) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    last = await fn();
    if (last === true) return;
    if (Date.now() > deadline) throw new Error(`${what} (last seen: ${JSON.stringify(last)})`);
    await sleep(200);
  }
}

step(`the window comes up on each of ${LAUNCHES} launches in a row`, async (t) => {
  for (let i = 1; i <= LAUNCHES; i += 1) {
    const t0 = Date.now();
    await launchApp({ page: 'today' }); // fails unless Today is shown
    const shown = Date.now() - t0;
    await quitApp(); // fails unless the process has gone
    t.diagnostic(`launch ${i}: Today shown in ${shown} ms, quit in ${Date.now() - t0 - shown} ms`);
  }
  assert.deepEqual(appPids(), []);
});

step('starting the app while it sits in the tray brings back its window, focused', async () => {
  await launchApp({ page: 'today' });
  const [pid] = appPids();
  await until('the window to be viewable', 10_000, async () => (await windowState()).viewable || (await windowState()));
  // What the title bar's close button does: with "close to tray" on, the window hides.
  await run('/usr/bin/python3', [XWIN, 'close', 'Aftermile'], { timeout: 10_000 });
  await until('the window to hide', 10_000, async () => !(await windowState()).viewable || (await windowState()));
  assert.deepEqual(appPids(), [pid], 'the app keeps running in the tray');

  // A second start, as from the desktop's menu: it hands over to the running app and exits.
  const second = spawn(APP, [], { env: process.env, stdio: 'ignore' });
  const code = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the second start did not exit within 20 s')), 20_000);
    second.once('exit', (c, signal) => {
      clearTimeout(timer);
      resolve(c ?? signal);
    });
  });
  assert.equal(code, 0, 'the second start exits cleanly');
  await until('the window to come back, focused', 10_000, async () => {
    const s = await windowState();
    return (s.viewable && s.focused) || s;
  });
  assert.deepEqual(appPids(), [pid], 'still the one app, not a second');
  const page = await browser.execute(() => ({ visible: document.visibilityState, today: !!document.querySelector('#page-today') }));
  assert.deepEqual(page, { visible: 'visible', today: true }, 'the same page, still on Today');
  await screenshot('launches-back-from-tray');
});
