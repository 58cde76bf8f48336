//! The mark form's state and its translation to the core's MarkInput. Validation proper lives in
//! the core; the form only catches what it can say better itself (no sensation picked).

import type { FieldError } from '../../lib/bindings/FieldError';
import type { Mark } from '../../lib/bindings/Mark';
import type { MarkInput } from '../../lib/bindings/MarkInput';
import type { Sensation } from '../../lib/bindings/Sensation';

export interface MarkFormState {
  sensation: Sensation | null;
  intensity: number;
  swelling: boolean;
  bruising: boolean;
  note: string;
  atLocal: string;
  /** '' when the mark belongs to no session, as a select needs a string value. */
  sessionId: string;
}

/** Fields with an element of their own beside them; errors on other fields go in the banner. */
export const FORM_FIELDS = ['sensation', 'intensity', 'swelling', 'bruising', 'note', 'at', 'session'] as const;

export function blankForm(nowLocal: string): MarkFormState {
  return { sensation: null, intensity: 3, swelling: false, bruising: false, note: '', atLocal: nowLocal, sessionId: '' };
}

export function formFromMark(m: Mark): MarkFormState {
  return {
    sensation: m.sensation,
    intensity: m.intensity,
    swelling: m.swelling,
    bruising: m.bruising,
    note: m.note,
    atLocal: m.atLocal,
    sessionId: m.sessionId ?? '',
  };
}

/**
 * The input to send, or the field errors the form can tell without asking the core. `zone` is the
 * mark's own zone when editing, so a mark logged while travelling keeps its wall time.
 */
export function toInput(
  f: MarkFormState,
  regionId: string,
  zone: string,
): { input: MarkInput; errors: [] } | { input: null; errors: FieldError[] } {
  if (!f.sensation) {
    return { input: null, errors: [{ field: 'sensation', code: 'required', message: 'Choose how it feels.' }] };
  }
  return {
    input: {
      regionId,
      sensation: f.sensation,
      intensity: Math.round(f.intensity),
      swelling: f.swelling,
      bruising: f.bruising,
      note: f.note,
      atLocal: f.atLocal,
      zone,
      sessionId: f.sessionId === '' ? null : f.sessionId,
    },
    errors: [],
  };
}

/** Words for an intensity, shown beside the number so the scale means something. */
export function intensityWord(n: number): string {
  if (n <= 0) return 'none';
  if (n <= 2) return 'slight';
  if (n <= 4) return 'mild';
  if (n <= 6) return 'moderate';
  if (n <= 8) return 'strong';
  return 'severe';
}
