/**
 * aria attributes for an input whose error, if any, is `#err-<field>` and whose hint, if it has
 * one, is `#hint-<field>`.
 */
export function fieldAria(field: string, error: string | undefined, hasHint = false) {
  const ids = [hasHint ? `hint-${field}` : '', error ? `err-${field}` : ''].filter(Boolean);
  return {
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
    'data-field': field,
  };
}
