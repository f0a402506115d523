// Small helpers shared by the vector functions (softmax, log-softmax, maxout): building an
// entry with a checked `with()`, the arg-max they all start from, and the shifted
// exponentials softmax and log-softmax both sum.

import { resolveValues } from './params.ts';
import type { ActivationInfo, FloatArray, ParamValues, VectorActivation } from './types.ts';

/** What a vector entry says about itself; `kind`, `values` and `with` are added here. */
export type VectorInfo = Omit<ActivationInfo, 'values'>;

/** The computing part of a vector entry, built for one set of parameter values. */
export type VectorMethods = Pick<VectorActivation, 'outputLength' | 'forward' | 'backward'>;

/**
 * A vector entry for `values`, whose `with()` checks names and ranges (params.ts) and then
 * `check` (for what a range cannot say, such as "an integer").
 */
export function defineVector(
  info: VectorInfo,
  values: ParamValues,
  methods: (values: ParamValues) => VectorMethods,
  check: (values: ParamValues) => void = () => {},
): VectorActivation {
  check(values);
  return {
    ...info,
    kind: 'vector',
    values,
    ...methods(values),
    with: (next) =>
      defineVector(info, resolveValues(info.id, info.params, values, next), methods, check),
  };
}

/** Throws unless an array has the length the function needs. */
export function checkLength(id: string, what: string, array: FloatArray, n: number): void {
  if (array.length !== n) {
    throw new RangeError(`${id}: ${what} has length ${array.length}, expected ${n}`);
  }
}

/**
 * Index of the maximum of xs[start..end) (end > start): the first one on ties, as PyTorch's
 * max and argmax do; the first NaN if there is one (a NaN wins, so it propagates).
 */
export function argmax(xs: FloatArray, start: number, end: number): number {
  let best = start;
  let m = xs[start];
  if (Number.isNaN(m)) return start;
  for (let i = start + 1; i < end; i++) {
    const v = xs[i];
    if (v > m) {
      m = v;
      best = i;
    } else if (Number.isNaN(v)) {
      return i;
    }
  }
  return best;
}

/**
 * Where softmax needs a limit instead of arithmetic: -1 when every output is NaN (a NaN
 * entry, all entries -Infinity, or two +Infinity entries, whose limit depends on how they
 * grow), k when xs[k] is the only +Infinity (the output is one-hot at k), and -2 otherwise
 * (every shifted exponential is finite). `k` is the arg-max.
 */
export function softmaxCase(xs: FloatArray, k: number): number {
  const m = xs[k];
  if (Number.isNaN(m) || m === -Infinity) return -1;
  if (m !== Infinity) return -2;
  for (let i = k + 1; i < xs.length; i++) if (xs[i] === Infinity) return -1;
  return k;
}

/**
 * Σ_{j≠k} exp((x_j − m)/T) with m = xs[k] the maximum, summed with Neumaier's compensation.
 * The softmax denominator is 1 + this sum, so log-softmax can take log1p of it.
 */
export function sumOthers(xs: FloatArray, k: number, t: number): number {
  const m = xs[k];
  let sum = 0;
  let c = 0;
  for (let j = 0; j < xs.length; j++) {
    if (j === k) continue;
    const e = Math.exp((xs[j] - m) / t);
    const s = sum + e;
    c += sum >= e ? sum - s + e : e - s + sum;
    sum = s;
  }
  return sum + c;
}

let scratch = new Float64Array(64);

/** A float64 work array of at least n elements, reused between calls (not re-entrant). */
export function workspace(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
  return scratch;
}

/**
 * s = softmax(xs / t) into s (a float64 array at least as long as xs), accurate to a few
 * ulps: exp(x_j − m) / (1 + Σ_{j≠k} exp(x_j − m)), and the limits of `softmaxCase`.
 */
export function softmaxInto(xs: FloatArray, t: number, s: Float64Array): void {
  const n = xs.length;
  if (n === 0) return;
  const k = argmax(xs, 0, n);
  const special = softmaxCase(xs, k);
  if (special !== -2) {
    for (let j = 0; j < n; j++) s[j] = special === -1 ? Number.NaN : j === special ? 1 : 0;
    return;
  }
  const m = xs[k];
  const denominator = 1 + sumOthers(xs, k, t);
  for (let j = 0; j < n; j++) s[j] = (j === k ? 1 : Math.exp((xs[j] - m) / t)) / denominator;
}
