// What `make bench-app` times in the bare window (see probe.js). Usable: the page has loaded, two
// frames have been drawn and one IPC call has come back, the least any Tauri app's first screen
// does. Clicks: a button whose label changes, the smallest DOM update there is.
(() => {
  if (window.top !== window || !window.__PERF__) return;
  window.__PERF__.scenario = {
    async usable(painted) {
      let frames = 0;
      await painted(() => (frames += 1) >= 2, 'two frames');
      await window.__TAURI_INTERNALS__.invoke('perf_ping');
    },
    check: () => null,
    clicks: [
      {
        name: 'switch page',
        steps: () =>
          Array.from({ length: 24 }, (_, i) => ({
            name: 'switch page',
            target: () => document.getElementById('toggle'),
            act: (el) => el.click(),
            done: () => document.getElementById('toggle').textContent === `Clicked ${i + 1}`,
          })),
      },
    ],
  };
})();
