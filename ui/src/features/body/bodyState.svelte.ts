//! The Body page's state: the chart's marks for the chosen window, the selected region with its
//! history, and the mark being edited. It lives outside the components so the rule that matters
//! when data changes elsewhere is tested: a refresh re-reads what is shown and leaves the
//! selection and the form alone.

import { toErrorPayload } from '../../lib/api';
import type { Content } from '../../lib/bindings/Content';
import type { Mark } from '../../lib/bindings/Mark';
import type { Region } from '../../lib/bindings/Region';
import type { RegionHistory } from '../../lib/bindings/RegionHistory';
import type { Session } from '../../lib/bindings/Session';
import { DEFAULT_WINDOW, regionStates } from '../../lib/body/heat';
import { needsRedFlags, type Signs } from '../../lib/body/redFlags';

export interface BodySources {
  regions: () => Promise<Region[]>;
  content: () => Promise<Content>;
  /** Both, if they have already arrived (they never change while the app runs): drawn at once. */
  known?: () => { regions: Region[]; content: Content } | null;
  heatMap: (days: number) => Promise<Mark[]>;
  regionHistory: (regionId: string) => Promise<RegionHistory>;
  /** The newest sessions, for the mark form's "belongs to a session" choice. */
  recentSessions: () => Promise<Session[]>;
}

/** How long a selection waits for the region's history before showing the panel without it: less
 * than a click's feel of "at once", more than the few ms the history takes. */
const OPEN_WAIT_MS = 80;

/** Whether two answers for the chart hold the same marks, so an unchanged one redraws nothing. */
function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return a.length === b.length && a.every((m, i) => m.id === b[i].id && m.updatedAt === b[i].updatedAt);
}

// The data fields are `$state.raw`: answers are replaced whole, never changed in place, so there is
// nothing to gain from a deep proxy over the content's thousands of strings.
export class BodyState {
  regions = $state.raw<Region[]>([]);
  content = $state.raw<Content | null>(null);
  loadError = $state<string | null>(null);
  sessions = $state.raw<Session[]>([]);
  days = $state(DEFAULT_WINDOW);
  heat = $state.raw<Mark[]>([]);
  /** The window `heat` was read for: while it differs from `days`, the chart is being recoloured. */
  heatDays = $state<number | null>(null);

  selected = $state<string | null>(null);
  history = $state.raw<RegionHistory | null>(null);
  editing = $state.raw<Mark | null>(null);
  /** Changes whenever the mark form must start afresh: another region, a saved or dropped edit. */
  formKey = $state(0);
  /** What the form says so far, for the red-flag guidance while it is filled in. */
  formSigns = $state<Signs | null>(null);

  readonly states = $derived(regionStates(this.heat));
  /** The selected region's newest mark, once its history has arrived. */
  readonly latest = $derived(
    this.history && this.history.regionId === this.selected ? (this.history.marks.at(-1) ?? null) : null,
  );
  readonly flaggedSaved = $derived(needsRedFlags(this.latest));
  /** Marked regions in the window, worst first, for the overview before anything is selected. */
  readonly marked = $derived([...this.states.values()].sort((a, b) => b.intensity - a.intensity));

  readonly #sources: BodySources;
  #heatRequest = 0;
  /** Counts `open` calls, so only the latest one selects. */
  #openRequest = 0;

  constructor(sources: BodySources) {
    this.#sources = sources;
    const known = sources.known?.();
    if (known) {
      this.regions = known.regions;
      this.content = known.content;
    }
  }

  label(id: string): string {
    return this.regions.find((r) => r.id === id)?.label ?? id;
  }

  async start(): Promise<void> {
    this.loadError = null;
    try {
      // The colours are asked for alongside the rest, not after it: one round trip, not two.
      await Promise.all([this.content ? undefined : this.loadStatic(), this.loadHeat()]);
    } catch (e) {
      this.loadError = toErrorPayload(e).message;
    }
    // The page works without them: they only feed an optional choice.
    void this.loadSessions();
  }

  async loadStatic(): Promise<void> {
    const [regions, content] = await Promise.all([this.#sources.regions(), this.#sources.content()]);
    this.regions = regions;
    this.content = content;
  }

  async loadHeat(): Promise<void> {
    const request = ++this.#heatRequest;
    const days = this.days;
    const heat = await this.#sources.heatMap(days);
    // An answer for a window the runner has since changed must not paint over the newer one.
    if (request === this.#heatRequest) {
      if (this.heatDays !== days || !sameMarks(this.heat, heat)) this.heat = heat;
      this.heatDays = days;
    }
  }

  async loadRegion(id: string): Promise<void> {
    const h = await this.#sources.regionHistory(id);
    // A slower answer for a region no longer selected must not replace the current one.
    if (this.selected === id) this.history = h;
  }

  async loadSessions(): Promise<void> {
    this.sessions = await this.#sources.recentSessions().catch(() => []);
  }

  /** Re-reads the chart and the selected region's history, keeping the selection and the form. */
  async refresh(): Promise<void> {
    await Promise.all([this.loadHeat(), this.selected ? this.loadRegion(this.selected) : undefined]);
  }

  /**
   * After a write elsewhere: what is shown, read again. A failure shows as the load error, with
   * its "Try again", rather than as a toast that could push aside one in use (an Undo).
   */
  async reread(): Promise<void> {
    if (!this.content) return this.start();
    try {
      await Promise.all([this.refresh(), this.loadSessions()]);
      this.loadError = null;
    } catch (e) {
      this.loadError = toErrorPayload(e).message;
    }
  }

  /**
   * Selects a region and loads its history, showing both in one frame: the history is waited for
   * up to `waitMs` (it answers in a few ms), and only past that does the panel show first, saying
   * it is loading. Shown in two frames, the panel was laid out and painted twice, and a marked
   * region's click took up to twice as long to settle (make bench-app). Resolves false when the
   * region already was selected or a later `open` or `close` came first; rejects, with the region
   * selected, when the history could not be read.
   */
  async open(id: string, waitMs = OPEN_WAIT_MS): Promise<boolean> {
    if (this.selected === id) return false;
    const request = ++this.#openRequest;
    const answer = this.#sources.regionHistory(id);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      answer.catch(() => undefined),
      new Promise<void>((r) => (timer = setTimeout(r, waitMs))),
    ]);
    clearTimeout(timer);
    if (request !== this.#openRequest || !this.select(id)) return false;
    const h = await answer;
    if (this.selected === id) this.history = h;
    return true;
  }

  /** Selects a region with a fresh form; false when it already was selected. */
  select(id: string): boolean {
    if (this.selected === id) return false;
    this.selected = id;
    this.history = null;
    this.editing = null;
    this.formSigns = null;
    this.formKey += 1;
    return true;
  }

  /** Deselects, and returns the region that was selected, for focus to go back to. */
  close(): string | null {
    this.#openRequest += 1; // a region still being opened stays closed
    const id = this.selected;
    this.selected = null;
    this.history = null;
    this.editing = null;
    this.formSigns = null;
    return id;
  }

  edit(mark: Mark): void {
    this.editing = mark;
    this.formKey += 1;
  }

  /** A fresh, empty form for the selected region. */
  resetForm(): void {
    this.editing = null;
    this.formSigns = null;
    this.formKey += 1;
  }

  /** A deleted mark can no longer be edited. */
  forget(mark: Mark): void {
    if (this.editing?.id === mark.id) this.resetForm();
  }
}
