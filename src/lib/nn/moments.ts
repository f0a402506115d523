// The arithmetic BatchNorm and LayerNorm share. Both standardise groups of numbers; they
// differ only in which numbers form a group (a column of the batch, or a row), so every
// function here walks `count` elements from `start` in steps of `stride`.

/** Mean of a group. */
export function groupMean(x: Float64Array, start: number, count: number, stride: number): number {
  let s = 0;
  for (let k = 0, i = start; k < count; k++, i += stride) s += x[i];
  return s / count;
}

/** Biased variance of a group about `mean` (two passes: no cancellation). */
export function groupVariance(
  x: Float64Array,
  mean: number,
  start: number,
  count: number,
  stride: number,
): number {
  let s = 0;
  for (let k = 0, i = start; k < count; k++, i += stride) {
    const d = x[i] - mean;
    s += d * d;
  }
  return s / count;
}

/** xhat = (x − mean) · invStd over a group. */
export function standardise(
  x: Float64Array,
  xhat: Float64Array,
  mean: number,
  invStd: number,
  start: number,
  count: number,
  stride: number,
): void {
  for (let k = 0, i = start; k < count; k++, i += stride) xhat[i] = (x[i] - mean) * invStd;
}

/**
 * dx for dxhat through standardisation with the group's own statistics:
 * dx = invStd / N · (N·dxhat − Σdxhat − xhat·Σ(dxhat·xhat)).
 */
export function standardiseBackward(
  xhat: Float64Array,
  dxhat: Float64Array,
  dx: Float64Array,
  invStd: number,
  start: number,
  count: number,
  stride: number,
): void {
  let sum = 0;
  let dot = 0;
  for (let k = 0, i = start; k < count; k++, i += stride) {
    sum += dxhat[i];
    dot += dxhat[i] * xhat[i];
  }
  const c = invStd / count;
  for (let k = 0, i = start; k < count; k++, i += stride) {
    dx[i] = c * (count * dxhat[i] - sum - xhat[i] * dot);
  }
}
