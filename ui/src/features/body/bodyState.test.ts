import { describe, expect, it } from 'vitest';
import type { Mark } from '../../lib/bindings/Mark';
import type { RegionHistory } from '../../lib/bindings/RegionHistory';
import { emptyContent } from '../../lib/body/contentFixtures';
import { mark } from '../../lib/body/fixtures';
import { BodyState, type BodySources } from './bodyState.svelte';

const content = emptyContent();

/** Sources over a list of marks; `pending` holds region-history answers back until released. */
function sources(marks: Mark[], over: Partial<BodySources> = {}) {
  const asked: string[] = [];
  const src: BodySources = {
    regions: async () => [{ id: 'calf_l', label: 'Left calf', view: 'back', side: 'left' }],
    content: async () => content,
    heatMap: async (days) => (asked.push(`heat:${days}`), marks),
    regionHistory: async (id): Promise<RegionHistory> => (
      asked.push(`history:${id}`), { regionId: id, marks: marks.filter((m) => m.regionId === id), massages: [] }
    ),
    recentSessions: async () => [],
    ...over,
  };
  return { src, asked };
}

describe('BodyState', () => {
  it('starts with the regions, the content and the chart', async () => {
    const s = new BodyState(sources([mark({ regionId: 'calf_l', intensity: 6 })]).src);
    await s.start();
    expect(s.label('calf_l')).toBe('Left calf');
    expect(s.label('shin_r')).toBe('shin_r');
    expect(s.content).toBe(content);
    expect(s.states.get('calf_l')?.intensity).toBe(6);
    expect(s.loadError).toBeNull();
  });

  it('says what failed when the chart cannot load, and works without sessions', async () => {
    const s = new BodyState(
      sources([], {
        content: async () => Promise.reject({ code: 'internal', message: 'No content.', fields: [] }),
        recentSessions: async () => Promise.reject(new Error('busy')),
      }).src,
    );
    await s.start();
    expect(s.loadError).toBe('No content.');
    expect(s.sessions).toEqual([]);
  });

  it('lists marked regions worst first', async () => {
    const s = new BodyState(
      sources([mark({ regionId: 'calf_l', intensity: 2 }), mark({ regionId: 'shin_r', intensity: 8 })]).src,
    );
    await s.start();
    expect(s.marked.map((m) => m.regionId)).toEqual(['shin_r', 'calf_l']);
  });

  it('selecting a region starts a fresh form; selecting it again changes nothing', async () => {
    const s = new BodyState(sources([]).src);
    const m = mark({ regionId: 'calf_l' });
    expect(s.select('calf_l')).toBe(true);
    s.edit(m);
    const key = s.formKey;
    expect(s.select('calf_l')).toBe(false);
    expect(s.editing).toBe(m);
    expect(s.formKey).toBe(key);
    expect(s.select('shin_r')).toBe(true);
    expect(s.editing).toBeNull();
    expect(s.formKey).toBe(key + 1);
  });

  it('drops a history that arrives after another region was selected', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = new BodyState(
      sources([], {
        regionHistory: async (id) => {
          if (id === 'calf_l') await gate;
          return { regionId: id, marks: [], massages: [] };
        },
      }).src,
    );
    s.select('calf_l');
    const slow = s.loadRegion('calf_l');
    s.select('shin_r');
    await s.loadRegion('shin_r');
    release();
    await slow;
    expect(s.history?.regionId).toBe('shin_r');
  });

  it('opening a region selects it together with its history', async () => {
    const s = new BodyState(sources([mark({ regionId: 'calf_l', intensity: 5 })]).src);
    const opening = s.open('calf_l');
    expect(s.selected, 'nothing changes before the history is in').toBeNull();
    expect(await opening).toBe(true);
    expect(s.selected).toBe('calf_l');
    expect(s.latest?.intensity).toBe(5);
    expect(await s.open('calf_l'), 'opening it again changes nothing').toBe(false);
  });

  it('shows the panel without a slow history, and the history once it comes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = new BodyState(
      sources([], {
        regionHistory: async (id) => {
          await gate;
          return { regionId: id, marks: [], massages: [] };
        },
      }).src,
    );
    const opening = s.open('calf_l', 5);
    await new Promise((r) => setTimeout(r, 20));
    expect(s.selected).toBe('calf_l');
    expect(s.history).toBeNull();
    release();
    expect(await opening).toBe(true);
    expect(s.history?.regionId).toBe('calf_l');
  });

  it('only the latest open selects, and a close in between wins', async () => {
    const s = new BodyState(sources([]).src);
    const first = s.open('calf_l');
    const second = s.open('shin_r');
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(s.selected).toBe('shin_r');
    const third = s.open('calf_l');
    expect(s.close()).toBe('shin_r');
    expect(await third).toBe(false);
    expect(s.selected).toBeNull();
  });

  it('an unreadable history still selects the region, and says so', async () => {
    const s = new BodyState(
      sources([], { regionHistory: async () => Promise.reject({ code: 'busy', message: 'Busy.', fields: [] }) }).src,
    );
    await expect(s.open('calf_l')).rejects.toMatchObject({ message: 'Busy.' });
    expect(s.selected).toBe('calf_l');
    expect(s.history).toBeNull();
  });

  it('refresh re-reads the chart and the selected history, and keeps the selection and the form', async () => {
    const marks = [mark({ regionId: 'calf_l', intensity: 3 })];
    const { src, asked } = sources(marks);
    const s = new BodyState(src);
    await s.start();
    s.select('calf_l');
    await s.loadRegion('calf_l');
    s.edit(marks[0]);
    s.formSigns = { sensation: 'pain', swelling: false, bruising: false };
    const key = s.formKey;
    marks.push(mark({ regionId: 'calf_l', intensity: 7, atUtc: '2024-05-04T07:00:00Z' }));
    asked.length = 0;
    await s.refresh();
    expect(asked.sort()).toEqual(['heat:7', 'history:calf_l']);
    expect(s.latest?.intensity).toBe(7);
    expect(s.selected).toBe('calf_l');
    expect(s.editing).toBe(marks[0]);
    expect(s.formKey).toBe(key);
    expect(s.formSigns?.sensation).toBe('pain');
  });

  it('rereads the chart, the history and the sessions after a write elsewhere, or starts over if it never loaded', async () => {
    let sessions = 0;
    const { src, asked } = sources([mark({ regionId: 'calf_l' })], { recentSessions: async () => (sessions++, []) });
    const s = new BodyState(src);
    await s.reread();
    expect(s.content).toBe(content);
    s.select('calf_l');
    asked.length = 0;
    await s.reread();
    expect(asked.sort()).toEqual(['heat:7', 'history:calf_l']);
    expect(sessions).toBe(2);
    expect(s.selected).toBe('calf_l');
  });

  it('shows a failed reread as the load error, and clears it once one succeeds', async () => {
    let fail = true;
    const s = new BodyState(
      sources([], {
        heatMap: async () => {
          if (fail) throw { code: 'busy', message: 'The database is busy.', fields: [] };
          return [];
        },
      }).src,
    );
    s.content = content;
    await s.reread();
    expect(s.loadError).toBe('The database is busy.');
    fail = false;
    await s.reread();
    expect(s.loadError).toBeNull();
  });

  it('keeps the newer window when an older answer comes last', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = new BodyState(
      sources([], {
        heatMap: async (days) => {
          if (days === 7) await gate;
          return [mark({ regionId: days === 7 ? 'calf_l' : 'shin_r' })];
        },
      }).src,
    );
    const old = s.loadHeat();
    expect(s.heatDays).toBeNull();
    s.days = 30;
    await s.loadHeat();
    expect(s.heatDays).toBe(30);
    release();
    await old;
    expect([...s.states.keys()]).toEqual(['shin_r']);
    expect(s.heatDays, 'the chart is marked as drawn for the window chosen').toBe(30);
  });

  it('a deleted mark that was being edited leaves an empty form', () => {
    const s = new BodyState(sources([]).src);
    const m = mark({ regionId: 'calf_l' });
    s.select('calf_l');
    s.edit(m);
    s.forget(mark({ regionId: 'calf_l', id: 'other' }));
    expect(s.editing).toBe(m);
    s.forget(m);
    expect(s.editing).toBeNull();
  });

  it('starts from the regions and content already held, asks only for the colours, and keeps an unchanged answer', async () => {
    const marks = [mark({ regionId: 'calf_l', intensity: 4 })];
    const { src, asked } = sources(marks, {
      regions: async () => (asked.push('regions'), []),
      content: async () => (asked.push('content'), content),
      known: () => ({ regions: [{ id: 'calf_l', label: 'Left calf', view: 'back', side: 'left' }], content }),
      // A new answer each time, as over IPC.
      heatMap: async (days) => (asked.push(`heat:${days}`), marks.map((m) => ({ ...m }))),
    });
    const s = new BodyState(src);
    expect(s.label('calf_l'), 'drawn before any answer').toBe('Left calf');
    await s.start();
    expect(asked).toEqual(['heat:7']);
    expect(s.states.get('calf_l')?.intensity).toBe(4);

    const shown = s.heat;
    await s.loadHeat();
    expect(s.heat, 'the same marks are not drawn again').toBe(shown);

    marks[0] = mark({ regionId: 'calf_l', intensity: 9, updatedAt: '2024-05-05T08:00:00Z' });
    await s.loadHeat();
    expect(s.states.get('calf_l')?.intensity).toBe(9);
  });
});
