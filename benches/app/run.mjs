// `make bench-app`'s runner: launches the bare window and Aftermile (release builds, Aftermile on ten
// years of data) one after the other, many times, and prints both columns and their ratios as a
// Markdown table. Each launch is a plain process start with AFTERMILE_PERF set; the probe inside
// the window (probe.js) reports its marks over IPC and the host prints them (hook.rs). No WebDriver.
// A measurement, not a test: nothing here fails on a time. It fails only when a launch did not
// come up or the probe reported an error.
//
// Env: BENCH_BARE, BENCH_APP   the two binaries          BENCH_DATA_DIR  Aftermile's data folder
//      BENCH_OUT               where results go          BENCH_APP_RUNS  start-up launches each (20)
//      BENCH_APP_IDLE_RUNS     60 s idle launches each (3)   BENCH_APP_INTERACT_RUNS  (2)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const env = (name, fallback) => process.env[name] ?? fallback;
const BARE = env('BENCH_BARE');
const APP = env('BENCH_APP');
const OUT = env('BENCH_OUT', 'target/bench-app');
const RUNS = Number(env('BENCH_APP_RUNS', 20));
const IDLE_RUNS = Number(env('BENCH_APP_IDLE_RUNS', 3));
const INTERACT_RUNS = Number(env('BENCH_APP_INTERACT_RUNS', 2));

const hosts = {
  bare: { name: 'bare window', bin: BARE, env: {} },
  app: { name: 'Aftermile', bin: APP, env: { AFTERMILE_DATA_DIR: env('BENCH_DATA_DIR') } },
};
/** The pause between one launch's end and the next one's start. */
const SETTLE_MS = 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const wallNow = () => performance.timeOrigin + performance.now();
const log = fs.openSync(path.join(OUT, 'launches.log'), 'w');

// ---------------------------------------------------------------------------------------------
// Processes and memory
// ---------------------------------------------------------------------------------------------

/** The pid and every descendant of it (the WebKit web and network processes are children). */
function tree(root) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  const out = [];
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop();
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Pss and Rss in MB, summed over the process tree (smaps_rollup, in kB). */
function memory(root) {
  let pss = 0;
  let rss = 0;
  const names = [];
  for (const pid of tree(root)) {
    try {
      const text = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      pss += Number(/^Pss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
      rss += Number(/^Rss:\s+(\d+)/m.exec(text)?.[1] ?? 0);
      names.push(fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim());
    } catch {
      /* gone meanwhile */
    }
  }
  return { pss: pss / 1024, rss: rss / 1024, processes: names };
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/**
 * One launch: spawn, wait for the probe's report, for an idle launch read memory at 10 s and 60 s,
 * then make sure the whole process group is gone before the next launch starts.
 */
async function launch(key, mode, n) {
  const host = hosts[key];
  const spawnedAt = wallNow();
  const child = spawn(host.bin, [], {
    env: { ...process.env, ...host.env, AFTERMILE_PERF: mode },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so the WebKit children go with it
  });
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const report = await new Promise((resolve) => {
    let buf = '';
    const limit = setTimeout(() => resolve({ error: `no report within 90 s (${mode})` }), 90_000);
    child.stdout.on('data', (d) => {
      buf += d;
      // Only whole lines: a long report arrives in several chunks.
      const line = buf.split('\n').slice(0, -1).find((l) => l.startsWith('AFTERMILE_PERF '));
      if (line) {
        clearTimeout(limit);
        resolve(JSON.parse(line.slice('AFTERMILE_PERF '.length)));
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(limit);
      resolve({ error: `exited (${code ?? signal}) before reporting` });
    });
  });
  const result = {
    host: key,
    mode,
    n,
    report,
    launchMs: report.usableAt ? report.usableAt - spawnedAt : null,
    settledMs: report.settledAt ? report.settledAt - spawnedAt : null,
  };
  if (mode === 'idle' && !report.error) {
    await sleep(Math.max(0, spawnedAt + 10_000 - wallNow()));
    result.mem10 = memory(child.pid);
    await sleep(Math.max(0, spawnedAt + 60_000 - wallNow()));
    result.mem60 = memory(child.pid);
    killGroup(child, 'SIGTERM');
  } else if (report.error) {
    killGroup(child, 'SIGTERM');
  }
  const end = await Promise.race([exited, sleep(15_000).then(() => null)]);
  if (!end) killGroup(child, 'SIGKILL');
  // The next launch must not meet this one's processes (the single-instance hand-off would send it
  // to them): wait until the group is empty.
  for (let i = 0; i < 100 && groupAlive(child.pid); i += 1) await sleep(100);
  killGroup(child, 'SIGKILL');
  // Nor its aftermath: on two cores, a launch begun while the system still tidies up after the last
  // one (the X server, the bus, the writes the app made) would time that too.
  await sleep(SETTLE_MS);
  fs.writeSync(log, `${JSON.stringify({ ...result, stderr: stderr.slice(-2000) })}\n`);
  if (report.error) throw new Error(`${host.name} ${mode} launch ${n}: ${report.error}\n${stderr.slice(-2000)}`);
  return result;
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics and the table
// ---------------------------------------------------------------------------------------------

function pct(values, p) {
  const v = [...(values ?? [])].sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
}
const median = (v) => pct(v, 50);
const f = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && a > 0 ? `${(b / a).toFixed(2)}×` : '—');

async function main() {
  const results = { bare: {}, app: {} };
  const push = (r, field, value) => ((results[r.host][field] ??= []).push(value));
  const alternate = async (mode, runs, each) => {
    for (let i = 0; i < runs; i += 1) {
      for (const key of i % 2 === 0 ? ['bare', 'app'] : ['app', 'bare']) {
        const r = await launch(key, mode, i);
        each(r);
        process.stdout.write('.');
      }
    }
  };

  process.stdout.write(`bench-app: warm-up`);
  await alternate('startup', 1, () => {});
  process.stdout.write(`\nbench-app: ${RUNS} start-ups each `);
  await alternate('startup', RUNS, (r) => {
    push(r, 'launch', r.launchMs);
    push(r, 'settled', r.settledMs);
    push(r, 'calls', r.report.callsBeforeUsable.length);
    if (r.host === 'app') results.app.check = r.report.check;
    if (r.host === 'app') results.app.callNames = r.report.callsBeforeUsable;
  });
  process.stdout.write(`\nbench-app: ${INTERACT_RUNS} interaction runs each `);
  await alternate('interact', INTERACT_RUNS, (r) => {
    for (const [name, times] of Object.entries(r.report.clicks)) {
      results[r.host].clicks ??= {};
      (results[r.host].clicks[name] ??= []).push(...times);
    }
    for (const t of r.report.ping) push(r, 'ping', t);
    for (const t of r.report.blob) push(r, 'blob', t);
  });
  process.stdout.write(`\nbench-app: ${IDLE_RUNS} idle runs of 60 s each `);
  await alternate('idle', IDLE_RUNS, (r) => {
    push(r, 'pss10', r.mem10.pss);
    push(r, 'rss10', r.mem10.rss);
    push(r, 'pss60', r.mem60.pss);
    push(r, 'rss60', r.mem60.rss);
    results[r.host].processes = r.mem60.processes;
  });
  process.stdout.write('\n\n');

  const size = (bin) => fs.statSync(bin).size / 1e6;
  const b = results.bare;
  const a = results.app;
  const rows = [];
  const row = (what, bv, av, goal = '', digits = 0) => rows.push(`| ${what} | ${f(bv, digits)} | ${f(av, digits)} | ${ratio(bv, av)} | ${goal} |`);
  row(`launch → first screen usable, median of ${RUNS} (ms)`, median(b.launch), median(a.launch), '≤ 1.1×');
  row('launch → first screen usable, p95 (ms)', pct(b.launch, 95), pct(a.launch, 95));
  row('launch → whole page drawn, median (Aftermile: with the charts below the fold) (ms)', median(b.settled), median(a.settled));
  row('IPC calls before the first screen', median(b.calls), median(a.calls), '1 (app)');
  row(`idle 10 s, Pss of the process tree, median of ${IDLE_RUNS} (MB)`, median(b.pss10), median(a.pss10), '≤ 1.15×');
  row('idle 10 s, Rss of the process tree (MB)', median(b.rss10), median(a.rss10));
  row('idle 60 s, Pss of the process tree (MB)', median(b.pss60), median(a.pss60), '≤ 1.15×');
  row('idle 60 s, Rss of the process tree (MB)', median(b.rss60), median(a.rss60));
  const bareClick = b.clicks?.['switch page'] ?? [];
  for (const [name, times] of Object.entries(a.clicks ?? {})) {
    const base = name === 'switch page' ? pct(bareClick, 95) : NaN;
    row(`click → painted p95: ${name}${name === 'switch page' ? ' (bare: a label changes)' : ''} (ms, n=${times.length})`, base, pct(times, 95), '≤ 50 ms', 1);
  }
  row(`small IPC round trip p50 (ms, n=${a.ping?.length ?? 0})`, median(b.ping), median(a.ping), '', 2);
  row('small IPC round trip p95 (ms)', pct(b.ping, 95), pct(a.ping, 95), '≤ 2 ms', 2);
  row('1 MB response p50 (ms)', median(b.blob), median(a.blob), '', 1);
  row('1 MB response p95 (ms)', pct(b.blob, 95), pct(a.blob, 95), '', 1);
  row('binary, this build (MB)', size(BARE), size(APP), '', 1);

  const table = [
    '| measured in one run, release builds, Xvfb | bare Tauri 2 window | Aftermile (10 years of data) | ratio | goal |',
    '|---|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
  const notes = [
    `Aftermile's first screen: Today, ${a.check?.empty ? 'EMPTY (the data folder held nothing!)' : `${a.check?.text} characters of it`}; calls before it: ${(a.callNames ?? []).join(', ')}.`,
    `Processes measured: bare ${(b.processes ?? []).join(', ')}; Aftermile ${(a.processes ?? []).join(', ')}.`,
  ].join('\n');
  console.log(`${table}\n\n${notes}`);
  fs.writeFileSync(path.join(OUT, 'results.md'), `${table}\n\n${notes}\n`);
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 1));
}

main().catch((e) => {
  console.error(`\nbench-app: ${e.message}`);
  process.exit(1);
});
