// ReLU6: min(max(x, 0), 6), ReLU capped at 6 (for low-precision inference, MobileNets).

import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';

/** x·[0 < x < 6] + 6·[x ≥ 6], exact and branch-free. */
function f(x: number): number {
  const top = +(x >= 6);
  return fp.finite(x) * (+(x > 0) - top) + 6 * top;
}

/** 1 on (0, 6), 0 at 0, at 6 and outside (PyTorch). */
function df(x: number): number {
  return fp.nanOr(x, +(x > 0) - +(x >= 6));
}

/** min(max(x, 0), 6). */
export const relu6 = defineScalar({
  id: 'relu6',
  name: 'ReLU6',
  aliases: [],
  family: 'rectifier',
  params: [],
  tex: {
    f: '\\min(\\max(x, 0), 6)',
    df: '\\begin{cases} 1 & 0 < x < 6 \\\\ 0 & \\text{otherwise} \\end{cases}',
  },
  defaults: { pytorch: 'nn.ReLU6()', keras: 'keras.activations.relu6(x)' },
  citation: {
    authors: ['A. Krizhevsky'],
    title: 'Convolutional Deep Belief Networks on CIFAR-10',
    venue: 'Unpublished manuscript, University of Toronto',
    year: 2010,
    url: 'http://www.cs.utoronto.ca/~kriz/conv-cifar10-aug2010.pdf',
  },
  year: 2010,
  notes: 'f′ follows PyTorch: 0 at x = 0 and at x = 6 (hardtanh_backward with bounds 0 and 6).',
  properties: () => ({
    range: range(0, true, 6, true),
    zeroCentred: false,
    monotonic: 'weak',
    smoothness: 'C0',
    saturation: 'both',
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
