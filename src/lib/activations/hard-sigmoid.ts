// PyTorch's hard sigmoid relu6(x + 3)/6: the sigmoid replaced by three straight pieces
// (MobileNetV3's h-sigmoid). Correctly rounded: see `hardSigmoidValue` in piecewise.ts.

import * as fp from './float64.ts';
import * as pw from './piecewise.ts';
import { defineScalar, range } from './scalar.ts';

const f = pw.hardSigmoidValue;

/** 1/6 on (−3, 3), 0 elsewhere: PyTorch's hardsigmoid_backward is 0 at ±3. */
function df(x: number): number {
  return fp.nanOr(x, (+(x > -3) - +(x >= 3)) / 6);
}

/** relu6(x + 3)/6 = clamp(x/6 + 1/2, 0, 1). */
export const hardSigmoid = defineScalar({
  id: 'hard-sigmoid',
  name: 'Hard sigmoid',
  aliases: ['hardsigmoid', 'h-sigmoid'],
  family: 'hard',
  params: [],
  tex: {
    f: '\\frac{\\operatorname{ReLU6}(x + 3)}{6} = \\min\\!\\left(\\max\\!\\left(\\frac{x}{6} + \\frac12, 0\\right), 1\\right)',
    df: '\\begin{cases} \\frac16 & -3 < x < 3 \\\\ 0 & \\text{otherwise} \\end{cases}',
  },
  defaults: {
    pytorch: 'nn.Hardsigmoid()',
    keras: 'keras.activations.hard_sigmoid(x)',
    note: 'Keras 3 uses the same x/6 + 1/2; tf.keras up to 2.15 (and tfjs) used 0.2x + 0.5 clipped at ±2.5.',
  },
  citation: {
    authors: [
      'A. Howard',
      'M. Sandler',
      'G. Chu',
      'L.-C. Chen',
      'B. Chen',
      'M. Tan',
      'W. Wang',
      'Y. Zhu',
      'R. Pang',
      'V. Vasudevan',
      'Q. V. Le',
      'H. Adam',
    ],
    title: 'Searching for MobileNetV3',
    venue: 'ICCV 2019',
    year: 2019,
    arxiv: '1905.02244',
  },
  year: 2019,
  notes:
    'f′ follows PyTorch: 1/6 strictly between −3 and 3, 0 at ±3 and outside. The value is correctly rounded ((x + 3)/6 computed naively rounds twice).',
  properties: () => ({
    range: range(0, true, 1, true),
    zeroCentred: false,
    monotonic: 'weak',
    smoothness: 'C0',
    saturation: 'both',
    sparse: true,
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
