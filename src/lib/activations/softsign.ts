// Softsign x/(1 + |x|): a sigmoid shape whose tails approach ±1 polynomially (like 1/x),
// not exponentially, so it saturates more gently than tanh.

import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';

function f(x: number): number {
  const a = Math.abs(x);
  // ±∞/∞ would be NaN; the limit is ±1.
  return a === Number.POSITIVE_INFINITY ? Math.sign(x) : x / (1 + a);
}

/**
 * 1/(1 + |x|)² as 1/q/q with q = fl(1 + |x|), corrected by q's rounding error l (two-sum):
 * about 1.5 ulps. Dividing twice avoids the overflow of q² from |x| ≈ 1.3e154 on; |x| is
 * capped at 1e300, where f′ has long underflowed, to keep ∞ out of the correction.
 */
function df(x: number): number {
  const a = Math.min(Math.abs(x), 1e300);
  const q = 1 + a;
  const l = fp.sumError(1, a, q);
  const t = 1 / q / q;
  return t - t * ((2 * l) / q);
}

/** x/(1 + |x|); f'(x) = 1/(1 + |x|)². */
export const softsign = defineScalar({
  id: 'softsign',
  name: 'Softsign',
  aliases: [],
  family: 'sigmoidal',
  params: [],
  tex: { f: '\\frac{x}{1 + |x|}', df: '\\frac{1}{(1 + |x|)^2}' },
  defaults: { pytorch: 'nn.Softsign()', keras: 'keras.activations.softsign(x)' },
  citation: {
    authors: ['X. Glorot', 'Y. Bengio'],
    title: 'Understanding the difficulty of training deep feedforward neural networks',
    venue: 'AISTATS 2010, JMLR W&CP 9, pp. 249–256',
    year: 2010,
  },
  year: 2010,
  notes:
    'Glorot and Bengio (2010) compare it with tanh; it is usually traced to a 2009 Université de Montréal report by Bergstra et al. (not checked). f is C¹ but not C²: f″ is 2 just left of 0 and −2 just right of it.',
  properties: () => ({
    range: range(-1, false, 1, false),
    zeroCentred: true,
    monotonic: 'strict',
    smoothness: 'C1',
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
