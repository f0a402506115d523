// Hard swish x·relu6(x + 3)/6 (MobileNetV3's h-swish): swish with its sigmoid replaced by
// the hard sigmoid. Computed as x·hardsigmoid(x) with the correctly rounded hard sigmoid:
// no overflow at x = 1.7e308 (x·relu6(x + 3) would be 6x), and x exactly for x ≥ 3.

import * as fp from './float64.ts';
import * as pw from './piecewise.ts';
import { defineScalar, range } from './scalar.ts';

function f(x: number): number {
  return fp.finiteBelow(x) * pw.hardSigmoidValue(x);
}

/**
 * PyTorch's hardswish_backward: 0 for x < −3, x/3 + 1/2 for −3 ≤ x ≤ 3, 1 for x > 3. The
 * middle piece as (x + 3/2)/3: x + 3/2 is exact for x in [−3, −3/4] (Sterbenz), so f′ is
 * correctly rounded around its root −3/2, and within an ulp elsewhere.
 */
function df(x: number): number {
  const top = +(x > 3);
  const inside = +(x >= -3) - top;
  return fp.nanOr(x, inside * ((fp.finite(x) + 1.5) / 3) + top);
}

/** x·relu6(x + 3)/6. */
export const hardSwish = defineScalar({
  id: 'hard-swish',
  name: 'Hard swish',
  aliases: ['hardswish', 'h-swish', 'hard SiLU'],
  family: 'hard',
  params: [],
  tex: {
    f: 'x\\,\\frac{\\operatorname{ReLU6}(x + 3)}{6}',
    df: '\\begin{cases} 0 & x < -3 \\\\ \\frac{2x + 3}{6} & -3 \\le x \\le 3 \\\\ 1 & x > 3 \\end{cases}',
  },
  defaults: {
    pytorch: 'nn.Hardswish()',
    keras: 'keras.activations.hard_silu(x)  # alias hard_swish',
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
    'f′ follows PyTorch, which takes the inner piece on the closed interval: f′(−3) = −1/2 (the one-sided limits are 0 and −1/2) and f′(3) = 3/2 (limits 3/2 and 1). MobileNetV3 uses it only in the deeper half of the network.',
  properties: () => ({
    range: range(-0.375, true, Number.POSITIVE_INFINITY, false),
    zeroCentred: false,
    monotonic: 'none',
    smoothness: 'C0',
    saturation: 'negative',
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
