// GELU's tanh approximation (BERT's and GPT-2's "gelu_new"): ½x(1 + tanh(k0(x + k1x³)))
// = x·σ(v), v = 2k0(x + k1x³), with PyTorch's constants k0 = √(2/π) (rounded) and
// k1 = 0.044715. Written with σ, the left tail stays accurate: 1 + tanh(u) cancels to 0
// from u ≈ −19 on, while x·σ(v) is accurate down to the underflow.

import * as fp from './float64.ts';
import { defineScalar, range } from './scalar.ts';
import type { FloatArray } from './types.ts';

/** 2k0 with k0 = 0.7978845608028654 (exact doubling). */
const A = 1.5957691216057308;
/** 2k0·k1 with k1 = 0.044715, as a double-double (the exact product of the two doubles). */
const B = 0.07135481627260025;
const B_LO = fp.productError(A, 0.044715, B);

/*
 * The gate's argument v = 2k0(x + k1x³) = A·x + B·x³ and g = x·v′ = A·x + 3B·x³ are each
 * carried as a double plus its rounding error (two-products and two-sums): far left the
 * derivative amplifies v's error by |v| where it is not ill-conditioned. x is clamped to
 * ±1e4 first (σ(v) is exactly 0 or 1 beyond), which keeps x³ finite. Both loops compute
 * v inline: as a function it would exceed V8's inlining budget together with its
 * two-products, and a call per element (with boxed arguments) costs a third of the time.
 */

/** out[i] = f(xs[i]): the loop is the definition; the scalar f runs it on one element. */
function values(xs: FloatArray, out: FloatArray): void {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const c = Math.min(Math.max(x, -1e4), 1e4);
    const p2 = c * c;
    const x3 = c * p2;
    const x3e = fp.productError(c, p2, x3) + c * fp.productError(c, c, p2);
    const t = B * x3;
    const te = fp.productError(B, x3, t) + B * x3e + B_LO * x3;
    const a = A * c;
    const ae = fp.productError(A, c, a);
    const v = a + t;
    const vLo = fp.sumError(a, t, v) + ae + te;
    if (v < -708) {
      out[i] = fp.timesTinyExp(x + x * vLo, v);
    } else {
      // σ(v + vLo) = σ(v) + σ(v)σ(−v)·vLo
      const s = fp.logistic(v);
      out[i] = x * (s + s * (1 - s) * vLo);
    }
  }
}

/** The root of f′ (x ≈ −0.7525, the minimum of f) as a double-double, for `nearRoot`. */
const ROOT = -0.7524614220710162;
const ROOT_LO = -3.473691681308185e-17;

/**
 * dx[i] = dy[i]·f′(xs[i]), f′ = σ(v)·(1 + g·σ(−v)) over (1 + e)², e = e^−|v| (see `gatedSlope`
 * in float64.ts), with v's and g's errors put back: e·(1 ∓ vLo), w = 1 + g + gLo.
 */
function slopes(xs: FloatArray, dy: FloatArray, dx: FloatArray): void {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const r = x - ROOT - ROOT_LO;
    let d: number;
    if (fp.inRootWindow(r)) {
      d = fp.nearRoot(r, 0.43040009102485854, 0.38751844613578895, -0.015782853521848016);
    } else {
      const c = Math.min(Math.max(x, -1e4), 1e4);
      const p2 = c * c;
      const x3 = c * p2;
      const x3e = fp.productError(c, p2, x3) + c * fp.productError(c, c, p2);
      const t = B * x3;
      const te = fp.productError(B, x3, t) + B * x3e + B_LO * x3;
      const a = A * c;
      const ae = fp.productError(A, c, a);
      const v = a + t;
      const vLo = fp.sumError(a, t, v) + ae + te;
      const t3 = 3 * t;
      const g = a + t3;
      const gLo = fp.sumError(a, t3, g) + fp.productError(3, t, t3) + 3 * te + ae;
      const w0 = 1 + g;
      const w = w0 + (fp.sumError(1, g, w0) + gLo);
      if (v < -708) d = fp.timesTinyExp(w + w * vLo, v);
      else if (v > 50) d = 1;
      else {
        const p = +(v >= 0);
        const e0 = Math.exp(-Math.abs(v));
        const e = e0 - e0 * ((2 * p - 1) * vLo);
        d = fp.overOnePlusSquared(p * (1 + e * w) + (1 - p) * (e * (w + e)), e);
      }
    }
    dx[i] = dy[i] * d;
  }
}

const one = new Float64Array(1);
const result = new Float64Array(1);
const unit = Float64Array.of(1);

function f(x: number): number {
  one[0] = x;
  values(one, result);
  return result[0];
}

function df(x: number): number {
  one[0] = x;
  slopes(one, unit, result);
  return result[0];
}

/** ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
export const geluTanh = defineScalar({
  id: 'gelu-tanh',
  name: 'GELU (tanh approximation)',
  aliases: ['gelu_new', 'approximate GELU', 'GELU-tanh'],
  family: 'smooth',
  params: [],
  tex: {
    f: '\\frac{x}{2}\\left(1 + \\tanh u\\right), \\; u = \\sqrt{2/\\pi}\\left(x + 0.044715\\,x^3\\right)',
    df: '\\frac12\\left(1 + \\tanh u\\right) + \\frac{x}{2}\\left(1 - \\tanh^2 u\\right) \\sqrt{2/\\pi}\\left(1 + 0.134145\\,x^2\\right)',
  },
  defaults: {
    pytorch: "nn.GELU(approximate='tanh')",
    keras: 'keras.ops.gelu(x)  # approximate=True by default',
    note: "keras.activations.gelu defaults to approximate=False (the exact form, id 'gelu').",
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
    'Smooth, no kink convention. Within about 5e−4 of the exact GELU. Far left the cubic makes f ill-conditioned (condition number ≈ 3|u|): a relative change of x moves f by thousands of ulps near x = −20.',
  properties: () => ({
    range: range(-0.17004075057125403, true, Number.POSITIVE_INFINITY, false),
    zeroCentred: false,
    monotonic: 'none',
    smoothness: 'Cinf',
    saturation: 'negative',
    sparse: false,
  }),
  kernel: () => ({ f, df, forward: values, backward: slopes }),
});
