/**
 * Runs work once the browser has painted what the page shows now, so that code the first screen
 * does not need (the panels, the custom functions) is neither downloaded nor run before it.
 *
 * A requestAnimationFrame callback runs just before the frame is painted, and a task queued from
 * it runs after that paint. A page nobody sees may get no frames at all (the shared runtime when
 * only custom functions woke it, with the pane closed), so a hidden page runs the work at once,
 * and FALLBACK_MS bounds the wait should frames not come while the page says it is visible.
 */
export const AFTER_PAINT_FALLBACK_MS = 1_000;

export interface PaintClock {
  readonly frame: (fn: () => void) => void;
  readonly later: (fn: () => void, ms: number) => void;
  readonly hidden: () => boolean;
}

const browserClock: PaintClock = {
  frame: (fn) => void requestAnimationFrame(fn),
  later: (fn, ms) => void setTimeout(fn, ms),
  hidden: () => document.visibilityState === "hidden",
};

export type AfterPaint = (work: () => void) => void;

/** `work` once, after the next paint (or at once in a hidden page). */
export function afterPaint(work: () => void, clock: PaintClock = browserClock): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    work();
  };
  if (clock.hidden()) {
    clock.later(run, 0);
    return;
  }
  clock.frame(() => clock.later(run, 0));
  clock.later(run, AFTER_PAINT_FALLBACK_MS);
}
