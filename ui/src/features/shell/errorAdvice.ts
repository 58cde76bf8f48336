//! What the runner can do about an error that stops the app, by its code. The core's message says
//! what happened; this says what next.

import type { ErrorCode } from '../../lib/bindings/ErrorCode';

export function errorAdvice(code: ErrorCode): string {
  switch (code) {
    case 'schema_too_new':
      return 'Your data was saved by a newer version of Aftermile. Install that version (or a later one) to open it. Nothing has been changed.';
    case 'not_a_database':
      return 'The data file is not an Aftermile database. It has been left as it is. You can restore a backup or start fresh.';
    case 'in_use':
      return 'Another Aftermile (or a program syncing the folder) is using your data. Close it, then try again. Nothing has been changed.';
    case 'busy':
      return 'Another program is writing to your data right now. Wait a moment, then try again. Nothing has been changed.';
    case 'closed':
      return 'Your data is safe on disk, but Aftermile could not open it again. Try again; if it keeps failing, quit and start Aftermile again.';
    default:
      return 'Aftermile could not open your data. Nothing has been changed. Try again, or restart the app.';
  }
}
