// GELU, the Gaussian error linear unit: x·Φ(x), exact (erfc, not the tanh approximation).
// Φ(x) = erfc(−x/√2)/2 keeps its relative accuracy far left, where 1 + erf(x/√2) is 0
// from x ≈ −8.3 on (true gelu(−10) = −7.6e−23). Three further errors are corrected:
//  • z = −x/√2 rounds, and erfc amplifies the relative error of z by about 2z²: z's exact
//    error d (Dekker's product plus the error of the constant 1/√2) is put back through
//    erfc(z + d) ≈ erfc(z)·(1 − R(z)·d), R = −erfc′/erfc ≈ 2z + 1/(z + √π/2);
//  • φ(x) = e^{−x²/2}/√(2π): x² rounds, and exp amplifies its error by x²/2, so x² is
//    split exactly (x² = p + e) and e^{−x²/2} = e^{−p/2}·(1 − e/2);
//  • below x = −33 (Φ(x) becomes subnormal below −37.5), x·Φ(x) = −φ(x)·S(1/x²) with Mills'
//    ratio series S(w) = 1 − w + 3w² − 15w³ + …, and f′ = φ(x)·(x − S/x).

import erfc from '@stdlib/math-base-special-erfc';
import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';

const SQRT1_2 = Math.SQRT1_2;
/** 1/√2 − SQRT1_2. */
const SQRT1_2_LO = -4.833646656726457e-17;
/** 1/√(2π) and its rounding error. */
const INV_SQRT_2PI = 0.3989422804014327;
const INV_SQRT_2PI_LO = -2.49232720227773e-17;
/** √π/2, in R(z) ≈ 2z + 1/(z + √π/2) (exact at z = 0 and as z → ∞, within 0.12 between). */
const HALF_SQRT_PI = 0.886226925452758;

/** Mills' ratio series: |x|·Φ(x)/φ(x) for x ≤ −33, w = 1/x² (the next term is below 1e−20). */
function mills(w: number): number {
  return (
    1 +
    w *
      (-1 +
        w *
          (3 +
            w *
              (-15 +
                w *
                  (105 +
                    w * (-945 + w * (10395 + w * (-135135 + w * (2027025 + w * -34459425))))))))
  );
}

/**
 * a·e^{−x²/2} for x² = p + e exactly (|e| ≤ ulp(p)/2): a·(1 − e/2)·e^{−p/2}. When e^{−p/2} is
 * subnormal (p > 1416.8) it is applied as e^{−p/4} twice, so the result rounds to the
 * subnormal grid once, after the correction.
 */
function timesGaussian(a: number, p: number, e: number): number {
  const c = a - a * (0.5 * e);
  if (p < 1416) return c * Math.exp(-0.5 * p);
  const h = Math.exp(-0.25 * p);
  return c * h * h;
}

function f(x: number): number {
  if (!(x < 0)) return x * (0.5 * erfc(-x * SQRT1_2)); // also +∞ and NaN
  if (x >= -33) {
    const t = -x;
    const z = t * SQRT1_2;
    const d = fp.productError(t, SQRT1_2, z) + t * SQRT1_2_LO;
    const p = 0.5 * erfc(z);
    return x * (p - p * ((2 * z + 1 / (z + HALF_SQRT_PI)) * d));
  }
  if (x < -40) return -0; // |gelu(x)| < 1e−323 from x ≈ −38.6 on (and x = −∞)
  const p = x * x;
  return -timesGaussian(INV_SQRT_2PI * mills(1 / p), p, fp.squareError(x, p));
}

/** The root of f′ (x ≈ −0.7518, the minimum of f) as a double-double, for `nearRoot`. */
const ROOT = -0.7517915246935645;
const ROOT_LO = 1.4956759177009883e-17;

function df(x: number): number {
  const r = x - ROOT - ROOT_LO;
  if (fp.inRootWindow(r)) {
    return fp.nearRoot(r, 0.4314939923140469, 0.388284982990552, -0.018199676398671087);
  }
  if (!(x < 0)) {
    const c = Math.min(x, 40); // f′(x) rounds to 1 long before; keeps x² finite
    return 0.5 * erfc(-c * SQRT1_2) + c * (INV_SQRT_2PI * Math.exp(-0.5 * c * c));
  }
  if (x < -40) return 0;
  const p = x * x;
  const e = fp.squareError(x, p);
  if (x >= -33) {
    const t = -x;
    const z = t * SQRT1_2;
    const d = fp.productError(t, SQRT1_2, z) + t * SQRT1_2_LO;
    // x·φ(x) = (m + mLo)·e^{−p/2}·(1 − e/2) with m + mLo = x/√(2π) exactly, so that the
    // large term x·φ rounds once (f′ = Φ + xφ cancels by up to 1.5 here).
    const m = x * INV_SQRT_2PI;
    const mLo = fp.productError(x, INV_SQRT_2PI, m) + x * INV_SQRT_2PI_LO;
    const g = Math.exp(-0.5 * p);
    const xphi = m * g;
    // Φ(x) = erfc(z + d)/2 = erfc(z)/2 − (e^{−z²}/√π)·d, and e^{−z²}/√π = √2·φ(x).
    const cdf = 0.5 * erfc(z);
    const small = (mLo - m * (0.5 * e)) * g - Math.SQRT2 * INV_SQRT_2PI * g * d;
    return cdf + xphi + small;
  }
  return timesGaussian(INV_SQRT_2PI * (x - mills(1 / p) / x), p, e);
}

/** x·Φ(x), Φ the standard normal CDF; f′(x) = Φ(x) + x·φ(x). */
export const gelu = defineScalar({
  id: 'gelu',
  name: 'GELU',
  aliases: ['Gaussian error linear unit'],
  family: 'smooth',
  params: [],
  tex: {
    f: 'x\\,\\Phi(x) = \\frac{x}{2}\\left(1 + \\operatorname{erf}\\frac{x}{\\sqrt2}\\right)',
    df: '\\Phi(x) + x\\,\\varphi(x), \\quad \\varphi(x) = \\frac{e^{-x^2/2}}{\\sqrt{2\\pi}}',
  },
  defaults: {
    pytorch: "nn.GELU(approximate='none')",
    keras: 'keras.activations.gelu(x, approximate=False)',
    note: "keras.ops.gelu defaults to approximate=True (the tanh form, id 'gelu-tanh').",
  },
  citation: {
    authors: ['D. Hendrycks', 'K. Gimpel'],
    title: 'Gaussian Error Linear Units (GELUs)',
    venue: 'arXiv preprint',
    year: 2016,
    arxiv: '1606.08415',
  },
  year: 2016,
  notes:
    'Smooth, so no kink convention. Not monotonic: the minimum −0.16997 is at x ≈ −0.7518, where f′ changes sign. PyTorch’s float64 exact GELU returns ±0 below x ≈ −8.3; this one is accurate down to the underflow at x ≈ −38.6.',
  properties: () => ({
    range: range(-0.16997120747990366, true, Number.POSITIVE_INFINITY, false),
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
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * df(xs[i]);
    },
  }),
});
