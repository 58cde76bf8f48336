import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Briefing } from '../../lib/bindings/Briefing';
import type { BriefingRequest } from '../../lib/bindings/BriefingRequest';
import { BriefingPreview, SETTLE_MS } from './preview.svelte';

const request = (note: string): BriefingRequest => ({
  appointment: '2026-12-01',
  zone: 'UTC',
  goals: [],
  pressure: null,
  shareContact: false,
  shareHealth: { injuries: false, medication: false, allergies: false },
  shareMarkNotes: false,
  shareMassageFeedback: false,
  flags: [],
  note,
});

/** Only the fields these tests look at; the core fills in the rest. */
const sheetFor = (req: BriefingRequest) => ({ appointment: req.appointment, name: req.note }) as unknown as Briefing;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('BriefingPreview', () => {
  it('composes once the form has settled, with what it says then', async () => {
    const composed: string[] = [];
    const preview = new BriefingPreview(
      async (r) => (composed.push(r.note), sheetFor(r)),
      (r) => `briefing://localhost/${r.note}`,
    );
    preview.schedule(request('a'));
    vi.advanceTimersByTime(SETTLE_MS - 1);
    preview.schedule(request('ab'));
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(composed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(composed).toEqual(['ab']);
    expect(preview.url).toBe('briefing://localhost/ab');
    expect(preview.busy).toBe(false);
  });

  it('does nothing for a request like the last one', async () => {
    const compose = vi.fn(async (r: BriefingRequest) => sheetFor(r));
    const preview = new BriefingPreview(compose, () => 'u');
    preview.schedule(request('a'));
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    preview.schedule(request('a'));
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(compose).toHaveBeenCalledOnce();
  });

  it('keeps the newer sheet when an older answer comes last', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const preview = new BriefingPreview(
      async (r) => {
        if (r.note === 'old') await gate;
        return sheetFor(r);
      },
      (r) => r.note,
    );
    const old = preview.compose(request('old'));
    await preview.compose(request('new'));
    release();
    await old;
    expect(preview.url).toBe('new');
  });

  it('composes the same request again after the data changed, and reloads the frame', async () => {
    const compose = vi.fn(async (r: BriefingRequest) => sheetFor(r));
    const preview = new BriefingPreview(compose, (r) => r.note);
    await preview.compose(request('a'));
    expect(preview.revision).toBe(0);
    await preview.recompose(request('a'));
    expect(compose).toHaveBeenCalledTimes(2);
    expect(preview.url).toBe('a');
    expect(preview.revision).toBe(1);
  });

  it('puts field errors beside their fields, and any other refusal on the form', async () => {
    let refusal: unknown = {
      code: 'invalid_input',
      message: 'Some fields need attention.',
      fields: [{ field: 'note', code: 'too_long', message: 'Too long.' }],
    };
    const preview = new BriefingPreview(async () => Promise.reject(refusal), () => 'u');
    await preview.compose(request('x'));
    expect(preview.errors).toEqual({ note: 'Too long.' });
    refusal = { code: 'internal', message: 'The sheet could not be made.', fields: [] };
    await preview.compose(request('y'));
    expect(preview.errors).toEqual({ form: 'The sheet could not be made.' });
  });
});
