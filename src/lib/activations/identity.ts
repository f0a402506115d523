// The identity (linear) activation: f(x) = x. A network whose every activation is the
// identity collapses to one linear map, which is why the course starts with it.

import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';

function f(x: number): number {
  return x;
}

function df(x: number): number {
  return fp.nanOr(x, 1);
}

/** f(x) = x; f'(x) = 1. */
export const identity = defineScalar({
  id: 'identity',
  name: 'Identity',
  aliases: ['linear'],
  family: 'linear',
  params: [],
  tex: { f: 'x', df: '1' },
  defaults: {
    pytorch: 'nn.Identity()',
    keras: "keras.activations.linear(x)  # activation='linear'",
  },
  citation: {
    authors: ['B. Widrow', 'M. E. Hoff'],
    title: 'Adaptive switching circuits',
    venue: 'IRE WESCON Convention Record, part 4',
    year: 1960,
  },
  year: 1960,
  notes:
    'The adaptive linear neuron (ADALINE) of the citation trains a plain weighted sum, the identity activation, by least mean squares. Stacked identity layers collapse to one linear map.',
  properties: () => ({
    range: range(Number.NEGATIVE_INFINITY, false, Number.POSITIVE_INFINITY, false),
    zeroCentred: true,
    monotonic: 'strict',
    smoothness: 'Cinf',
    saturation: 'none',
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
