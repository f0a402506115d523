// ELU, the exponential linear unit: x for x > 0, α(e^x − 1) otherwise. expm1, not
// exp(x) − 1, which returns 0 for |x| < 1e−16 (PyTorch's CPU kernel gives elu(−1e−20) = 0).

import { defineScalar, range } from './scalar.ts';
import type { Param } from './types.ts';

function f(x: number, alpha: number): number {
  return x > 0 ? x : alpha * Math.expm1(x);
}

/** 1 for x > 0, α·e^x for x ≤ 0 (so α at 0, as in PyTorch). */
function df(x: number, alpha: number): number {
  return x > 0 ? 1 : alpha * Math.exp(x);
}

const params: Param[] = [
  { name: 'alpha', tex: '\\alpha', default: 1, min: 0.1, max: 3, step: 0.1 },
];

/** x for x > 0, α(e^x − 1) otherwise. */
export const elu = defineScalar({
  id: 'elu',
  name: 'ELU',
  aliases: ['exponential linear unit'],
  family: 'exponential',
  params,
  tex: {
    f: '\\begin{cases} x & x > 0 \\\\ \\alpha\\left(e^{x} - 1\\right) & x \\le 0 \\end{cases}',
    df: '\\begin{cases} 1 & x > 0 \\\\ \\alpha e^{x} & x \\le 0 \\end{cases}',
  },
  defaults: { pytorch: 'nn.ELU(alpha=1.0)', keras: 'keras.activations.elu(x, alpha=1.0)' },
  citation: {
    authors: ['D.-A. Clevert', 'T. Unterthiner', 'S. Hochreiter'],
    title: 'Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)',
    venue: 'ICLR 2016',
    year: 2016,
    arxiv: '1511.07289',
  },
  year: 2015,
  notes:
    'f′(0) = α, as in PyTorch (its backward takes the negative branch at x ≤ 0). f is C¹ only for α = 1 (the slopes 1 and α meet at 0); it is never C².',
  properties: ({ alpha }) => ({
    range: range(-alpha, false, Number.POSITIVE_INFINITY, false),
    zeroCentred: false,
    monotonic: 'strict',
    smoothness: alpha === 1 ? 'C1' : 'C0',
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
