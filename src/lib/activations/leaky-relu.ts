// Leaky ReLU: x for x > 0, α·x otherwise, so negative inputs keep a small gradient.

import * as pw from './piecewise.ts';
import { defineScalar } from './scalar.ts';
import type { Param } from './types.ts';

const params: Param[] = [
  { name: 'alpha', tex: '\\alpha', default: 0.01, min: 0, max: 1, step: 0.01 },
];

/** x for x > 0, α·x otherwise (α = 0.01, PyTorch's default). */
export const leakyRelu = defineScalar({
  id: 'leaky-relu',
  name: 'Leaky ReLU',
  aliases: ['LReLU', 'leaky rectifier'],
  family: 'rectifier',
  params,
  tex: {
    f: '\\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}',
    df: '\\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}',
  },
  defaults: {
    pytorch: 'nn.LeakyReLU(negative_slope=0.01)',
    keras: 'keras.layers.LeakyReLU(negative_slope=0.3)',
    note: 'Three defaults: PyTorch 0.01, the Keras layer 0.3 (tf.keras 2.x: alpha=0.3), keras.activations.leaky_relu(x, negative_slope=0.2).',
  },
  citation: {
    authors: ['A. L. Maas', 'A. Y. Hannun', 'A. Y. Ng'],
    title: 'Rectifier Nonlinearities Improve Neural Network Acoustic Models',
    venue:
      'ICML 2013 (Proceedings vol. 30), Workshop on Deep Learning for Audio, Speech and Language Processing',
    year: 2013,
  },
  year: 2013,
  notes:
    'f′(0) = α, as in PyTorch (its backward tests x > 0). Citation: title, authors and “Proc. ICML 2013, vol. 30” checked (TensorFlow and MathWorks references); the workshop and the paper’s slope 0.01 are from memory.',
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
