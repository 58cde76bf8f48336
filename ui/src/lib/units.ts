//! Distance, pace and duration: parsing what the runner types and formatting what the core stores.
//! The core keeps metres and seconds; only this module knows about km and mi.

import { numberFormat } from './intl';
import type { Units } from './bindings/Units';

export const METRES_PER_KM = 1000;
export const METRES_PER_MI = 1609.344;

export function metresPerUnit(units: Units): number {
  return units === 'mi' ? METRES_PER_MI : METRES_PER_KM;
}

export function unitLabel(units: Units): string {
  return units === 'mi' ? 'mi' : 'km';
}

export function metresToUnit(metres: number, units: Units): number {
  return metres / metresPerUnit(units);
}

/** Rounded to a tenth of a metre, so typing "10" km gives exactly 10000. */
export function unitToMetres(value: number, units: Units): number {
  return Math.round(value * metresPerUnit(units) * 10) / 10;
}

/**
 * A distance as typed, in the runner's unit. Accepts a comma as the decimal mark, as many locales
 * write it. Returns null for blank, NaN for text that is not a number.
 */
export function parseDistance(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return Number.NaN;
  return Number(t);
}

/** A distance for an input field: up to two decimals, no trailing zeros ("10", "13.11"). */
export function distanceInputValue(metres: number, units: Units): string {
  const v = Math.round(metresToUnit(metres, units) * 100) / 100;
  return String(v);
}

/** A distance for display, e.g. "10.5 km". */
export function formatDistance(metres: number, units: Units, locale?: string): string {
  const v = metresToUnit(metres, units);
  const digits = v < 100 ? 2 : 1;
  const n = numberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return `${n.format(v)} ${unitLabel(units)}`;
}

/**
 * Duration text to seconds. Accepts "h:mm:ss", "mm:ss" (minutes may exceed 59) and a bare number
 * of minutes. Returns null for blank, NaN when the text cannot be read.
 */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (/^\d+$/.test(t)) return Number(t) * 60;
  const parts = t.split(':');
  if (parts.length < 2 || parts.length > 3) return Number.NaN;
  if (!parts.every((p) => /^\d+$/.test(p))) return Number.NaN;
  const nums = parts.map(Number);
  const [s] = nums.slice(-1);
  if (s >= 60 || parts[parts.length - 1].length !== 2) return Number.NaN;
  if (nums.length === 3) {
    const [h, m] = nums;
    if (m >= 60 || parts[1].length !== 2) return Number.NaN;
    return h * 3600 + m * 60 + s;
  }
  return nums[0] * 60 + s;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Seconds as "h:mm:ss", or "m:ss" under an hour. */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Pace as "m:ss /km", or null when it cannot be worked out. */
export function formatPace(seconds: number | null, metres: number | null, units: Units): string | null {
  if (seconds == null || metres == null || seconds <= 0 || metres <= 0) return null;
  const perUnit = seconds / metresToUnit(metres, units);
  return `${formatDuration(perUnit)} /${unitLabel(units)}`;
}
