// End-to-end test of the body chart in the real app: mark the left calf with the mouse, then the
// right shin with the keyboard alone, and check what a runner would see: the coloured region with
// its number, the benefit links, the clinician list that is always there, and the red-flag
// guidance. Screenshots go to target/e2e-artifacts/.
import assert from 'node:assert/strict';
import { $, browser, click, gotoPage, launchApp, screenshot, setupSuite, step } from './lib/harness.mjs';

setupSuite();

/** The element that has keyboard focus: its region id, or its element id. */
function focused() {
  return browser.execute(() => {
    const a = document.activeElement;
    return { region: a?.getAttribute('data-region') ?? null, id: a?.id ?? '' };
  });
}

/** Presses Tab until `pred(focused)` holds; fails after `max` presses. */
async function tabUntil(pred, what, max = 60) {
  for (let i = 0; i < max; i++) {
    if (pred(await focused())) return;
    await browser.keys(['Tab']);
  }
  assert.fail(`Tab never reached ${what}; focus is on ${JSON.stringify(await focused())}`);
}

/** Centre of a region on screen. */
function centreOf(region) {
  return browser.execute((id) => {
    const r = document.querySelector(`#page-body [data-region="${id}"]`).getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, region);
}

/** Arrow keys only: steps towards `target` on screen until it has focus. */
async function arrowTo(target) {
  const goal = await centreOf(target);
  const trail = [];
  for (let i = 0; i < 40; i++) {
    const f = await focused();
    assert.ok(f.region, `focus left the chart: ${JSON.stringify(f)}`);
    if (f.region === target) return;
    const at = await centreOf(f.region);
    const dy = goal.y - at.y;
    const dx = goal.x - at.x;
    // Whichever way the target is further: across the figures or along the body.
    const key = Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 'ArrowRight' : 'ArrowLeft') : dy > 0 ? 'ArrowDown' : 'ArrowUp';
    trail.push(`${f.region}:${key}`);
    await browser.keys([key]);
  }
  assert.fail(`arrow keys never reached ${target}; trail ${trail.join(" ")}`);
}

function regionState(id) {
  return browser.execute((rid) => {
    const el = document.querySelector(`#page-body [data-region="${rid}"]`);
    return { cls: el.getAttribute('class'), label: el.getAttribute('aria-label'), pressed: el.getAttribute('aria-pressed') };
  }, id);
}

step('the body page shows a chart with every region as a named button', async () => {
  await launchApp();
  await gotoPage('body');
  const regions = await browser.execute(() =>
    [...document.querySelectorAll('#page-body [data-region][role="button"]')].map((e) => [
      e.getAttribute('data-region'),
      e.getAttribute('aria-label'),
    ]),
  );
  assert.equal(regions.length, 33, `33 regions on the chart, got ${regions.length}`);
  assert.deepEqual(
    regions.find(([id]) => id === 'calf_l'),
    ['calf_l', 'Left calf'],
  );
  await screenshot('body-empty');
});

step('click the left calf, record sore 6: the calf is coloured and its benefits are linked', async () => {
  await click('#page-body [data-region="calf_l"]');
  await $('#mark-form').waitForDisplayed({ timeoutMsg: 'the mark form did not open for the left calf' });
  assert.match(await $('#region-title').getText(), /Left calf/);
  await click('#m-sensation-sore');
  await browser.execute(() => {
    const r = document.querySelector('#m-intensity');
    r.value = '6';
    r.dispatchEvent(new Event('input', { bubbles: true }));
    r.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await click('#m-save');
  await browser.waitUntil(async () => !/bnone/.test((await regionState('calf_l')).cls), {
    timeoutMsg: 'the left calf was not coloured after saving sore 6',
  });
  const badge = await browser.execute(() =>
    [...document.querySelectorAll('#page-body .badge')].map((b) => b.textContent.trim()),
  );
  assert.ok(badge.includes('6'), `the number 6 is shown on the chart (badges: ${badge})`);
  const links = await browser.execute(() =>
    [...document.querySelectorAll('#region-benefits [data-benefit-link]')].map((b) => b.getAttribute('data-benefit-link')),
  );
  assert.ok(links.includes('muscle_recovery'), `benefit links shown for the calf: ${links}`);
  assert.ok(!(await $('#red-flags').isExisting()), 'no red flags for plain soreness');
  // The clinician list is in reach whatever the mark, and on a calf the possible clot shows unasked.
  assert.ok(await $('#clinician-guide details summary').isExisting(), 'the clinician list is on the panel');
  const clot = await $('#clinician-guide [data-flag="hot_swollen_calf"][data-urgency="urgent"]');
  assert.match(await clot.getText(), /urgent medical care today/i);
  assert.doesNotMatch(await clot.getText(), /physio/i, 'the possible clot is never sent to a physiotherapist');
  await screenshot('body-calf-sore-6');
});

step('keyboard alone: mark the right shin as pain with swelling, and see the red flags', async () => {
  // Start from the top of the page, as a keyboard user arriving on it would.
  await browser.execute(() => document.activeElement?.blur());
  await tabUntil((f) => f.region !== null, 'a region of the chart');
  await arrowTo('shin_r');
  await browser.keys(['Enter']);
  await browser.waitUntil(async () => (await regionState('shin_r')).pressed === 'true', {
    timeoutMsg: 'Enter did not select the right shin',
  });
  assert.match(await $('#region-title').getText(), /Right shin/);

  await tabUntil((f) => f.id.startsWith('m-sensation-'), 'the sensation choices');
  for (let i = 0; i < 4 && !(await $('#m-sensation-pain').isSelected()); i++) await browser.keys(['ArrowRight']);
  assert.ok(await $('#m-sensation-pain').isSelected(), 'arrow keys chose Pain');
  await tabUntil((f) => f.id === 'm-swelling', 'the swelling box');
  await browser.keys([' ']);
  assert.ok(await $('#m-swelling').isSelected(), 'Space ticked Swelling');
  await tabUntil((f) => f.id === 'm-save', 'the save button');
  await browser.keys(['Enter']);

  await $('#red-flags').waitForDisplayed({ timeoutMsg: 'no red-flag guidance after pain with swelling' });
  const text = await $('#red-flags').getText();
  assert.match(text, /doctor or physiotherapist/i);
  assert.match(text, /stress fracture/i);
  const first = await browser.execute(() => document.querySelector('#red-flags [data-flag]')?.getAttribute('data-flag'));
  assert.equal(first, 'hot_swollen_calf', 'the possible clot is the first red flag');
  assert.match((await regionState('shin_r')).cls, /b\d/, 'the right shin is coloured');
  await screenshot('body-shin-red-flags');
});

step('a benefit opens on the Benefits page with its regions highlighted', async () => {
  await click('#page-body [data-region="calf_l"]');
  await click('#region-benefits [data-benefit-link="muscle_recovery"]');
  await $('#page-benefits').waitForDisplayed({ timeoutMsg: 'the Benefits page did not open' });
  const lit = await browser.execute(() =>
    [...document.querySelectorAll('#page-benefits [data-region].highlighted')].map((e) => e.getAttribute('data-region')),
  );
  assert.ok(lit.includes('calf_l') && lit.includes('quadriceps_r'), `muscle recovery lights its regions: ${lit}`);
  const count = await browser.execute(() => document.querySelectorAll('#page-benefits [data-benefit]').length);
  assert.equal(count, 12, 'the Benefits page lists all twelve');
  await screenshot('benefits');
});
