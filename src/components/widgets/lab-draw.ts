// What the labs' drawing modules (*-lab-draw.ts) share: when to redraw, the log of redraw
// times the browser tests read, and the message line of a failed run. Their run loops are
// not shared, because they are not the same loop: the DeadReluLab and the DigitsLab let
// each run ask for its next epoch at its own pace, the NormOrderLab moves its five in
// lockstep (the curves compare at equal steps), and the SaturationLab and the TrainingLab
// let one worker push its snapshots while it plays.

import type { Snapshot } from '../workers/training-session.ts';

/**
 * Schedules `draw`: once, on the next animation frame, however often asked before it. With
 * reduced motion, a running lab redraws twice a second instead of every frame.
 */
export function frameScheduler(draw: () => void, running: () => boolean): () => void {
  const reduced = matchMedia('(prefers-reduced-motion: reduce)');
  let frame = 0;
  let lastDraw = 0;
  const drawNow = () => {
    frame = 0;
    lastDraw = performance.now();
    draw();
  };
  return () => {
    if (frame) return;
    const wait =
      running() && reduced.matches ? Math.max(0, 500 - (performance.now() - lastDraw)) : 0;
    frame = wait > 0 ? window.setTimeout(drawNow, wait) : requestAnimationFrame(drawNow);
  };
}

/**
 * The durations and start times (ms) of the last `keep` redraws, as `drawTimes` and
 * `drawStarts` on the widget, for the browser tests that measure the redraws. The returned
 * function records a redraw that started at `t0` and ends now.
 */
export function drawLog(widget: HTMLElement, keep: number): (t0: number) => void {
  const drawTimes: number[] = [];
  const drawStarts: number[] = [];
  Object.defineProperty(widget, 'drawTimes', { value: drawTimes, configurable: true });
  Object.defineProperty(widget, 'drawStarts', { value: drawStarts, configurable: true });
  return (t0) => {
    drawTimes.push(performance.now() - t0);
    drawStarts.push(t0);
    if (drawTimes.length > keep) {
      drawTimes.shift();
      drawStarts.shift();
    }
  };
}

/** Shows a text in the widget's paragraph `selector`, or hides the paragraph for null. */
export function messageLine(widget: HTMLElement, selector: string): (text: string | null) => void {
  return (text) => {
    const p = widget.querySelector(selector) as HTMLElement;
    p.hidden = !text;
    p.textContent = text ?? '';
  };
}

/**
 * The alert of a lab with one run (`lab` its class prefix, e.g. 'sat'): shown, with what
 * went wrong and `advice`, once the run diverged; its Play and Step are disabled then, as a
 * diverged network cannot train on.
 */
export function showDivergence(widget: HTMLElement, lab: string, s: Snapshot, advice: string) {
  const d = s.diverged;
  (widget.querySelector(`.${lab}-diverged .nl-message`) as HTMLElement).hidden = !d;
  for (const name of ['play', 'step']) {
    const button = widget.querySelector(`.${lab}-run button[name=${name}]`) as HTMLButtonElement;
    button.disabled = Boolean(d);
  }
  if (d) {
    const what =
      d.reason === 'loss'
        ? `the loss became ${d.detail}`
        : `the weights in ${d.detail} stopped being finite`;
    (widget.querySelector(`.${lab}-diverged-text`) as HTMLElement).textContent =
      `Diverged at step ${d.step}: ${what}. ${advice}`;
  }
}
