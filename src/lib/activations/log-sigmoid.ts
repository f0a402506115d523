// log σ(x) = −softplus(−x), the log-probability a logistic unit assigns to its class.
// f = min(x, 0) − log1p(e^−|x|) (PyTorch's stable form), written as
// −(log1p(e^−|x|) − x·[x < 0]) so that it needs no branch and is −0, not +0, once e^−x
// underflows.

import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';

function f(x: number): number {
  return -(Math.log1p(Math.exp(-Math.abs(x))) - fp.finiteAbove(x) * +(x < 0));
}

/** σ(−x) = 1 − σ(x), without the cancellation. */
function df(x: number): number {
  return fp.logistic(-x);
}

/** log σ(x); f'(x) = σ(−x). */
export const logSigmoid = defineScalar({
  id: 'log-sigmoid',
  name: 'Log-sigmoid',
  aliases: ['logsigmoid', 'log σ'],
  family: 'sigmoidal',
  params: [],
  tex: {
    f: '\\log \\sigma(x) = -\\log\\left(1 + e^{-x}\\right)',
    df: '\\sigma(-x) = 1 - \\sigma(x)',
  },
  defaults: {
    pytorch: 'nn.LogSigmoid()',
    keras: 'keras.activations.log_sigmoid(x)',
  },
  citation: null,
  year: 1986,
  notes:
    'Not an activation from a paper of its own: the log-likelihood of a logistic unit, used inside losses (binary cross-entropy with logits). The year is that of the sigmoid. f(x) ≈ x far left and ≈ −e^−x far right, which underflows to −0 only beyond x ≈ 745.',
  properties: () => ({
    range: range(Number.NEGATIVE_INFINITY, false, 0, false),
    zeroCentred: false,
    monotonic: 'strict',
    smoothness: 'Cinf',
    saturation: 'positive',
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
