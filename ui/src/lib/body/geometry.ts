//! Small geometry helpers for the body figure. Shapes are authored as point lists and drawn as
//! smooth closed curves, so the outlines read as muscles rather than polygons, and mirroring a
//! side is just reflecting x.

export type Pt = readonly [number, number];

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Reflects points across the vertical line x = cx. Order is reversed so winding stays the same. */
export function mirror(points: readonly Pt[], cx: number): Pt[] {
  return points.map(([x, y]) => [r1(2 * cx - x), y] as const).reverse();
}

/**
 * A closed Catmull-Rom spline through the points, as cubic Béziers. A spline keeps every authored
 * point on the outline, which makes the shapes easy to adjust by eye.
 */
export function smoothClosed(points: readonly Pt[]): string {
  const n = points.length;
  if (n < 3) throw new Error('a closed shape needs at least three points');
  const at = (i: number) => points[(i + n) % n];
  let d = `M${r1(at(0)[0])} ${r1(at(0)[1])}`;
  for (let i = 0; i < n; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    const c1: Pt = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2: Pt = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${r1(c1[0])} ${r1(c1[1])} ${r1(c2[0])} ${r1(c2[1])} ${r1(p2[0])} ${r1(p2[1])}`;
  }
  return `${d}Z`;
}

/** Area centroid of a simple polygon (shoelace); the mean of the points if it has no area. */
export function centroid(points: readonly Pt[]): Pt {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[(i + 1) % points.length];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (Math.abs(a) < 1e-9) {
    const sx = points.reduce((s, p) => s + p[0], 0);
    const sy = points.reduce((s, p) => s + p[1], 0);
    return [r1(sx / points.length), r1(sy / points.length)];
  }
  return [r1(cx / (3 * a)), r1(cy / (3 * a))];
}

/** Joins a half outline (from the top centre down the viewer's left) with its mirror image. */
export function wholeFromHalf(half: readonly Pt[], cx: number): Pt[] {
  const other = mirror(half, cx);
  // The first and last points sit on the centre line and would otherwise appear twice.
  const onAxis = (p: Pt) => Math.abs(p[0] - cx) < 1e-6;
  const start = onAxis(other[0]) ? 1 : 0;
  const end = onAxis(other[other.length - 1]) ? other.length - 1 : other.length;
  return [...half, ...other.slice(start, end)];
}
