// End-to-end test of Today, the page the app opens on: the empty state of a new data folder, then
// a marathon yesterday and two easy runs, and what Today makes of them; screenshots in light and
// dark (the app follows the system theme: the dark run sets GTK's dark variant for the app).
import assert from 'node:assert/strict';
import {
  $,
  browser,
  click,
  gotoPage,
  launchApp,
  openForm,
  restartDriver,
  screenshot,
  setValue,
  setupSuite,
  step,
  type,
  UI_MS,
  waitForRows,
} from './lib/harness.mjs';

setupSuite();

const p = (n) => String(n).padStart(2, '0');
const wall = (d) => `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;

/**
 * A start yesterday such that the finish (3:30 later) was about 24 hours ago, kept inside
 * yesterday's date: whatever the hour of the run, the 24 h check-in is the one in force.
 */
function marathonStart() {
  const now = new Date();
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  const ideal = new Date(now.getTime() - (24 + 3.5) * 3_600_000);
  const last = new Date(yesterday.getTime() + (23 * 60 + 59) * 60_000);
  return wall(new Date(Math.min(Math.max(ideal.getTime(), yesterday.getTime()), last.getTime())));
}

async function text(sel) {
  const el = await $(sel);
  await el.waitForDisplayed({ timeoutMsg: `${sel} is not shown` });
  return el.getText();
}

step('a new data folder opens on Today and says what to do first', async () => {
  await launchApp({ page: 'today' });
  await $('#today-empty').waitForDisplayed({ timeoutMsg: 'the empty state' });
  const words = await text('#today-empty');
  assert.match(words, /Import your runs/);
  assert.ok(await $('#today-import').isDisplayed(), 'an import button');
  assert.ok(await $('#today-log-race').isDisplayed(), 'a log-your-race button');
  await screenshot('today-empty');
});

step('"Log your last race" opens a new race entry', async () => {
  await click('#today-log-race');
  await $('form#session-form').waitForDisplayed({ timeoutMsg: 'the entry form' });
  assert.equal(await $('#f-kind').getValue(), 'race');
  await type('#f-race-name', 'Valencia Marathon');
  await setValue('#f-race-distance', 'marathon');
  await setValue('#f-race-status', 'done');
  await setValue('#f-start', marathonStart());
  await type('#f-duration', '3:30:00');
  await type('#f-finish-time', '3:30:00');
  await type('#f-rpe', '9');
  await click('#save-session');
  await waitForRows((r) => r.some((x) => x.kind === 'race'), 'the marathon');
});

step('two easy runs, one rated and one not', async () => {
  const now = Date.now();
  const runs = [
    { start: wall(new Date(now - 2 * 86_400_000 - 3_600_000)), rpe: '3', km: '8' },
    { start: wall(new Date(now - 20 * 60_000)), rpe: '', km: '5' },
  ];
  for (const r of runs) {
    await openForm('easy_run');
    await setValue('#f-start', r.start);
    await type('#f-duration', '0:40:00');
    await type('#f-distance', r.km);
    if (r.rpe) await type('#f-rpe', r.rpe);
    await click('#save-session');
    await $('form#session-form').waitForDisplayed({ reverse: true, timeoutMsg: 'the form closes after saving' });
  }
  await waitForRows((r) => r.filter((x) => x.kind === 'easy_run').length === 2, 'two easy runs');
});

step('Today shows day 2 of 26, the 24 h check-in and the load figures', async () => {
  await gotoPage('today');
  await browser.waitUntil(async () => /Day 2 of 26/.test(await $('#recovery-headline').getText().catch(() => '')), {
    timeout: UI_MS,
    timeoutMsg: 'the recovery headline',
  });
  assert.equal(await text('#recovery-headline'), 'Day 2 of 26 easy days after Valencia Marathon');
  assert.match(await text('#today-checkin'), /24 h check-in/);
  const acute = Number((await text('#load-acute')).replace(/[^\d.]/g, ''));
  assert.ok(acute > 0, `acute load ${acute}`);
  assert.ok(Number((await text('#load-chronic')).replace(/[^\d.]/g, '')) > 0, 'chronic load');
  assert.equal(await text('#load-ratio'), '—', 'no ratio before 28 days');
  assert.match(await text('#load-sentence'), /needs 28 days/);
  assert.match(await text('#week-running'), /km in/);
  // The unrated run is asked for its effort.
  assert.match(await text('#to-rate'), /How hard did these feel/);
  // Every figure explains itself.
  const hows = await browser.execute(() =>
    [...document.querySelectorAll('#load-how dt')].map((d) => d.textContent ?? ''),
  );
  for (const figure of ['Session load', 'TRIMP', 'Acute load', 'Chronic load', 'Form', 'Acute:chronic ratio']) {
    assert.ok(hows.some((h) => h.startsWith(figure)), `"how this is worked out" for ${figure} (have ${hows})`);
  }
  // The charts, each with its table.
  // Drawn in the frame after the first one (they sit below the fold).
  await $('.weekly-bars svg').waitForExist({ timeoutMsg: 'weekly bars' });
  await $('.load-lines svg').waitForExist({ timeoutMsg: 'load lines' });
  // The tables are built when their fold is first opened.
  const tableCount = () => browser.execute(() => document.querySelectorAll('#page-today table.chart-table').length);
  assert.equal(await tableCount(), 0, 'no table before its fold is opened');
  await browser.execute(() => document.querySelectorAll('#page-today .chart-details > summary').forEach((s) => s.click()));
  await browser.waitUntil(async () => (await tableCount()) === 2, { timeoutMsg: 'both tables shown once opened' });
  const rows = await browser.execute(() =>
    [...document.querySelectorAll('#page-today table.chart-table')].map((t) => t.querySelectorAll('tbody tr').length),
  );
  assert.ok(rows.every((n) => n > 0), `each table has rows (${rows})`);
  await browser.execute(() => document.querySelectorAll('#page-today .chart-details').forEach((d) => d.removeAttribute('open')));
  await screenshot('today-light');
  await browser.execute(() => document.getElementById('today-body')?.scrollIntoView());
  await screenshot('today-light-body-load');
  await browser.execute(() => document.querySelector('#page-today .charts')?.scrollIntoView());
  await screenshot('today-light-charts');
  await browser.execute(() => document.querySelector('#page-today')?.scrollIntoView());
});

step('rating the run from Today saves it', async () => {
  await click('#to-rate button[aria-label="4 of 10"]');
  await $('#to-rate').waitForExist({ reverse: true, timeoutMsg: 'the run is no longer waiting for a rating' });
});

step('the Log, kept from the last visit while Today was shown, has the rating made on Today', async () => {
  // Kept, not rebuilt: the page is in the document, hidden, and heard of the write meanwhile.
  const kept = await browser.execute(() => {
    const log = document.getElementById('page-log');
    return log ? { hidden: !!log.closest('[hidden]'), rows: log.querySelectorAll('.session-row').length } : null;
  });
  assert.deepEqual(kept, { hidden: true, rows: 3 }, 'the Log is kept, hidden, with its rows');
  await gotoPage('log');
  await waitForRows((r) => r.filter((x) => /RPE 4\b/.test(x.text)).length === 1, 'the run rated 4 on Today');
  assert.ok(!(await $('#page-today').isDisplayed()), 'Today is hidden while the Log is shown');
  await gotoPage('today');
  await $('#recovery-headline').waitForDisplayed({ timeoutMsg: 'Today again' });
});

step('Today in the dark theme', async () => {
  // GTK's dark variant is what WebKitGTK reports to prefers-color-scheme.
  await restartDriver({ GTK_THEME: 'Adwaita:dark' });
  await launchApp({ page: 'today' });
  await $('#recovery-headline').waitForDisplayed({ timeoutMsg: 'Today after the relaunch' });
  const dark = await browser.execute(() => matchMedia('(prefers-color-scheme: dark)').matches);
  assert.ok(dark, 'the webview reports the dark theme');
  await screenshot('today-dark');
  await browser.execute(() => document.querySelector('#page-today .charts')?.scrollIntoView());
  await screenshot('today-dark-charts');
});
