//! Round axis ticks for the small SVG charts, so a scale reads 0, 20, 40 rather than 0, 17.3, 34.6.

import { numberFormat } from '../../../lib/intl';
/** The drawing's size and the margins kept for the axis labels around the plot. */
export interface ChartBox {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A value-axis tick placed on the drawing. */
export interface AxisTick {
  y: number;
  label: string;
}

export interface Ticks {
  min: number;
  max: number;
  step: number;
  values: number[];
}

/** 1, 2 or 5 times a power of ten, at least `raw`. Steps of 2.5 are left out: they force a decimal
 * onto every label ("5.0", "7.5") for little gain in fit. */
function niceStep(raw: number): number {
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
}

/** Decimals a step needs to be written exactly: 0 for 20, 1 for 2.5, 2 for 0.25. */
export function stepDecimals(step: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 6;
}

/**
 * Ticks covering `lo..hi` in about `count` steps. An empty span (all zeros, or one value) still
 * gets an axis, so the chart never divides by zero.
 */
export function niceTicks(lo: number, hi: number, count = 4): Ticks {
  let a = Number.isFinite(lo) ? lo : 0;
  let b = Number.isFinite(hi) ? hi : 0;
  if (a > b) [a, b] = [b, a];
  if (a === b) {
    // Span one unit above the value, or around it when it is negative, so zero stays in view.
    if (a >= 0) b = a + 1;
    else a -= 1;
  }
  const step = niceStep((b - a) / Math.max(1, count));
  // Floating error (0.1 + 0.2) would otherwise leak into labels and comparisons.
  const d = stepDecimals(step);
  const fix = (v: number) => Number(v.toFixed(d));
  const min = fix(Math.floor(a / step + 1e-9) * step);
  const max = fix(Math.ceil(b / step - 1e-9) * step);
  const values: number[] = [];
  for (let v = min, i = 0; v <= max + step / 2; i++, v = fix(min + i * step)) values.push(v);
  return { min, max, step, values };
}

/** A tick's label with no more decimals than its step needs; a true minus sign below zero. */
export function tickLabel(value: number, step: number, locale?: string): string {
  const d = stepDecimals(step);
  const text = numberFormat(locale, { maximumFractionDigits: d, minimumFractionDigits: d }).format(
    Math.abs(value),
  );
  return value < 0 ? `−${text}` : text;
}
