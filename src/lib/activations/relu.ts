// ReLU, the rectified linear unit: max(x, 0). Branch-free: x·[x > 0] with x first made
// finite (so that −∞·0 is not NaN); adding 0 turns the −0 of negative inputs into +0.

import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';

function f(x: number): number {
  return fp.finiteBelow(x) * +(x > 0) + 0;
}

/** 1 for x > 0, 0 for x ≤ 0 (PyTorch: relu'(0) = 0). */
function df(x: number): number {
  return fp.nanOr(x, +(x > 0));
}

/** max(x, 0); f'(x) = [x > 0]. */
export const relu = defineScalar({
  id: 'relu',
  name: 'ReLU',
  aliases: ['rectified linear unit', 'rectifier'],
  family: 'rectifier',
  params: [],
  tex: {
    f: '\\max(x, 0)',
    df: '\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}',
  },
  defaults: { pytorch: 'nn.ReLU()', keras: 'keras.activations.relu(x)' },
  citation: {
    authors: ['V. Nair', 'G. E. Hinton'],
    title: 'Rectified Linear Units Improve Restricted Boltzmann Machines',
    venue: 'ICML 2010, pp. 807–814',
    year: 2010,
  },
  year: 2010,
  notes:
    'f′(0) = 0, as in PyTorch (its threshold_backward passes the gradient only where x > 0). Glorot, Bordes and Bengio (AISTATS 2011) made the case for sparse rectifier networks.',
  properties: () => ({
    range: range(0, true, Number.POSITIVE_INFINITY, false),
    zeroCentred: false,
    monotonic: 'weak',
    smoothness: 'C0',
    saturation: 'negative',
    sparse: true,
  }),
  kernel: () => ({
    f,
    df,
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) out[i] = f(xs[i]);
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * df(xs[i]);
    },
  }),
});
