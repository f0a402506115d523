// The hyperbolic tangent, the zero-centred sigmoid: tanh(x) = 2σ(2x) − 1.
// f is Math.tanh (no overflow at |x| > 710, unlike (e^x − e^−x)/(e^x + e^−x)); f' is
// sech² x = 4e/(1 + e)² with e = e^−2|x|, not 1 − tanh² x, which is 0 from |x| ≈ 19 on.

import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';

function f(x: number): number {
  return Math.tanh(x);
}

function df(x: number): number {
  const a = Math.abs(x);
  if (a > 350) {
    // e^−2a is subnormal from a ≈ 354 on: 4·e^−a·e^−a rounds to the subnormal grid once.
    const h = Math.exp(-a);
    return 4 * h * h;
  }
  const e = Math.exp(-2 * a);
  return fp.overOnePlusSquared(4 * e, e);
}

/** tanh(x); tanh'(x) = sech² x = 1 − tanh² x. */
export const tanh = defineScalar({
  id: 'tanh',
  name: 'Tanh',
  aliases: ['hyperbolic tangent'],
  family: 'sigmoidal',
  params: [],
  tex: {
    f: '\\tanh x = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
    df: '\\operatorname{sech}^2 x = 1 - \\tanh^2 x',
  },
  defaults: { pytorch: 'nn.Tanh()', keras: 'keras.activations.tanh(x)' },
  citation: {
    authors: ['Y. LeCun', 'L. Bottou', 'G. B. Orr', 'K.-R. Müller'],
    title: 'Efficient BackProp',
    venue: 'Neural Networks: Tricks of the Trade, LNCS 1524 (Springer), pp. 9–50',
    year: 1998,
  },
  year: 1998,
  notes:
    'Used in neural networks since the 1980s; the citation is the standard argument for preferring it to the logistic sigmoid (zero-centred outputs). In float64 tanh(x) rounds to ±1 for |x| > 19.06.',
  properties: () => ({
    range: range(-1, false, 1, false),
    zeroCentred: true,
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
