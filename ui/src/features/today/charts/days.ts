//! Calendar days as whole numbers, so chart axes step by day without time zones or daylight
//! saving shifting a date by an hour. A day here is a "YYYY-MM-DD" as the core sends it.

import { dateFormat } from '../../../lib/intl';
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for "YYYY-MM-DD"; NaN for anything else. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

/** A day number's date, "YYYY-MM-DD". */
export function dayString(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 for Sunday to 6 for Saturday, as Date counts them. */
export function weekday(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

/** e.g. "3 Mar" (or "Mar 3", as the locale writes it). */
export function shortDate(date: string, locale?: string, withYear = false): string {
  const n = dayNumber(date);
  if (!Number.isFinite(n)) return date;
  return dateFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: withYear ? 'numeric' : undefined,
    timeZone: 'UTC',
  }).format(new Date(n * MS_PER_DAY));
}

/** e.g. "Mar", for a month label on an axis. */
export function shortMonth(day: number, locale?: string): string {
  return dateFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(day * MS_PER_DAY));
}
