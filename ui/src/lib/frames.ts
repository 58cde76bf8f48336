//! Work put off until a frame has been drawn: what sits below the fold (Today's charts, a region's
//! history) or is only built to warm WebKit's caches (the Log's entry form).

/**
 * Runs `fn` once the next frame is drawn: the first callback runs before that frame is drawn, the
 * second one after it. Returns a function that cancels whichever is pending.
 */
export function afterNextFrame(fn: () => void): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => fn());
  });
  return () => cancelAnimationFrame(frame);
}
