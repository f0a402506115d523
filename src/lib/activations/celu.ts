// CELU, the continuously differentiable ELU: x for x > 0, α(e^{x/α} − 1) otherwise. Its
// slope at 0 is 1 from both sides for every α (ELU's is α on the left).

import { defineScalar, range } from './scalar.ts';
import type { Param } from './types.ts';

function f(x: number, alpha: number): number {
  return x > 0 ? x : alpha * Math.expm1(x / alpha);
}

/** 1 for x > 0, e^{x/α} for x ≤ 0 (1 at 0, as in PyTorch). */
function df(x: number, alpha: number): number {
  return x > 0 ? 1 : Math.exp(x / alpha);
}

const params: Param[] = [
  { name: 'alpha', tex: '\\alpha', default: 1, min: 0.1, max: 3, step: 0.1 },
];

/** max(0, x) + min(0, α(e^{x/α} − 1)). */
export const celu = defineScalar({
  id: 'celu',
  name: 'CELU',
  aliases: ['continuously differentiable ELU'],
  family: 'exponential',
  params,
  tex: {
    f: '\\max(0, x) + \\min\\!\\left(0, \\alpha\\left(e^{x/\\alpha} - 1\\right)\\right)',
    df: '\\begin{cases} 1 & x > 0 \\\\ e^{x/\\alpha} & x \\le 0 \\end{cases}',
  },
  defaults: { pytorch: 'nn.CELU(alpha=1.0)', note: 'No Keras built-in.' },
  citation: {
    authors: ['J. T. Barron'],
    title: 'Continuously Differentiable Exponential Linear Units',
    venue: 'arXiv preprint',
    year: 2017,
    arxiv: '1704.07483',
  },
  year: 2017,
  notes:
    'f′(0) = 1 from both sides (PyTorch returns 1 at 0). C¹ for every α, never C² (f″ is 1/α just left of 0 and 0 right of it); α = 1 is ELU. For x ≪ 0 the slope e^{x/α} inherits the rounding of x/α (condition number |x/α|).',
  properties: ({ alpha }) => ({
    range: range(-alpha, false, Number.POSITIVE_INFINITY, false),
    zeroCentred: false,
    monotonic: 'strict',
    smoothness: 'C1',
    saturation: 'negative',
    sparse: false,
  }),
  kernel: ({ alpha }) => ({
    f: (x) => f(x, alpha),
    df: (x) => df(x, alpha),
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) out[i] = f(xs[i], alpha);
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * df(xs[i], alpha);
    },
  }),
});
