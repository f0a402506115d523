// Mish: x·tanh(softplus(x)). With a = e^−|x| the gate is rational in a, so one exp serves
// f and f′, with no cancellation:
//   x < 0 (a = e^x):   tanh(softplus(x)) = n/(n + 2),       n = a(a + 2)
//   x ≥ 0 (a = e^−x):  tanh(softplus(x)) = (1 + 2a)/(1 + 2a + 2a²)
// Below x = −708 (e^x subnormal) f = x·e^x and f′ = (1 + x)·e^x, each rounded once.

import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';
import type { FloatArray } from './types.ts';

function f(x: number): number {
  if (x < -708) return fp.timesTinyExp(x, x);
  const a = Math.exp(-Math.abs(x));
  const p = +(x >= 0);
  const n = p * (1 + 2 * a) + (1 - p) * (a * (a + 2));
  const q = p * (2 * a * a) + (1 - p) * 2;
  return x * (n / (n + q));
}

/** The root of f′ (x ≈ −1.1924, the minimum of f) as a double-double, for `nearRoot`. */
const ROOT = -1.1924312145154952;
const ROOT_LO = -4.8484829848031044e-17;

/**
 * dx[i] = dy[i]·f′(xs[i]), f′ = tanh(sp) + x·sech²(sp)·σ(x), sp = softplus(x), as one fraction
 * per sign of x, both computed and blended without a branch:
 *   x ≥ 0 (a = e^−x):  (n + 4x·a²(1 + a)/E)/E,  n = 1 + 2a,  E = n + 2a²  (all positive)
 *   x < 0 (a = e^x):   a·B/D²,  B = 4(1 + x) + a(6 + 4x + a(4 + a)),  D = 2 + a(2 + a)
 * B cancels only at the root of f′ (where the Taylor series takes over); B and D carry their
 * rounding errors (two-sums, two-products), so that only a·B/D/D rounds: about 2 ulps.
 * The loop is the definition (the scalar f′ runs it on one element): as a function called
 * per element, the computation would exceed V8's inlining budget.
 */
function slopes(xs: FloatArray, dy: FloatArray, dx: FloatArray): void {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const r = x - ROOT - ROOT_LO;
    let slope: number;
    if (x < -708) slope = fp.timesTinyExp(1 + x, x);
    else if (x > 50)
      slope = 1; // 1 + O(x·e^−2x) rounds to 1 (and keeps ∞·0 out)
    else if (fp.inRootWindow(r)) {
      slope = fp.nearRoot(r, 0.2669479140495345, 0.20473126408010586, 0.04190782104360987);
    } else {
      const a = Math.exp(-Math.abs(x));
      const p = +(x >= 0);
      const n = 1 + 2 * a;
      const en = n + 2 * a * a;
      const right = (n + (4 * x * (a * a * (1 + a))) / en) / en;
      const y = 1 + x;
      const ye = fp.sumError(1, x, y);
      const w = 4 + a;
      const q = a * w;
      const qe = fp.productError(a, w, q) + a * (a - (w - 4));
      const x4 = 4 * x;
      const s6 = 6 + x4;
      const k = s6 + q;
      const ke = fp.sumError(s6, q, k) + fp.sumError(6, x4, s6) + qe;
      const ak = a * k;
      const y4 = 4 * y;
      const b = y4 + ak;
      const be = fp.sumError(y4, ak, b) + fp.productError(a, k, ak) + a * ke + 4 * ye;
      const u = 2 + a;
      const m = a * u;
      const d = 2 + m;
      const de = fp.sumError(2, m, d) + fp.productError(a, u, m) + a * (a - (u - 2));
      const t = (a * b) / d / d;
      const left = t + t * (be / b - (2 * de) / d);
      slope = p * right + (1 - p) * left;
    }
    dx[i] = dy[i] * slope;
  }
}

const one = new Float64Array(1);
const result = new Float64Array(1);
const unit = Float64Array.of(1);

function df(x: number): number {
  one[0] = x;
  slopes(one, unit, result);
  return result[0];
}

/** x·tanh(softplus(x)). */
export const mish = defineScalar({
  id: 'mish',
  name: 'Mish',
  aliases: [],
  family: 'smooth',
  params: [],
  tex: {
    f: 'x \\tanh\\left(\\operatorname{softplus}(x)\\right) = x \\tanh\\left(\\log(1 + e^{x})\\right)',
    df: '\\tanh(\\operatorname{sp}(x)) + x\\,\\operatorname{sech}^2(\\operatorname{sp}(x))\\,\\sigma(x)',
  },
  defaults: { pytorch: 'nn.Mish()', keras: 'keras.activations.mish(x)' },
  citation: {
    authors: ['D. Misra'],
    title: 'Mish: A Self Regularized Non-Monotonic Activation Function',
    venue: 'BMVC 2020',
    year: 2020,
    arxiv: '1908.08681',
  },
  year: 2019,
  notes:
    'Smooth, no kink convention. Minimum −0.30884 at x ≈ −1.1924. PyTorch computes x·tanh(log1p(exp(x))); here one exp serves f and f′, and the tail below x = −708 keeps its precision.',
  properties: () => ({
    range: range(-0.30884341301725043, true, Number.POSITIVE_INFINITY, false),
    zeroCentred: false,
    monotonic: 'none',
    smoothness: 'Cinf',
    saturation: 'negative',
    sparse: false,
  }),
  kernel: () => ({
    f,
    df,
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) out[i] = f(xs[i]);
    },
    backward: slopes,
  }),
});
