// End-to-end test of the session log in the real Aftermile app, driven through tauri-driver +
// WebKitWebDriver. Run it with tests/e2e/run.sh, which provides Xvfb, a D-Bus session and a data dir.
//
// The steps share one app (and, after the relaunch, a second one on the same data dir), so they run in
// order and a failed step skips the ones after it.
import assert from 'node:assert/strict';
import http from 'node:http';
import {
  $,
  appPids,
  browser,
  check,
  click,
  gotoPage,
  launchApp,
  localDateTime,
  openForm,
  quitApp,
  rows,
  screenshot,
  setupSuite,
  setValue,
  sleep,
  step,
  type,
  waitForRows,
} from './lib/harness.mjs';

const RACE_NAME = 'Berlin Marathon <script>alert(1)</script>';
const PAGES = ['today', 'log', 'body', 'plan', 'briefing', 'settings'];

setupSuite();

let rowsBefore = 0;

step('first launch opens on Today, and the log is empty', async () => {
  await launchApp();
  assert.ok(await $('#page-log').isDisplayed());
  rowsBefore = (await rows()).length;
  assert.equal(rowsBefore, 0, 'a fresh data dir has no sessions');
  // Any alert() (from user text run as HTML) would be recorded here instead of blocking the page.
  await browser.execute(() => {
    window.__e2eAlerts = [];
    window.alert = (m) => window.__e2eAlerts.push(String(m));
  });
});

step('add a done race whose name looks like HTML', async () => {
  await openForm('race');
  await $('#f-race-name').waitForDisplayed({ timeoutMsg: 'race fields did not appear for kind=race' });
  await type('#f-race-name', RACE_NAME);
  await setValue('#f-race-distance', 'marathon');
  await setValue('#f-race-status', 'done');
  await setValue('#f-start', localDateTime(4, 9, 0));
  await type('#f-duration', '3:29:59');
  await type('#f-finish-time', '3:29:59');
  await click('#save-session');
  const list = await waitForRows((r) => r.some((x) => x.kind === 'race'), 'a race row');
  assert.equal(list.length, rowsBefore + 1);
});

step('a negative distance is refused with a field error and writes nothing', async () => {
  const before = (await rows()).length;
  await openForm('easy_run');
  await setValue('#f-start', localDateTime(2, 7, 30));
  await type('#f-duration', '0:45:00');
  await type('#f-distance', '-5');
  await click('#save-session');
  const err = await $('#err-distance');
  await err.waitForDisplayed({ timeoutMsg: '#err-distance did not appear for distance -5' });
  const msg = await err.getText();
  assert.match(msg, /distance/i, `#err-distance names the field: ${JSON.stringify(msg)}`);
  await screenshot('field-error');
  await sleep(300); // let any (wrong) list refresh land before counting
  assert.equal((await rows()).length, before, 'no row was added');

  // Fix it: the error goes away and the run is saved.
  await type('#f-distance', '8');
  await click('#save-session');
  await waitForRows((r) => r.length === before + 1 && r.some((x) => x.kind === 'easy_run'), 'the fixed easy run');
  assert.ok(!(await $('#err-distance').isDisplayed()), '#err-distance is gone after the fix');
});

step('add a sports massage with Sam on the left calf', async () => {
  const before = (await rows()).length;
  await openForm('massage');
  await $('#f-massage-type').waitForExist({ timeoutMsg: 'massage fields did not appear for kind=massage' });
  await setValue('#f-start', localDateTime(1, 18, 0));
  await type('#f-duration', '1:00:00');
  await setValue('#f-massage-type', 'sports');
  await type('#f-therapist', 'Sam');
  await setValue('#f-pressure', 'medium');
  await check('input[name="focus-region"][value="calf_l"]');
  await click('#save-session');
  await waitForRows((r) => r.length === before + 1 && r.some((x) => x.kind === 'massage'), 'a massage row');
});

step('the list shows the race name as text, and nothing ran', async () => {
  const list = await rows();
  const race = list.find((r) => r.kind === 'race');
  assert.ok(race, 'race row listed');
  assert.ok(list.some((r) => r.kind === 'massage'), 'massage row listed');
  assert.ok(race.text.includes('<script>alert(1)</script>'), `race row shows the literal name: ${JSON.stringify(race.text)}`);
  assert.equal(race.hasScriptElement, false, 'no <script> element in the row');
  const alerts = await browser.execute(() => window.__e2eAlerts ?? []);
  assert.deepEqual(alerts, [], 'no alert() ran');
  await screenshot('log');
});

let savedIds = [];

step('entries survive a relaunch on the same data dir', async (t) => {
  savedIds = (await rows()).map((r) => r.id).sort();
  let t0 = Date.now();
  await quitApp(); // returns once the process is gone
  assert.deepEqual(appPids(), [], 'no app process left');
  t.diagnostic(`app quit in ${Date.now() - t0} ms`);

  t0 = Date.now();
  await launchApp();
  t.diagnostic(`relaunched, log page shown in ${Date.now() - t0} ms`);
  const list = await waitForRows((r) => r.length === savedIds.length, `${savedIds.length} rows after relaunch`);
  assert.deepEqual(list.map((r) => r.id).sort(), savedIds, 'the same entries, same ids');
  assert.ok(list.some((r) => r.kind === 'race' && r.text.includes('<script>')), 'race still listed');
  assert.ok(list.some((r) => r.kind === 'massage'), 'massage still listed');
});

step('the window will not leave the app or open a window of its own', async () => {
  // A page that would load if the window went there: a server on loopback that notes each request.
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url);
    res.end('<h1 id="elsewhere">elsewhere</h1>');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const home = await browser.getUrl();
    // What a script in the page might try: go elsewhere, or open a window through a link. The
    // shell's navigation guard (src-tauri/src/windows.rs) refuses both.
    await browser.execute((url) => {
      window.location.href = url;
    }, `${base}/top`);
    await browser.execute((url) => {
      const a = document.createElement('a');
      a.id = 'probe-link';
      a.href = url;
      a.target = '_blank';
      a.textContent = 'probe';
      document.body.prepend(a);
    }, `${base}/popup`);
    await click('#probe-link');
    await sleep(1500); // a navigation would have reached the server by now; nothing else to wait on
    assert.deepEqual(hits, [], `nothing was loaded from elsewhere: ${hits}`);
    assert.equal(await browser.getUrl(), home, 'still on the app');
    assert.equal((await browser.getWindowHandles()).length, 1, 'no new window');
    await browser.execute(() => document.getElementById('probe-link')?.remove());
  } finally {
    server.close();
  }
});

step('every page opens from the nav', async (t) => {
  // The five pages the app must have, plus any the nav has grown since.
  const found = await browser.execute(() =>
    [...document.querySelectorAll('[data-nav]')].map((b) => b.getAttribute('data-nav')),
  );
  for (const name of PAGES) assert.ok(found.includes(name), `nav has [data-nav="${name}"] (found ${found})`);
  const pages = [...PAGES, ...found.filter((n) => !PAGES.includes(n))];
  t.diagnostic(`pages: ${pages.join(', ')}`);
  for (const name of pages) {
    await gotoPage(name);
    if (name !== 'log') await screenshot(name);
  }
  await gotoPage('log');
});

step('delete asks first, and undo brings the entry back', async (t) => {
  const before = await rows();
  const victim = before.find((r) => r.kind === 'massage');
  assert.ok(victim, 'a massage row to delete');
  const rowSel = `#session-list .session-row[data-id="${victim.id}"]`;
  await click(`${rowSel} .delete-session`);
  await $('#confirm-dialog').waitForDisplayed({ timeoutMsg: '#confirm-dialog did not open' });
  assert.ok((await rows()).some((r) => r.id === victim.id), 'nothing is deleted before confirming');
  await click('#confirm-ok');
  await waitForRows((r) => r.length === before.length - 1 && !r.some((x) => x.id === victim.id), 'the massage row gone');
  await $('#toast').waitForDisplayed({ timeoutMsg: '#toast did not appear after delete' });
  await click('#undo');
  const after = await waitForRows(
    (r) => r.length === before.length && r.some((x) => x.kind === 'massage'),
    'the massage row back after undo',
  );
  if (!after.some((r) => r.id === victim.id)) t.diagnostic('undo restored the massage under a new id');
  await screenshot('after-undo');
});
