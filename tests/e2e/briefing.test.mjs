// End-to-end test of the briefing sheet in the real app (issue 5): with a profile, a planned race, a
// massage and a sore calf entered through the UI, the Briefing page previews the sheet, and Save as
// PDF writes a one-page PDF holding the runner's data. Run it with tests/e2e/run.sh.
//
// The native GTK save dialog can't be driven through WebDriver, so this suite sets
// AFTERMILE_SAVE_DIR, the app's documented test hook: Save then writes there with no dialog.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  $,
  browser,
  check,
  click,
  gotoPage,
  launchApp,
  localDateTime,
  openForm,
  rows,
  screenshot,
  setupSuite,
  setValue,
  step,
  type,
  waitForRows,
} from './lib/harness.mjs';

const run = promisify(execFile);
const SAVE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'aftermile-briefing-'));
// tauri-driver passes its environment on to the app.
process.env.AFTERMILE_SAVE_DIR = SAVE_DIR;
const NAME = 'Robin E2E <b>Runner</b>';
const ALLERGY = 'Almond oil';
const SECRET_MEDICATION = 'Do-not-share-pills';

setupSuite();

step('launch, and fill in the profile: name, an allergy to share, medication kept private', async () => {
  await launchApp();
  await gotoPage('settings');
  await $('#profile-settings').waitForDisplayed({ timeoutMsg: 'no profile section in Settings' });
  await type('#p-name', NAME);
  await setValue('#p-allergies', ALLERGY);
  await check('#p-share-allergies');
  await setValue('#p-medication', SECRET_MEDICATION);
  await click('#p-save');
  await browser.waitUntil(async () => /Saved/.test(await $('#profile-settings .status').getText()), {
    timeoutMsg: 'the profile was not saved',
  });
});

step('log a planned race, a massage and a sore calf through the UI', async () => {
  await gotoPage('log');
  await openForm('race');
  await $('#f-race-name').waitForDisplayed({ timeoutMsg: 'race fields did not appear' });
  await type('#f-race-name', 'E2E Spring 10K');
  await setValue('#f-race-distance', '10k');
  await setValue('#f-race-status', 'planned');
  await setValue('#f-start', localDateTime(-3, 9, 0));
  await click('#save-session');
  await waitForRows((r) => r.some((x) => x.kind === 'race'), 'the race row');

  const before = (await rows()).length;
  await openForm('massage');
  await $('#f-massage-type').waitForExist({ timeoutMsg: 'massage fields did not appear' });
  await setValue('#f-start', localDateTime(4, 18, 0));
  await type('#f-duration', '1:00:00');
  await setValue('#f-massage-type', 'sports');
  await setValue('#f-pressure', 'medium');
  await check('input[name="focus-region"][value="calf_l"]');
  await click('#save-session');
  await waitForRows((r) => r.length === before + 1 && r.some((x) => x.kind === 'massage'), 'the massage row');

  await gotoPage('body');
  await click('#page-body [data-region="calf_l"]');
  await $('#mark-form').waitForDisplayed({ timeoutMsg: 'the mark form did not open' });
  await click('#m-sensation-sore');
  await browser.execute(() => {
    const r = document.querySelector('#m-intensity');
    r.value = '5';
    r.dispatchEvent(new Event('input', { bubbles: true }));
    r.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await click('#m-save');
  await browser.waitUntil(
    async () => (await browser.execute(() => document.querySelectorAll('#page-body .badge').length)) > 0,
    { timeoutMsg: 'the mark did not show on the chart' },
  );
});

step('the Briefing page previews the sheet with the data and only what is shared', async () => {
  await gotoPage('briefing');
  await check('input[name="goal"][value="muscle_recovery"]');
  const summary = await $('#page-briefing .summary');
  await browser.waitUntil(async () => /1 area of concern/.test(await summary.getText()), {
    timeoutMsg: 'the summary did not report the marked calf',
  });
  const frame = await $('#page-briefing iframe.sheet-frame');
  await frame.waitForExist({ timeoutMsg: 'no preview frame' });
  assert.match(await frame.getAttribute('src'), /^(briefing:\/\/localhost\/|http:\/\/briefing\.localhost\/)/);
  // The medication is not in the profile's shared ticks, so the form does not tick it.
  assert.equal(await $('#b-share-medication').isSelected(), false, 'medication starts unshared');
  assert.equal(await $('#b-share-allergies').isSelected(), true, 'allergies start shared');
  assert.equal(await $('#b-share-mark-notes').isSelected(), false, 'notes on marks start unshared');
  assert.equal(await $('#b-share-massage-feedback').isSelected(), false, 'how the last massage felt starts unshared');
  // The frame is cross-origin (the briefing: scheme), so read the sheet through WebDriver's frame switch.
  await browser.switchFrame(frame);
  const text = await browser.execute(() => document.body.innerText);
  const scripts = await browser.execute(() => document.scripts.length);
  await browser.switchFrame(null);
  assert.match(text, /Robin E2E <b>Runner<\/b>/, 'the name shows as typed, as text');
  assert.match(text, /E2E Spring 10K/);
  assert.match(text, /Almond oil/);
  assert.doesNotMatch(text, new RegExp(SECRET_MEDICATION), 'unticked medication stays off the sheet');
  assert.equal(scripts, 0, 'the sheet runs no script');
  await screenshot('briefing');
});

/**
 * Clicks a save button and waits for "Saved to …". Once (in 5 CI runs) a WebKitWebDriver click on
 * this button never reached the page: no "Saving…", no status. So if nothing at all has happened
 * 5 s after the click, it clicks once more and says so; a save that started and failed still fails.
 */
async function save(button, what, t, done = /Saved to/) {
  const before = await $('#b-status').getText();
  await click(button);
  const started = async () =>
    /Saving/.test(await $(button).getText()) || (await $('#b-status').getText()) !== before;
  const began = await browser.waitUntil(started, { timeout: 5_000 }).catch(() => false);
  if (!began) {
    t.diagnostic(`${what}: the first click did not reach the page; clicking again`);
    await click(button);
  }
  await browser.waitUntil(async () => done.test(await $('#b-status').getText()), {
    timeout: 60_000,
    timeoutMsg: `${what} did not report a saved file (status: ${JSON.stringify(await $('#b-status').getText())})`,
  });
}

step('Save as PDF writes a one-page PDF with the runner on it', async (t) => {
  await save('#b-save-pdf', 'Save as PDF', t);
  const files = fs.readdirSync(SAVE_DIR).filter((f) => f.endsWith('.pdf'));
  assert.equal(files.length, 1, `one PDF in ${SAVE_DIR}: ${files}`);
  const pdf = path.join(SAVE_DIR, files[0]);
  const { stdout: info } = await run('pdfinfo', [pdf]);
  assert.match(info, /^Pages:\s+1$/m, `a one-page PDF:\n${info}`);
  const { stdout: text } = await run('pdftotext', [pdf, '-']);
  assert.match(text, /Robin E2E <b>Runner<\/b>/);
  assert.match(text, /E2E Spring 10K/);
  assert.doesNotMatch(text, new RegExp(SECRET_MEDICATION));

  await save('#b-save-html', 'Save as HTML', t, /\.html$/);
  const html = fs.readFileSync(path.join(SAVE_DIR, files[0].replace(/\.pdf$/, '.html')), 'utf8');
  assert.match(html, /Robin E2E &lt;b&gt;Runner&lt;\/b&gt;/, 'the saved HTML escapes the name');
  assert.doesNotMatch(html, /<script/i);
  fs.copyFileSync(pdf, path.join(process.env.AFTERMILE_E2E_ARTIFACTS ?? '.', 'briefing.pdf'));
});
