// PReLU: leaky ReLU whose negative slope a is learned (one per channel, or one shared).
// As a catalogue function the slope is a parameter like any other; the training engine
// (src/lib/nn) holds it as a weight because `learnable` is set.

import * as pw from './piecewise.ts';
import { defineScalar } from './scalar.ts';
import type { Param } from './types.ts';

const params: Param[] = [
  { name: 'alpha', tex: 'a', default: 0.25, min: -1, max: 1, step: 0.01, learnable: true },
];

/** x for x > 0, a·x otherwise, a learned (initial value 0.25, as in PyTorch). */
export const prelu = defineScalar({
  id: 'prelu',
  name: 'PReLU',
  aliases: ['parametric ReLU'],
  family: 'rectifier',
  params,
  tex: {
    f: '\\begin{cases} x & x > 0 \\\\ a x & x \\le 0 \\end{cases}',
    df: '\\frac{\\partial f}{\\partial x} = \\begin{cases} 1 & x > 0 \\\\ a & x \\le 0 \\end{cases}, \\quad \\frac{\\partial f}{\\partial a} = \\min(x, 0)',
  },
  defaults: {
    pytorch: 'nn.PReLU(num_parameters=1, init=0.25)',
    keras: "keras.layers.PReLU(alpha_initializer='zeros')",
    note: 'PyTorch starts the slope at 0.25, Keras at 0 (a plain ReLU); PyTorch advises no weight decay on a.',
  },
  citation: {
    authors: ['K. He', 'X. Zhang', 'S. Ren', 'J. Sun'],
    title:
      'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification',
    venue: 'ICCV 2015, pp. 1026–1034',
    year: 2015,
    arxiv: '1502.01852',
  },
  year: 2015,
  notes:
    'f′(0) = a, as in PyTorch. The slope may be learned negative, which makes f non-monotonic (the slider allows −1 to 1). The same paper introduced He (Kaiming) initialisation.',
  properties: ({ alpha }) => pw.leakyProperties(alpha),
  kernel: ({ alpha }) => {
    const floor = pw.leakyFloor(alpha);
    return {
      f: (x) => pw.leaky(x, alpha, floor),
      df: (x) => pw.leakySlope(x, alpha),
      forward(xs, out) {
        for (let i = 0; i < xs.length; i++) out[i] = pw.leaky(xs[i], alpha, floor);
      },
      backward(xs, dy, dx) {
        for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * pw.leakySlope(xs[i], alpha);
      },
    };
  },
});
