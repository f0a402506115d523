// Slider arithmetic shared by the widgets' states: a value typed, dragged or read from a URL is
// put on the slider's grid, so the state, the control and the link always agree.

/** Rounds v to the slider grid of p (min + k·step), within [min, max]. */
export function snapToStep(v: number, p: { min: number; max: number; step: number }): number {
  const k = Math.round((v - p.min) / p.step);
  const snapped = p.min + k * p.step;
  // Trim the float noise of k·step (0.1 · 3 = 0.30000000000000004).
  const digits = Math.max(0, -Math.floor(Math.log10(p.step)) + 2);
  return Math.min(p.max, Math.max(p.min, Number(snapped.toFixed(digits))));
}
