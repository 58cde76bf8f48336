//! Dates, times and sizes for display. A session's `startLocal` is the wall time where it happened,
//! so it is shown as written, never shifted into the zone the computer happens to be in now.

import { dateFormat } from './intl';
/** The IANA zone this computer is in, e.g. "Europe/London". */
export function browserZone(): string {
  return dateFormat(undefined).resolvedOptions().timeZone || 'UTC';
}

/** "YYYY-MM-DDTHH:MM" read as a wall time: a Date whose UTC fields carry that wall time. */
function wallDate(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0'] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)));
}

/** e.g. "Fri 3 May 2024, 07:30" in the user's locale. */
export function formatStart(local: string, locale?: string): string {
  const d = wallDate(local);
  if (!d) return local;
  return dateFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(d);
}

/** e.g. "May 2024", for a month heading. */
export function formatMonth(local: string, locale?: string): string {
  const d = wallDate(local);
  if (!d) return local;
  return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Wall time now, "YYYY-MM-DDTHH:MM", as a datetime-local input wants it (seconds dropped). */
export function nowLocalMinute(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}` +
    `T${p(now.getHours())}:${p(now.getMinutes())}`
  );
}

/** The first line of a note, for a one-line excerpt. */
export function firstLine(text: string): string {
  return text.trim().split(/\r?\n/, 1)[0] ?? '';
}

/** e.g. "Fri 3", for a row under its month heading. Built from parts, since some locales put the
 * day number first ("3 Fri"), which reads oddly on its own. */
export function formatDay(local: string, locale?: string): string {
  const d = wallDate(local);
  if (!d) return local;
  const parts = dateFormat(locale, { weekday: 'short', day: 'numeric', timeZone: 'UTC' }).formatToParts(d);
  const weekday = parts.find((p) => p.type === 'weekday')?.value ?? '';
  const day = parts.find((p) => p.type === 'day')?.value ?? '';
  return `${weekday} ${day}`.trim();
}

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu']);

/** Whether two zone names are the same zone (the computer may call UTC "Etc/UTC", the webview "UTC"). */
export function sameZone(a: string, b: string): boolean {
  return a === b || (UTC_NAMES.has(a) && UTC_NAMES.has(b));
}

/**
 * "Europe/London" → "London", for a compact note of where an entry was logged. The fixed zones an
 * import uses for a watch's offset ("Etc/GMT-3", whose sign runs backwards by POSIX convention)
 * read as the offset they are: "UTC+3".
 */
export function zoneCity(zone: string): string {
  const fixed = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (fixed) return `UTC${fixed[1] === '-' ? '+' : '−'}${fixed[2]}`;
  if (zone === 'Etc/UTC' || zone === 'Etc/GMT') return 'UTC';
  return (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
}

/** e.g. "07:30" (or "7:30 AM" where the locale says so). */
export function formatTime(local: string, locale?: string): string {
  const d = wallDate(local);
  if (!d) return '';
  return dateFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(d);
}

/** "Sun 19 Apr 2026, 08:30" in the runner's own zone and locale. */
export function formatWhen(iso: string, locale?: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(d);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
