//! Words and numbers for the Today page, kept out of the components so they are tested as plain
//! functions. The core sends figures; this decides how a runner reads them (km or mi, h:mm).

import { dateFormat, numberFormat } from '../../lib/intl';
import type { LoadNow } from '../../lib/bindings/LoadNow';
import type { Session } from '../../lib/bindings/Session';
import type { Units } from '../../lib/bindings/Units';
import { formatDistance, formatDuration } from '../../lib/units';

/** "12.4 km in 1:05:00", or "No runs yet" when nothing was run. */
export function runTotal(metres: number, seconds: number, units: Units): string {
  if (metres <= 0 && seconds <= 0) return 'No runs yet';
  return `${formatDistance(metres, units)} in ${formatDuration(Math.round(seconds))}`;
}

/** How this week's running compares with the four weeks before, in words. */
export function weekVersusAverage(load: LoadNow, units: Units): string {
  if (load.avg4RunM <= 0) return 'No running in the four weeks before this one to compare with.';
  const share = Math.round((load.weekRunM / load.avg4RunM) * 100);
  return `${share}% of the weekly average of the four weeks before (${formatDistance(load.avg4RunM, units)}).`;
}

/** A load figure in arbitrary units, rounded for reading. */
export function au(value: number): string {
  return numberFormat(undefined).format(Math.round(value));
}

/** The ratio to two places, or a dash while it is undefined. */
export function ratioText(ratio: number | null): string {
  return ratio === null ? '—' : ratio.toFixed(2);
}

/** Form with its sign, so "−120" reads as below zero. */
export function formText(form: number): string {
  const r = Math.round(form);
  const n = numberFormat(undefined);
  return r > 0 ? `+${n.format(r)}` : r < 0 ? `−${n.format(Math.abs(r))}` : '0';
}

/** "3 sessions this week have no rating", or null when every one has. */
export function unratedText(n: number): string | null {
  if (n <= 0) return null;
  return n === 1
    ? '1 session of the last 7 days has no effort rating, so its load is unknown (not zero).'
    : `${n} sessions of the last 7 days have no effort rating, so their load is unknown (not zero).`;
}

/** How a run to rate is named: "Easy run, Tue 19 May, 5.0 km". */
export function runName(s: Session, units: Units, kind: string): string {
  const day = dateFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' }).format(
    new Date(`${s.startLocal}:00`),
  );
  return s.distanceM ? `${kind}, ${day}, ${formatDistance(s.distanceM, units)}` : `${kind}, ${day}`;
}

/** The day of a booked massage as the Briefing page's appointment field takes it. */
export function appointmentDay(s: Session): string {
  return s.startLocal.slice(0, 10);
}

/** When a due reminder fires, as Today reads: "now" once fired, "07:00" later today, else the day. */
export function dueWhen(state: string, at: string, now: Date = new Date()): string {
  if (state === 'fired') return 'now';
  const d = new Date(at);
  const time = dateFormat(undefined, { hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  const sameDay = d.toDateString() === now.toDateString();
  return sameDay ? time : `${dateFormat(undefined, { weekday: 'short' }).format(d)} ${time}`;
}
