// What `make bench-app` times in Aftermile (see probe.js). Usable: Today's first screen (what the
// window shows without scrolling) has the runner's data. Settled: the two charts below the fold,
// which Today draws in the frame after its first one, are there too.
// Clicks: switching pages, opening an entry, selecting a body region, changing the heat map's window.
(() => {
  if (window.top !== window || !window.__PERF__) return;
  const $ = (sel) => document.querySelector(sel);
  const $$ = (sel) => [...document.querySelectorAll(sel)];
  const click = (el) => el.click();
  const ROUNDS = 6;

  /**
   * A page is shown when it is there, not hidden (a page visited before stays in the document,
   * hidden, while another one is shown) and nothing in it is still loading.
   */
  const shown = (id) => () => {
    const page = $(`#page-${id}`);
    return !!page && !page.closest('[hidden]') && page.getAttribute('aria-busy') !== 'true' &&
      !page.querySelector('[aria-busy="true"]') && !page.textContent.includes('Loading…');
  };
  const pageReady = {
    today: shown('today'),
    log: () => shown('log')() && $$('#session-list .session-row').length > 0,
    body: () => shown('body')() && $$('#page-body path.region').length > 0,
    plan: shown('plan'),
  };
  const nav = (id) => ({
    name: `page ${id}`,
    target: () => $(`[data-nav="${id}"]`),
    act: click,
    done: pageReady[id],
  });
  /** Goes to a page without timing it, for the set-up of a click that is timed. */
  async function goto(id, painted) {
    if (pageReady[id]()) return;
    click($(`[data-nav="${id}"]`));
    await painted(pageReady[id], `page ${id}`);
  }

  let painted;
  /** The first frame with the app's shell (the opening has answered), in ms since navigation. */
  let shellAt = null;
  window.__PERF__.scenario = {
    async usable(p) {
      painted = p;
      await painted(() => {
        if (shellAt === null && $('.shell')) shellAt = performance.now();
        return pageReady.today();
      }, 'Today');
    },
    settled: (p) => p(() => !!$('#page-today .weekly-bars svg') && !!$('#page-today .load-lines svg'), 'Today\'s charts'),
    // Proof that the first screen held ten years of data, not the empty state.
    check: () => ({ empty: !!$('#today-empty'), text: $('#page-today').textContent.length, shellAt }),
    clicks: [
      {
        name: 'switch page',
        steps: () => {
          const order = ['log', 'body', 'plan', 'today'];
          return Array.from({ length: ROUNDS * order.length }, (_, i) => nav(order[i % order.length]));
        },
      },
      {
        name: 'open an entry',
        steps: () =>
          Array.from({ length: ROUNDS * 2 }, (_, i) => ({
            name: 'open an entry',
            before: () => goto('log', painted),
            target: () => $$('#session-list .session-row .edit-session')[i % 10],
            act: click,
            done: () => !!$('form#session-form'),
            after: async () => {
              click($('#cancel-session'));
              await painted(() => !$('form#session-form'), 'entry closed');
            },
          })),
      },
      {
        name: 'select a body region',
        steps: () =>
          Array.from({ length: ROUNDS * 2 }, (_, i) => {
            let label = '';
            return {
              name: 'select a body region',
              before: () => goto('body', painted),
              target: () => {
                const regions = $$('#page-body path.region[role="button"]:not(.selected)');
                const el = regions[(i * 7) % regions.length];
                label = el ? el.getAttribute('aria-label') : '';
                return el;
              },
              act: (el) => el.dispatchEvent(new MouseEvent('click', { bubbles: true })),
              done: () => $('#region-title')?.textContent === label && shown('body')(),
            };
          }),
      },
      {
        name: 'change the heat-map window',
        steps: () =>
          Array.from({ length: ROUNDS * 2 }, (_, i) => {
            // The chart says which window its colours are for once they are drawn.
            const days = i % 2 === 0 ? '30' : '3';
            return {
              name: 'change the heat-map window',
              before: () => goto('body', painted),
              target: () => $('#m-window'),
              act: (el) => {
                el.value = days;
                el.dispatchEvent(new Event('change', { bubbles: true }));
              },
              done: () => !!$(`#page-body [data-heat-days="${days}"]`),
            };
          }),
      },
    ],
  };
})();
