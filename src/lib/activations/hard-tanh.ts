// Hard tanh: clamp(x, min, max), tanh replaced by three straight pieces. Exact, and without
// data-dependent branches (a table lookup, see f).

import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';
import type { Param } from './types.ts';

/**
 * x on (lo, hi), lo at or below lo, hi at or above hi: a table lookup t[i] with t = [x, lo, hi]
 * and i = [x ≤ lo] + 2·[x ≥ hi], which is exact, keeps the sign of −0 and NaN, and has no
 * data-dependent branch (Math.min/Math.max mispredict on random data, about 6 ns an element).
 */
function f(x: number, t: Float64Array): number {
  t[0] = x;
  return t[+(x <= t[1]) + 2 * +(x >= t[2])];
}

/** 1 strictly inside (min, max), 0 at the bounds and outside (PyTorch's hardtanh_backward). */
function df(x: number, lo: number, hi: number): number {
  return fp.nanOr(x, +(x > lo) - +(x >= hi));
}

const params: Param[] = [
  { name: 'min', tex: 'a', default: -1, min: -5, max: 0, step: 0.1 },
  { name: 'max', tex: 'b', default: 1, min: 0, max: 5, step: 0.1 },
];

/** clamp(x, min, max), default [−1, 1]. */
export const hardTanh = defineScalar({
  id: 'hard-tanh',
  name: 'Hard tanh',
  aliases: ['hardtanh'],
  family: 'hard',
  params,
  tex: {
    f: '\\min(\\max(x, a), b)',
    df: '\\begin{cases} 1 & a < x < b \\\\ 0 & \\text{otherwise} \\end{cases}',
  },
  defaults: {
    pytorch: 'nn.Hardtanh(min_val=-1.0, max_val=1.0)',
    note: 'Keras has no hard tanh layer; use keras.ops.clip(x, -1, 1).',
  },
  citation: null,
  year: 2004,
  notes:
    'f′ follows PyTorch: 0 at x = min and x = max. Usually attributed to R. Collobert’s 2004 thesis (not checked). With min = 0 it is ReLU capped at max (ReLU6 for max = 6).',
  check(values) {
    if (!(values.min < values.max)) {
      throw new RangeError(
        `hard-tanh: min must be less than max, got min = ${values.min}, max = ${values.max}`,
      );
    }
  },
  properties: ({ min, max }) => ({
    range: range(min, true, max, true),
    zeroCentred: min === -max,
    monotonic: 'weak',
    smoothness: 'C0',
    saturation: 'both',
    sparse: min === 0 || max === 0,
  }),
  kernel: ({ min, max }) => {
    const t = Float64Array.of(0, min, max);
    return {
      f: (x) => f(x, t),
      df: (x) => df(x, min, max),
      forward(xs, out) {
        for (let i = 0; i < xs.length; i++) out[i] = f(xs[i], t);
      },
      backward(xs, dy, dx) {
        for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * df(xs[i], min, max);
      },
    };
  },
});
