//! The Briefing page's live preview. The sheet is composed a moment after the form last changed,
//! so typing a note does not recompose it per key, and the answer to an older request never
//! replaces a newer one.

import { toErrorPayload } from '../../lib/api';
import type { Briefing } from '../../lib/bindings/Briefing';
import type { BriefingRequest } from '../../lib/bindings/BriefingRequest';
import { fieldErrors } from '../../lib/forms';
import { requestKey } from './form';

export const SETTLE_MS = 250;

export class BriefingPreview {
  sheet = $state<Briefing | null>(null);
  /** Where the `briefing:` scheme serves the sheet; null until the form first composes. */
  url = $state<string | null>(null);
  /** Field id → message, or `form` for a refusal that names no field. */
  errors = $state<Record<string, string>>({});
  busy = $state(false);
  /** Changes when the data behind the sheet did: the frame loads the same address again. */
  revision = $state(0);

  readonly #compose: (req: BriefingRequest) => Promise<Briefing>;
  readonly #urlOf: (req: BriefingRequest) => string;
  #latest = 0;
  #lastKey = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(compose: (req: BriefingRequest) => Promise<Briefing>, urlOf: (req: BriefingRequest) => string) {
    this.#compose = compose;
    this.#urlOf = urlOf;
  }

  /** Composes `req` once the form has settled; a request like the last one changes nothing. */
  schedule(req: BriefingRequest): void {
    const key = requestKey(req);
    if (key === this.#lastKey) return;
    this.#lastKey = key;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.compose(req), SETTLE_MS);
  }

  async compose(req: BriefingRequest): Promise<void> {
    const mine = ++this.#latest;
    this.busy = true;
    try {
      const sheet = await this.#compose(req);
      if (mine !== this.#latest) return;
      this.sheet = sheet;
      this.errors = {};
      this.url = this.#urlOf(req);
    } catch (e) {
      if (mine !== this.#latest) return;
      const p = toErrorPayload(e);
      this.errors = p.fields.length > 0 ? fieldErrors(p.fields) : { form: p.message };
    } finally {
      if (mine === this.#latest) this.busy = false;
    }
  }

  /** The data behind the sheet changed, so the same request makes a new sheet. */
  async recompose(req: BriefingRequest): Promise<void> {
    await this.compose(req);
    this.revision += 1;
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}
