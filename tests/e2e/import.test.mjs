// End-to-end test of importing activities (issue 12) in the real app: a folder holding a FIT run,
// the same run as GPX, a ride and a damaged file is imported from the Log page; the summary says
// 2 imported (1 of them cross-training), 1 duplicate and 1 skipped with its reason; the new
// entries open in the Log with where they came from and what the watch measured. Run it with
// tests/e2e/run.sh.
//
// WebDriver can't drive the native folder picker, so AFTERMILE_OPEN_FILE answers it (a test hook,
// src-tauri/src/hooks.rs; debug builds only). The files come from the core's samples
// (crates/core/examples/activity_samples.rs, built by `make build`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $, browser, click, launchApp, ROOT, rows, screenshot, setupSuite, step, UI_MS, waitForRows } from './lib/harness.mjs';

const SAMPLES = path.join(ROOT, 'target/debug/examples/activity_samples');
const FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'aftermile-e2e-watch-'));
assert.ok(fs.existsSync(SAMPLES), `${SAMPLES} exists (make build builds it)`);
execFileSync(SAMPLES, [FOLDER]);
// The app inherits the environment tauri-driver starts with, so this is set before the suite starts it.
process.env.AFTERMILE_OPEN_FILE = FOLDER;

setupSuite();

step('the empty log offers an import', async () => {
  await launchApp();
  await $('#import-activities-empty').waitForDisplayed({ timeoutMsg: 'the empty log offers no import' });
});

step('import a folder from the Log page and read the summary', async () => {
  await click('#import-activities');
  await $('#import-chooser').waitForDisplayed({ timeoutMsg: 'the chooser did not open' });
  await screenshot('import-chooser');
  await click('#import-pick-folder');
  const summary = await $('#import-summary');
  await summary.waitForDisplayed({ timeout: UI_MS * 3, timeoutMsg: 'no summary after the import' });
  assert.equal(
    await $('#import-summary-headline').getText(),
    '2 entries imported (1 cross-training), 1 already in your log, 1 skipped.',
  );
  const dup = await $('#import-duplicate-list').getText();
  assert.match(dup, /morning-run\.gpx/);
  assert.match(dup, /Matched Easy run on .* \(from a FIT file\)/);
  const skipped = await $('#import-skipped-list').getText();
  assert.match(skipped, /broken\.fit/);
  assert.match(skipped, /Damaged/);
  assert.match(skipped, /ends early/);
  await screenshot('import-summary');
});

step('the new entries open in the Log, with their source and measured values', async () => {
  await click('#import-show-new');
  await $('#imported-banner').waitForDisplayed({ timeoutMsg: 'the Log did not narrow to the new entries' });
  const list = await waitForRows((r) => r.length === 2, 'the 2 imported entries');
  const run = list.find((r) => r.kind === 'easy_run');
  const ride = list.find((r) => r.kind === 'cross_training');
  assert.ok(run && ride, JSON.stringify(list));
  assert.match(run.text, /Forerunner 935, FIT/);
  assert.match(run.text, /HR 140\/159 bpm/);
  assert.match(run.text, /TRIMP \d+/);
  assert.match(ride.text, /Cycling|Ride/);
  await screenshot('import-new-entries');
  await click('#show-all-entries');
  await $('#imported-banner').waitForDisplayed({ reverse: true, timeoutMsg: 'Show all entries kept the banner' });
  assert.equal((await rows()).length, 2, 'nothing else is in the log');
});

step('importing the same folder again adds nothing and says so', async () => {
  await click('#import-activities');
  await $('#import-chooser').waitForDisplayed();
  await click('#import-pick-folder');
  await $('#import-summary').waitForDisplayed({ timeout: UI_MS * 3 });
  assert.equal(
    await $('#import-summary-headline').getText(),
    '0 entries imported, 3 already in your log, 1 skipped.',
  );
  assert.equal(await $('#import-show-new').isExisting(), false, 'nothing new to show');
  await click('#import-summary-close');
  await $('#import-summary').waitForDisplayed({ reverse: true });
  await browser.waitUntil(async () => (await rows()).length === 2, { timeout: UI_MS, timeoutMsg: 'still 2 entries' });
});
