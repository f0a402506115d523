// SiLU, the sigmoid-weighted linear unit x·σ(x) (Swish with β = 1). x·e^x/(1 + e^x), not
// x/(1 + e^−x), which returns −0 for x < −709.8 where the true value is still normal.

import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';

function f(x: number): number {
  return fp.gated(x, x);
}

/** σ(x)(1 + x·σ(−x)). */
const df = fp.swishSlope;

/** x·σ(x); f'(x) = σ(x)(1 + x(1 − σ(x))). */
export const silu = defineScalar({
  id: 'silu',
  name: 'SiLU',
  aliases: ['sigmoid-weighted linear unit', 'swish-1'],
  family: 'smooth',
  params: [],
  tex: { f: 'x\\,\\sigma(x)', df: '\\sigma(x)\\left(1 + x\\,(1 - \\sigma(x))\\right)' },
  defaults: {
    pytorch: 'nn.SiLU()',
    keras: 'keras.activations.silu(x)',
    note: 'Keras also calls it swish (keras.activations.swish is the same function, no β).',
  },
  citation: {
    authors: ['S. Elfwing', 'E. Uchibe', 'K. Doya'],
    title:
      'Sigmoid-Weighted Linear Units for Neural Network Function Approximation in Reinforcement Learning',
    venue: 'Neural Networks 107, pp. 3–11 (2018)',
    year: 2018,
    arxiv: '1702.03118',
  },
  year: 2017,
  notes:
    'Smooth, no kink convention. The name SiLU was coined by Hendrycks and Gimpel (GELU paper, 2016); Elfwing et al. used it in reinforcement learning (arXiv 2017; the journal reference is from memory), Ramachandran et al. found it by search as Swish. Minimum −0.27846 at x ≈ −1.2785.',
  properties: () => ({
    range: range(-0.2784645427610738, true, Number.POSITIVE_INFINITY, false),
    zeroCentred: false,
    monotonic: 'none',
    smoothness: 'Cinf',
    saturation: 'negative',
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
