// Swish x·σ(βx): SiLU with a slope β in the gate. β = 0 gives x/2, β → ∞ approaches ReLU.

import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';
import type { Param } from './types.ts';

/** x·σ(βx); x is made finite in the gate so that β = 0 gives 0, not ∞·0. */
function f(x: number, beta: number): number {
  return fp.gated(x, beta * fp.finite(x));
}

/** σ(u)(1 + u·σ(−u)) with u = βx. */
function df(x: number, beta: number): number {
  return fp.swishSlope(beta * fp.finite(x));
}

const params: Param[] = [{ name: 'beta', tex: '\\beta', default: 1, min: 0, max: 10, step: 0.1 }];

/** The minimum of x·σ(x) (at x ≈ −1.2785); Swish-β's is this divided by β. */
const SILU_MIN = -0.2784645427610738;

/** x·σ(βx). */
export const swish = defineScalar({
  id: 'swish',
  name: 'Swish',
  aliases: ['swish-β'],
  family: 'smooth',
  params,
  tex: {
    f: 'x\\,\\sigma(\\beta x)',
    df: '\\sigma(\\beta x)\\left(1 + \\beta x\\,(1 - \\sigma(\\beta x))\\right)',
  },
  defaults: {
    pytorch: 'nn.SiLU()  # β = 1 only',
    keras: 'keras.activations.swish(x)  # β = 1 only',
    note: 'Neither library has a β; with β = 1 Swish is SiLU. The paper also tried a trainable β.',
  },
  citation: {
    authors: ['P. Ramachandran', 'B. Zoph', 'Q. V. Le'],
    title: 'Searching for Activation Functions',
    venue: 'ICLR 2018 Workshop track',
    year: 2017,
    arxiv: '1710.05941',
  },
  year: 2017,
  notes:
    'Smooth, no kink convention. The minimum is −0.27846/β at x ≈ −1.2785/β. For β other than a power of two βx rounds, which far left shows as a relative error of about |βx| ulps (the condition number).',
  properties: ({ beta }) => ({
    range:
      beta > 0
        ? range(SILU_MIN / beta, true, Number.POSITIVE_INFINITY, false)
        : range(Number.NEGATIVE_INFINITY, false, Number.POSITIVE_INFINITY, false),
    zeroCentred: beta === 0,
    monotonic: beta > 0 ? 'none' : 'strict',
    smoothness: 'Cinf',
    saturation: beta > 0 ? 'negative' : 'none',
    sparse: false,
  }),
  kernel: ({ beta }) => ({
    f: (x) => f(x, beta),
    df: (x) => df(x, beta),
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) out[i] = f(xs[i], beta);
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * df(xs[i], beta);
    },
  }),
});
