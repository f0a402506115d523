// The logistic sigmoid σ(x) = 1/(1 + e^−x), the classic squashing unit of back-propagation.
// f = e^x/(1 + e^x) with the exponent clamped at 709 (no overflow, no case split);
// f′ = e/(1 + e)² with e = e^−|x| (σ(1 − σ) would return 0 from |x| ≈ 37 on).

import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';

const f = fp.logistic;
const df = fp.logisticSlope;

/** σ(x) = 1/(1 + e^−x); σ'(x) = σ(x)·σ(−x). */
export const sigmoid = defineScalar({
  id: 'sigmoid',
  name: 'Sigmoid',
  aliases: ['logistic', 'logistic sigmoid', 'σ'],
  family: 'sigmoidal',
  params: [],
  tex: {
    f: '\\sigma(x) = \\frac{1}{1 + e^{-x}}',
    df: '\\sigma(x)\\,\\sigma(-x) = \\sigma(x)\\,(1 - \\sigma(x))',
  },
  defaults: { pytorch: 'nn.Sigmoid()', keras: 'keras.activations.sigmoid(x)' },
  citation: {
    authors: ['D. E. Rumelhart', 'G. E. Hinton', 'R. J. Williams'],
    title: 'Learning representations by back-propagating errors',
    venue: 'Nature 323, pp. 533–536',
    year: 1986,
  },
  year: 1986,
  notes:
    'In float64 σ(x) rounds to 1 for x > 37.4 and underflows to 0 below −745; its derivative is at most 1/4 (at 0), so every sigmoid layer shrinks the gradient by at least 4.',
  properties: () => ({
    range: range(0, false, 1, false),
    zeroCentred: false,
    monotonic: 'strict',
    smoothness: 'Cinf',
    saturation: 'both',
    sparse: false,
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
