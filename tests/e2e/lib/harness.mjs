// Shared harness for the end-to-end suites: tauri-driver, launching the real app, WebDriver helpers
// and `step`, which skips the rest of a file once a step failed (the steps of a file share one app).
// Each test file is its own node process with its own tauri-driver and a fresh AFTERMILE_DATA_DIR.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { remote } from 'webdriverio';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../../..');
export const APP = path.resolve(process.env.AFTERMILE_E2E_APP ?? path.join(ROOT, 'target/debug/aftermile'));
export const ARTIFACTS = process.env.AFTERMILE_E2E_ARTIFACTS ?? path.join(ROOT, 'target/e2e-artifacts');
const DRIVER_PIDFILE = process.env.AFTERMILE_E2E_DRIVER_PIDFILE;
const PORT = Number(process.env.AFTERMILE_E2E_PORT ?? 4444);
const NATIVE_PORT = PORT + 1;
/** WebdriverIO talks to this port: a small proxy in front of tauri-driver (see `startRetryProxy`). */
const PROXY_PORT = PORT + 2;

export const FIRST_WINDOW_MS = 20_000; // cold start of a debug build under Xvfb
export const UI_MS = 10_000; // anything the UI does after a click
export const STEP_MS = 120_000; // hard limit per step, so a hang fails instead of stalling CI

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A timer that does not keep node alive, for races against something that should finish first. */
export const grace = (ms) => new Promise((r) => setTimeout(r, ms).unref());
const run = promisify(execFile);

/** @type {import('node:child_process').ChildProcess | undefined} */
let driver;
/** @type {WebdriverIO.Browser | undefined} */
export let browser;
let broken = '';

// ---------------------------------------------------------------------------------------------------
// tauri-driver
// ---------------------------------------------------------------------------------------------------

function portInUse(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

export async function startDriver({ proxy = true } = {}) {
  // A restart under a running retry proxy (`restartDriver`) leaves the proxy's port to it.
  for (const p of proxy ? [PORT, NATIVE_PORT, PROXY_PORT] : [PORT, NATIVE_PORT]) {
    if (await portInUse(p)) {
      throw new Error(`port ${p} is already in use (a stale tauri-driver or WebKitWebDriver?)`);
    }
  }
  const logFd = fs.openSync(path.join(ARTIFACTS, 'tauri-driver.log'), 'a');
  // Its own process group, so the whole tree (tauri-driver, WebKitWebDriver, the app) can be killed.
  driver = spawn('tauri-driver', ['--port', String(PORT), '--native-port', String(NATIVE_PORT)], {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: process.env, // carries AFTERMILE_DATA_DIR and DISPLAY to the app
  });
  fs.closeSync(logFd);
  if (DRIVER_PIDFILE) fs.writeFileSync(DRIVER_PIDFILE, String(driver.pid));
  let exited = null;
  driver.once('exit', (code, signal) => {
    exited = { code, signal };
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exited) throw new Error(`tauri-driver exited early (${JSON.stringify(exited)}); see tauri-driver.log`);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/status`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      return; // any HTTP answer means it is up and has reached WebKitWebDriver
    } catch {
      if (Date.now() > deadline) throw new Error('tauri-driver did not answer within 15 s');
      await sleep(200);
    }
  }
}

function stopDriverSync() {
  if (!driver || driver.exitCode !== null || driver.signalCode !== null) return;
  try {
    process.kill(-driver.pid, 'SIGTERM'); // tauri-driver stops WebKitWebDriver on SIGTERM
  } catch {
    /* already gone */
  }
}

export async function stopDriver() {
  if (!driver) return;
  const d = driver;
  if (d.exitCode === null && d.signalCode === null) {
    const gone = new Promise((r) => d.once('exit', r));
    stopDriverSync();
    await Promise.race([gone, grace(5000)]);
  }
  try {
    process.kill(-d.pid, 'SIGKILL'); // anything left in the group (WebKitWebDriver, the app)
  } catch {
    /* already gone */
  }
  if (DRIVER_PIDFILE) fs.rmSync(DRIVER_PIDFILE, { force: true });
  driver = undefined;
}

process.on('exit', stopDriverSync);

// ---------------------------------------------------------------------------------------------------
// Retrying dropped requests
// ---------------------------------------------------------------------------------------------------

/**
 * WebKitWebDriver sometimes drops a request's connection ("Remote end closed connection") while the
 * app emits an event to the page; the app stays up and the same request then succeeds. A proxy
 * between WebdriverIO and tauri-driver sends an idempotent request (any GET, and finding
 * elements) once more when its connection drops, and counts it. Anything that acts on the page
 * (click, type, execute) is never sent twice: its failure is the test's failure. The count is
 * printed after each suite, so the flake stays visible.
 */
export const retries = { count: 0, paths: /** @type {string[]} */ ([]) };
/** @type {http.Server | undefined} */
let proxy;

function idempotent(method, url) {
  return method === 'GET' || (method === 'POST' && /\/elements?$/.test(url));
}

function forward(method, url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: PORT, method, path: url, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function startRetryProxy() {
  proxy = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      const url = req.url ?? '/';
      const headers = { ...req.headers, host: `127.0.0.1:${PORT}` };
      let out;
      try {
        out = await forward(method, url, headers, body);
      } catch (err) {
        if (idempotent(method, url)) {
          retries.count += 1;
          retries.paths.push(`${method} ${url.replace(/\/session\/[^/]+/, '/session/…')}`);
          try {
            out = await forward(method, url, headers, body);
          } catch (again) {
            err = again;
          }
        }
        if (!out) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ value: { error: 'unknown error', message: `proxy: ${err.message}` } }));
          return;
        }
      }
      res.writeHead(out.status, out.headers);
      res.end(out.body);
    });
  });
  await new Promise((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(PROXY_PORT, '127.0.0.1', resolve);
  });
}

async function stopRetryProxy() {
  if (!proxy) return;
  const p = proxy;
  proxy = undefined;
  await new Promise((r) => p.close(() => r()));
  // node --test prints a file's stderr; run.sh also sums the files in the artifacts folder.
  process.stderr.write(`webdriver retries in ${path.basename(process.argv[1] ?? 'suite')}: ${retries.count}` +
    (retries.count ? ` (${retries.paths.join(', ')})` : '') + '\n');
  fs.appendFileSync(path.join(ARTIFACTS, 'webdriver-retries.log'), `${retries.count}\n`);
}

// ---------------------------------------------------------------------------------------------------
// WebDriver helpers
// ---------------------------------------------------------------------------------------------------

/**
 * Launches the app and waits for Today, the page it opens on; then goes to `page` (the Log unless
 * asked otherwise), where most suites begin.
 */
export async function launchApp({ page = 'log' } = {}) {
  browser = await remote({
    hostname: '127.0.0.1',
    port: PROXY_PORT,
    logLevel: 'error',
    connectionRetryTimeout: 60_000,
    // The proxy retries what is safe to repeat; WebdriverIO must not resend a click on its own.
    connectionRetryCount: 0,
    waitforTimeout: UI_MS,
    waitforInterval: 100,
    capabilities: {
      browserName: 'wry',
      'wdio:enforceWebDriverClassic': true, // WebKitWebDriver has no WebDriver BiDi
      'tauri:options': { application: APP },
    },
  });
  await browser.$('#page-today').waitForDisplayed({ timeout: FIRST_WINDOW_MS });
  if (page !== 'today') await gotoPage(page);
  return browser;
}

/**
 * Quits the app and starts tauri-driver again with `env` added, so the next `launchApp` runs the
 * app in that environment (the app inherits the driver's). The retry proxy stays up.
 */
export async function restartDriver(env) {
  await quitApp();
  await stopDriver();
  // WebKitWebDriver lets go of its port a moment after the group is killed.
  const deadline = Date.now() + 15_000;
  while ((await portInUse(PORT)) || (await portInUse(NATIVE_PORT))) {
    if (Date.now() > deadline) throw new Error('tauri-driver ports still in use 15 s after stopping it');
    await sleep(200);
  }
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    await startDriver({ proxy: false });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/**
 * Quits the app the way the tray's "Quit Aftermile" does, ends the session, and waits until the
 * process is gone. Ending a WebDriver session only closes the window, and with "close to tray" (the
 * default) the app then stays in the tray; the next launch on this bus would hand over to it (the
 * single-instance rule) and exit, so WebDriver would never see its window.
 */
export async function quitApp() {
  if (!browser) return;
  const b = browser;
  browser = undefined;
  const before = appPids();
  // The page goes away during the call, so its answer never comes: a short wait is enough.
  await withTimeout(
    b.execute(() => void window.__TAURI_INTERNALS__.invoke('quit_app')),
    5_000,
    'quit',
  ).catch(() => {});
  await Promise.race([b.deleteSession().catch(() => {}), grace(15_000)]);
  const deadline = Date.now() + 15_000;
  while (before.some((pid) => appPids().includes(pid))) {
    if (Date.now() > deadline) throw new Error(`the app (pids ${appPids()}) still runs 15 s after Quit`);
    await sleep(100);
  }
}

/** Pids of running processes whose executable is the app under test. */
export function appPids() {
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readlinkSync(`/proc/${entry}/exe`) === APP) pids.push(Number(entry));
    } catch {
      /* gone, or not ours */
    }
  }
  return pids;
}

export function withTimeout(promise, ms, what) {
  let timer;
  const t = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

/**
 * Screenshot of the whole Xvfb screen, which shows the app's window. Not WebDriver's: the app
 * paints without GPU compositing (src-tauri/src/windows.rs), and WebKitWebDriver's screenshot call
 * hangs in that mode.
 */
export async function screenshot(name) {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await run('import', ['-window', 'root', file], { timeout: 20_000 });
  return file;
}

export const $ = (sel) => browser.$(sel);

export async function click(sel) {
  const el = await $(sel);
  await el.waitForClickable({ timeoutMsg: `${sel} not clickable` });
  await el.click();
}

/** Types into a text or number input, as a person would. */
export async function type(sel, value) {
  const el = await $(sel);
  await el.waitForDisplayed({ timeoutMsg: `${sel} not displayed` });
  await el.clearValue();
  await el.setValue(value);
  const got = await el.getValue();
  assert.equal(got, String(value), `${sel} holds what was typed`);
}

/**
 * Sets a value from script and fires input + change, for controls that WebKit's WebDriver does not type
 * into reliably (datetime-local) and for selects.
 */
export async function setValue(sel, value) {
  const el = await $(sel);
  await el.waitForExist({ timeoutMsg: `${sel} does not exist` });
  const ok = await browser.execute(
    (e, v) => {
      e.value = v;
      e.dispatchEvent(new Event('input', { bubbles: true }));
      e.dispatchEvent(new Event('change', { bubbles: true }));
      return e.value === v;
    },
    el,
    value,
  );
  assert.ok(ok, `${sel} accepts the value ${JSON.stringify(value)}`);
}

export async function check(sel) {
  const el = await $(sel);
  await el.waitForExist({ timeoutMsg: `${sel} does not exist` });
  if (!(await el.isSelected())) await el.click();
  assert.ok(await el.isSelected(), `${sel} is checked`);
}

/** `datetime-local` value for `daysAgo` days before now at hh:mm local time. */
export function localDateTime(daysAgo, hh, mm) {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(hh)}:${p(mm)}`;
}

/** The rows of the session list, read in one round trip. */
export function rows() {
  return browser.execute(() =>
    [...document.querySelectorAll('#session-list .session-row')].map((r) => ({
      id: r.getAttribute('data-id'),
      kind: r.getAttribute('data-kind'),
      text: r.textContent ?? '',
      hasScriptElement: r.querySelector('script') !== null,
    })),
  );
}

export async function waitForRows(predicate, what) {
  let last = [];
  await browser.waitUntil(
    async () => {
      last = await rows();
      return predicate(last);
    },
    { timeout: UI_MS, timeoutMsg: `session list: expected ${what}` },
  ).catch((e) => {
    throw new Error(`${e.message}; rows were ${JSON.stringify(last.map(({ kind, text }) => ({ kind, text })))}`);
  });
  return last;
}

export async function openForm(kind) {
  const form = await $('form#session-form');
  if (!(await form.isDisplayed())) await click('#add-entry');
  await form.waitForDisplayed({ timeoutMsg: 'form#session-form did not open' });
  await setValue('#f-kind', kind);
}

export async function gotoPage(name) {
  await click(`[data-nav="${name}"]`);
  await $(`#page-${name}`).waitForDisplayed({ timeoutMsg: `#page-${name} not shown after its nav button` });
}

// ---------------------------------------------------------------------------------------------------
// Steps
// ---------------------------------------------------------------------------------------------------

/** A test that is skipped once an earlier one failed (they share the app), with a screenshot on failure. */
export function step(name, fn) {
  test(name, { timeout: STEP_MS }, async (t) => {
    if (broken) {
      t.skip(`an earlier step failed: ${broken}`);
      return;
    }
    try {
      await fn(t);
    } catch (err) {
      broken = name;
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      await screenshot(`FAILED-${slug}`).catch(() => {});
      if (browser) {
        // The DOM at the time of failure, to read next to the screenshot.
        await withTimeout(browser.execute(() => document.documentElement.outerHTML), 10_000, 'DOM dump')
          .then((html) => fs.writeFileSync(path.join(ARTIFACTS, `FAILED-${slug}.html`), html))
          .catch(() => {});
      }
      throw err;
    }
  });
}

/**
 * Registers the suite's hooks: a fresh data dir for this file (under the one run.sh made), then
 * tauri-driver; afterwards the app and the driver are stopped.
 */
export function setupSuite() {
  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    assert.ok(fs.existsSync(APP), `${APP} exists (build it first)`);
    const parent = process.env.AFTERMILE_DATA_DIR;
    assert.ok(parent, 'AFTERMILE_DATA_DIR is set (use tests/e2e/run.sh)');
    // The app inherits tauri-driver's environment, so this must be set before the driver starts.
    process.env.AFTERMILE_DATA_DIR = fs.mkdtempSync(path.join(parent, 'suite-'));
    await startDriver();
    await startRetryProxy();
  });

  after(async () => {
    await quitApp();
    await stopDriver();
    await stopRetryProxy();
  });
}

/** The data dir this suite's app uses. */
export function dataDir() {
  return process.env.AFTERMILE_DATA_DIR;
}
