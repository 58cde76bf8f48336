// The `make bench-app` probe, injected into the main window of the two builds it measures (the app
// built with `--features perf`, and the bare window in benches/bare-window). No other build has it.
//
// Each host defines `window.__PERF__ = { mode, scenario }` before this script runs:
//   mode      "startup"  report when the first screen is usable, then the host exits
//             "idle"     report the same, then stay up (the runner reads memory at 10 s and 60 s)
//             "interact" also time clicks and IPC, report, exit
//   scenario  what "usable" means for that host, and the clicks to time (see app.js, bare.js);
//             `settled`, if given, waits for the rest of the page after the first screen
//
// Times: the first screen's moment is wall-clock milliseconds (timeOrigin + now), so the runner can
// subtract the moment it spawned the process. Click to paint, on a window left still for a moment
// first, is from just before the click is dispatched to the end of the first frame rendered after
// the page shows its result: the check runs in each requestAnimationFrame callback, and that
// frame's style, layout and paint are done by whichever comes first of a message posted from the
// callback that saw the result and the next frame's callback. The message alone was not enough:
// when a next frame is already due (a part drawn a frame later, below the fold), WebKitGTK runs
// that whole frame before the message, and the click was charged with both (a marked region:
// 71 ms, its result painted by 39).
(() => {
  if (window.top !== window || !window.__PERF__) return;
  const { mode, scenario } = window.__PERF__;
  const internals = window.__TAURI_INTERNALS__;
  const invoke = (cmd, args) => internals.invoke(cmd, args);


  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  /** Quicker than any two clicks of a hand, and long enough for the last frame to be shown. */
  const IDLE_BEFORE_CLICK_MS = 250;
  /** Called from a frame's callback: resolves once that frame is painted (see the top). */
  const afterPaint = () =>
    new Promise((r) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => r();
      ch.port2.postMessage(null);
      requestAnimationFrame(() => r());
    });

  /** Resolves at the first frame in which `done()` holds, once that frame is painted. */
  async function painted(done, what, timeoutMs = 20_000) {
    const start = performance.now();
    const frames = [];
    for (;;) {
      await frame();
      frames.push(performance.now() - start);
      if (done()) break;
      if (performance.now() - start > timeoutMs) throw new Error(`${what}: not shown within ${timeoutMs} ms`);
    }
    await afterPaint();
    return frames;
  }

  async function timeClick(step) {
    if (step.before) await step.before();
    // Each click starts from a still window, as a runner's do. Clicked the moment the last result
    // was painted, the next frame came 15-35 ms after the page had already changed, even on a page
    // of 100 elements: WebKit was still finishing the last frame (on this machine, software GL).
    // Clicks 0 ms apart time that backlog, not the click.
    await sleep(IDLE_BEFORE_CLICK_MS);
    const el = step.target();
    if (!el) throw new Error(`${step.name}: nothing to click`);
    const t0 = performance.now();
    step.act(el);
    const frames = await painted(step.done, step.name);
    const ms = performance.now() - t0;
    if (step.after) await step.after();
    // Where the time went: the start of each frame until the one with the result, since the click.
    return { ms, frames: frames.map((f) => Math.round(f)) };
  }

  async function timeIpc(cmd, n) {
    const out = [];
    for (let i = 0; i < n; i += 1) {
      const t0 = performance.now();
      await invoke(cmd);
      out.push(performance.now() - t0);
    }
    return out;
  }

  async function run() {
    const report = { mode };
    try {
      await scenario.usable(painted);
      report.usableAt = performance.timeOrigin + performance.now();
      report.navigationStart = performance.timeOrigin;
      // The parts of the page below the fold, when they come after the first screen.
      if (scenario.settled) await scenario.settled(painted);
      report.settledAt = scenario.settled ? performance.timeOrigin + performance.now() : report.usableAt;
      // The host counts the commands it was sent (hook.rs); asked after the moment is taken.
      const calls = await invoke('perf_calls');
      report.callsBeforeUsable = calls.map(([name]) => name);
      report.callTimes = calls.map(([name, at]) => [name, at - performance.timeOrigin]);
      // Where the page's part of start-up went, in ms since navigation start.
      const nav = performance.getEntriesByType('navigation')[0];
      report.page = nav
        ? {
            responseEnd: nav.responseEnd,
            domInteractive: nav.domInteractive,
            domContentLoaded: nav.domContentLoadedEventEnd,
            load: nav.loadEventEnd,
            usable: report.usableAt - performance.timeOrigin,
            marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
          }
        : null;
      report.check = scenario.check ? scenario.check() : null;
      if (mode === 'interact') {
        report.clicks = {};
        for (const group of scenario.clicks) {
          const times = [];
          const frames = [];
          for (const step of group.steps()) {
            const t = await timeClick(step);
            times.push(t.ms);
            frames.push(t.frames);
          }
          report.clicks[group.name] = times;
          (report.clickFrames ??= {})[group.name] = frames;
        }
        await timeIpc('perf_ping', 20); // warm the path before timing it
        report.ping = await timeIpc('perf_ping', 1000);
        report.blob = await timeIpc('perf_blob', 30);
      }
    } catch (e) {
      report.error = e instanceof Error ? `${e.message} (${e.stack})` : String(e);
    }
    await invoke('perf_report', { report });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void run());
  else void run();
})();
