// End-to-end test of "Your data" (issue 6) in the real app: back up, delete an entry, restore the
// backup from the list in Settings, and find the entry again; and export everything as JSON. Run it
// with tests/e2e/run.sh, which provides Xvfb, a private D-Bus session and a data dir.
//
// WebDriver can't drive a native dialog, so the export goes to AFTERMILE_SAVE_DIR, the restore
// picks from the list of backups the app shows, and AFTERMILE_CONFIRM answers the native "Restore
// this backup?" question (test hooks, src-tauri/src/hooks.rs; debug builds only).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  $,
  browser,
  click,
  dataDir,
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
  UI_MS,
  waitForRows,
} from './lib/harness.mjs';

// The app inherits the environment tauri-driver starts with, so this is set before the suite starts it.
const SAVE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'aftermile-e2e-export-'));
process.env.AFTERMILE_SAVE_DIR = SAVE_DIR;
process.env.AFTERMILE_CONFIRM = 'yes';
const THERAPIST = `Robin ${process.pid}`;

setupSuite();

/** @type {string} */
let victim;

step('log a massage', async () => {
  await launchApp();
  await openForm('massage');
  await $('#f-massage-type').waitForExist({ timeoutMsg: 'massage fields did not appear' });
  await setValue('#f-start', localDateTime(2, 18, 30));
  await type('#f-duration', '0:45:00');
  await setValue('#f-massage-type', 'sports');
  await type('#f-therapist', THERAPIST);
  await click('#save-session');
  const list = await waitForRows((r) => r.some((x) => x.text.includes(THERAPIST)), 'the massage row');
  victim = list.find((x) => x.text.includes(THERAPIST)).id;
  assert.ok(victim);
});

step('back up now adds a backup to the list', async () => {
  await gotoPage('settings');
  await $('#data-settings').scrollIntoView();
  await click('#backup-now');
  await browser.waitUntil(async () => (await $$count('#backup-list .backup')) === 1, {
    timeout: UI_MS,
    timeoutMsg: 'one backup listed after "Back up now"',
  });
  const status = await $('#backup-status').getText();
  assert.match(status, /Backed up/);
  const files = fs.readdirSync(path.join(dataDir(), 'backups'));
  assert.equal(files.filter((f) => f.endsWith('-manual.sqlite3')).length, 1, `backups: ${files}`);
  await screenshot('data-backup-listed');
});

step('export JSON writes every entry to a versioned document', async () => {
  await click('#export-json');
  await browser.waitUntil(async () => /Exported/.test(await $('#transfer-status').getText()), {
    timeout: UI_MS,
    timeoutMsg: 'export status did not report success',
  });
  const file = fs.readdirSync(SAVE_DIR).find((f) => /^aftermile-export-.*\.json$/.test(f));
  assert.ok(file, `an export in ${SAVE_DIR}`);
  const doc = JSON.parse(fs.readFileSync(path.join(SAVE_DIR, file), 'utf8'));
  assert.equal(doc.format, 'aftermile-export');
  assert.equal(doc.version, 1);
  assert.ok(doc.sessions.some((s) => s.id === victim && s.details.therapist === THERAPIST));
});

step('delete the entry', async () => {
  await gotoPage('log');
  const rowSel = `#session-list .session-row[data-id="${victim}"]`;
  await click(`${rowSel} .delete-session`);
  await $('#confirm-dialog').waitForDisplayed({ timeoutMsg: '#confirm-dialog did not open' });
  await click('#confirm-ok');
  await waitForRows((r) => !r.some((x) => x.id === victim), 'the massage row gone');
});

step('restore the backup from the list and find the entry again', async () => {
  await gotoPage('settings');
  await $('#data-settings').scrollIntoView();
  await click('#backup-list .backup .restore');
  await $('#confirm-dialog').waitForDisplayed({ timeoutMsg: 'restore did not ask first' });
  await click('#confirm-ok');
  // The app reloads onto the restored database.
  await browser.waitUntil(async () => /Restored/.test(await $('#backup-status').getText().catch(() => '')), {
    timeout: UI_MS,
    timeoutMsg: 'restore did not report success',
  });
  await $('#page-today').waitForDisplayed({ timeout: UI_MS * 2, timeoutMsg: 'Today after the reload' });
  await gotoPage('log');
  const list = await waitForRows((r) => r.some((x) => x.id === victim), 'the deleted massage back');
  assert.ok(list.find((x) => x.id === victim).text.includes(THERAPIST));
  // The database it replaced is kept, set aside, not deleted.
  const kept = fs.readdirSync(path.join(dataDir(), 'db')).filter((f) => f.includes('-replaced-'));
  assert.equal(kept.length, 1, `set-aside files: ${kept}`);
  await screenshot('data-restored');
  assert.ok((await rows()).length >= 1);
});

/** How many elements match, in one round trip. */
function $$count(sel) {
  return browser.execute((s) => document.querySelectorAll(s).length, sel);
}
