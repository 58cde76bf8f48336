// End-to-end test of a long activity import (issue 12): the progress bar counts files live, Cancel
// stops after the file in hand, and what was imported before that stays, in whole files. Its own
// suite, since the folder picker's test hook (AFTERMILE_OPEN_FILE) is fixed when the app starts.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $, browser, click, launchApp, ROOT, screenshot, setupSuite, step, UI_MS } from './lib/harness.mjs';

const RUNS = 300;
const SAMPLES = path.join(ROOT, 'target/debug/examples/activity_samples');
const FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'aftermile-e2e-many-'));
assert.ok(fs.existsSync(SAMPLES), `${SAMPLES} exists (make build builds it)`);
execFileSync(SAMPLES, ['--runs', String(RUNS), FOLDER]);
process.env.AFTERMILE_OPEN_FILE = FOLDER;

setupSuite();

/** @type {number} */
let imported;

step('a long import shows its progress live, and Cancel stops it', async () => {
  await launchApp();
  await click('#import-activities');
  await $('#import-chooser').waitForDisplayed();
  await click('#import-pick-folder');
  await $('#import-progress').waitForDisplayed({ timeout: UI_MS, timeoutMsg: 'no progress bar' });
  const seen = new Set();
  await browser.waitUntil(
    async () => {
      const text = await $('#import-progress-count').getText().catch(() => '');
      if (/^\d+ of 300 files$/.test(text)) seen.add(text);
      return seen.size >= 3;
    },
    { timeout: UI_MS * 2, interval: 50, timeoutMsg: `the count did not move: ${[...seen]}` },
  );
  await screenshot('import-progress');
  await click('#import-cancel');
  await $('#import-summary').waitForDisplayed({ timeout: UI_MS * 2, timeoutMsg: 'no summary after Cancel' });
  assert.equal(await $('#import-summary-title').getText(), 'Import stopped');
  const headline = await $('#import-summary-headline').getText();
  const m = /^(\d+) entr(?:y|ies) imported\.$/.exec(headline);
  assert.ok(m, headline);
  imported = Number(m[1]);
  assert.ok(imported > 0 && imported < RUNS, `stopped part-way: ${imported} of ${RUNS}`);
  assert.match(await $('#import-summary').getText(), /You stopped the import/);
  await screenshot('import-stopped');
});

step('what was imported before Cancel is in the Log, and nothing else', async () => {
  await click('#import-show-new');
  const banner = await $('#imported-banner');
  await banner.waitForDisplayed();
  assert.match(await banner.getText(), new RegExp(`Showing the ${imported} entr`));
  // The whole log holds exactly those: no half-written file.
  await click('#show-all-entries');
  await banner.waitForDisplayed({ reverse: true });
  const count = await browser.execute(async () => {
    // Scroll the list to its end, so every page is loaded.
    for (let i = 0; i < 40; i++) {
      document.querySelector('#session-list')?.lastElementChild?.scrollIntoView();
      await new Promise((r) => setTimeout(r, 100));
    }
    return document.querySelectorAll('#session-list .session-row').length;
  });
  assert.equal(count, imported);
});
