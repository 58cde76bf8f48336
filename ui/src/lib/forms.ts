//! What every form does with the core's refusals. The core names each refused field; forms show
//! one message beside each input, so this keeps the first message per field. A refusal with no
//! field (a full disk, say) belongs in the form's banner, not beside an input.

import type { FieldError } from './bindings/FieldError';

/** Field id → the first message the core gave for it; field-less errors are left out. */
export function fieldErrors(errors: readonly FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) {
    if (e.field && !(e.field in map)) map[e.field] = e.message;
  }
  return map;
}
