// Softplus log(1 + e^{βx})/β, the smooth ReLU. The true value everywhere: no threshold
// (PyTorch returns x when βx > 20, off by 2e−9 at x = 20, 1e5 ulps), and
// max(x, 0) + log1p(e^−|βx|)/β keeps its accuracy where log(1 + e^x) would return 0 (x < −37).

import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';
import type { Param } from './types.ts';

function f(x: number, beta: number, inverse: number): number {
  const u = beta * x;
  // e^u is subnormal: e^u/β with a single rounding to the subnormal grid.
  if (u < -708) return fp.timesTinyExp(inverse, u);
  return x * +(x > 0) + Math.log1p(Math.exp(-Math.abs(u))) / beta;
}

/** σ(βx). */
function df(x: number, beta: number): number {
  return fp.logistic(beta * x);
}

const params: Param[] = [{ name: 'beta', tex: '\\beta', default: 1, min: 0.1, max: 10, step: 0.1 }];

/** log(1 + e^{βx})/β; f'(x) = σ(βx). */
export const softplus = defineScalar({
  id: 'softplus',
  name: 'Softplus',
  aliases: ['smooth ReLU'],
  family: 'smooth',
  params,
  tex: {
    f: '\\frac{1}{\\beta} \\log\\left(1 + e^{\\beta x}\\right)',
    df: '\\sigma(\\beta x) = \\frac{1}{1 + e^{-\\beta x}}',
  },
  defaults: {
    pytorch: 'nn.Softplus(beta=1.0, threshold=20.0)',
    keras: 'keras.activations.softplus(x)',
    note: 'PyTorch switches to the identity when βx > 20; this catalogue computes the true value. Keras has no β.',
  },
  citation: {
    authors: ['C. Dugas', 'Y. Bengio', 'F. Bélisle', 'C. Nadeau', 'R. Garcia'],
    title: 'Incorporating Second-Order Functional Knowledge for Better Option Pricing',
    venue: 'Advances in Neural Information Processing Systems 13 (NIPS 2000), pp. 472–478',
    year: 2001,
  },
  year: 2000,
  notes:
    'Smooth everywhere, so no kink convention is needed; f′ = σ(βx) never reaches 0 or 1. For β other than a power of two, βx rounds, and far left (βx ≪ 0) f and f′ inherit that rounding (condition number ≈ |βx|).',
  properties: () => ({
    range: range(0, false, Number.POSITIVE_INFINITY, false),
    zeroCentred: false,
    monotonic: 'strict',
    smoothness: 'Cinf',
    saturation: 'negative',
    sparse: false,
  }),
  kernel: ({ beta }) => {
    const inverse = 1 / beta;
    return {
      f: (x) => f(x, beta, inverse),
      df: (x) => df(x, beta),
      forward(xs, out) {
        for (let i = 0; i < xs.length; i++) out[i] = f(xs[i], beta, inverse);
      },
      backward(xs, dy, dx) {
        for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * df(xs[i], beta);
      },
    };
  },
});
