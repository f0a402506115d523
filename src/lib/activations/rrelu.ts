// RReLU, the randomised leaky ReLU: in training each non-positive input gets its own slope
// a ~ U(lower, upper), sampled from the supplied generator; at evaluation the slope is the
// mean (lower + upper)/2, so f and f′ are those of a leaky ReLU.

import * as pw from './piecewise.ts';
import { defineScalar } from './scalar.ts';
import type { Param } from './types.ts';

const params: Param[] = [
  { name: 'lower', tex: 'l', default: 1 / 8, min: 0, max: 1, step: 0.005 },
  { name: 'upper', tex: 'u', default: 1 / 3, min: 0, max: 1, step: 0.005 },
];

/** x for x > 0, a·x otherwise; a ~ U(lower, upper) in training, (lower + upper)/2 at evaluation. */
export const rrelu = defineScalar({
  id: 'rrelu',
  name: 'RReLU',
  aliases: ['randomized leaky ReLU'],
  family: 'rectifier',
  params,
  tex: {
    f: '\\begin{cases} x & x > 0 \\\\ a x & x \\le 0 \\end{cases}, \\quad a \\sim \\mathcal{U}(l, u) \\text{ in training}, \\; a = \\tfrac{l + u}{2} \\text{ at evaluation}',
    df: '\\begin{cases} 1 & x > 0 \\\\ a & x \\le 0 \\end{cases}',
  },
  defaults: {
    pytorch: 'nn.RReLU(lower=1/8, upper=1/3)',
    note: 'No Keras built-in. PyTorch’s evaluation slope is (1/8 + 1/3)/2 = 11/48 ≈ 0.229.',
  },
  citation: {
    authors: ['B. Xu', 'N. Wang', 'T. Chen', 'M. Li'],
    title: 'Empirical Evaluation of Rectified Activations in Convolutional Network',
    venue: 'ICML 2015 Deep Learning Workshop',
    year: 2015,
    arxiv: '1505.00853',
  },
  year: 2015,
  notes:
    'f and f′ are the evaluation-mode function (slope (l + u)/2; f′(0) = that slope, as in PyTorch). forward({ training: true, source }) samples a slope per non-positive element, as PyTorch does, and keeps them for the next backward; this state belongs to the entry object, so a network with several RReLU layers should sample per layer (src/lib/nn does).',
  check(values) {
    if (!(values.lower <= values.upper)) {
      throw new RangeError(
        `rrelu: lower must not exceed upper, got lower = ${values.lower}, upper = ${values.upper}`,
      );
    }
  },
  properties: ({ lower, upper }) => pw.leakyProperties((lower + upper) / 2),
  kernel: ({ lower, upper }) => {
    const slope = (lower + upper) / 2;
    const floor = pw.leakyFloor(slope);
    const width = upper - lower;
    /** The slopes of the last training forward, one per element (1 where x > 0). */
    let noise = new Float64Array(0);
    let sampled = false;
    return {
      f: (x) => pw.leaky(x, slope, floor),
      df: (x) => pw.leakySlope(x, slope),
      forward(xs, out, options) {
        sampled = false;
        if (!options?.training) {
          for (let i = 0; i < xs.length; i++) out[i] = pw.leaky(xs[i], slope, floor);
          return;
        }
        const source = options.source;
        if (!source) throw new TypeError('rrelu: a training forward needs options.source');
        if (noise.length !== xs.length) noise = new Float64Array(xs.length);
        for (let i = 0; i < xs.length; i++) {
          const x = xs[i];
          const a = x <= 0 ? lower + width * source() : 1;
          noise[i] = a;
          out[i] = x * a;
        }
        sampled = true;
      },
      backward(xs, dy, dx) {
        if (!sampled) {
          for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * pw.leakySlope(xs[i], slope);
          return;
        }
        if (noise.length !== xs.length) {
          throw new RangeError(
            `rrelu: backward has ${xs.length} elements but the training forward had ${noise.length}`,
          );
        }
        for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * noise[i];
      },
    };
  },
});
