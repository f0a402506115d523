// The activation kernel benchmark (npm run bench): ns per element of every scalar entry's
// forward and backward over 1,000,000 inputs (normal, σ = 3, seeded), on Float64Array and
// Float32Array, each as a ratio to a bare typed-array loop over the same Math calls with the
// formula written inline, measured in the same run (warm-up first, median of repeats,
// kernel and bare loop interleaved). Target (DESIGN.md §7): every ratio ≥ 0.8.
//
//   node bench/activations.ts            # all entries
//   node bench/activations.ts gelu relu  # some entries
//   BENCH_REPEATS=15 node bench/activations.ts

import erfc from '@stdlib/math-base-special-erfc';
import {
  gatedSlope,
  overOnePlusSquared,
  productError,
  sumError,
  timesTinyExp,
} from '../src/lib/activations/float64.ts';
import { activationIds, activations } from '../src/lib/activations/index.ts';
import type { FloatArray } from '../src/lib/activations/types.ts';
import { randomNormal, seeded } from '../src/lib/random/index.ts';

type Loop = (xs: FloatArray, out: FloatArray) => void;
type BackLoop = (xs: FloatArray, dy: FloatArray, dx: FloatArray) => void;

const N = 1_000_000;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 9);

// Constants of the entries, repeated here (module-local: an imported constant is not hoisted
// out of a loop by V8, which would slow the bare loops down, not the kernel).
const MAX = Number.MAX_VALUE;
const SELU_L = 1.0507009873554805;
const SELU_LA = 1.7580993408473768;
const SQRT1_2 = Math.SQRT1_2;
const SQRT1_2_LO = -4.833646656726457e-17;
const INV_SQRT_2PI = 0.3989422804014327;
const INV_SQRT_2PI_LO = -2.49232720227773e-17;
const HALF_SQRT_PI = 0.886226925452758;
const GT_A = 1.5957691216057308;
const GT_B = 0.07135481627260025;
const GT_B_LO = productError(GT_A, 0.044715, GT_B);

/** Mills' series as in gelu.ts (only reached below x = −33). */
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
 * Bare loops: the same arithmetic as each entry, inline in a plain loop (shared
 * error-free helpers from float64.ts are called as they are in the entries; V8 inlines
 * them). Parameterised entries are closures over their default values, as the kernel's are.
 */
const bare: Record<string, { forward: Loop; backward: BackLoop }> = {
  identity: {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) out[i] = xs[i];
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * (1 + 0 * Math.min(Math.abs(xs[i]), MAX));
    },
  },
  sigmoid: {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const u = xs[i];
        if (u > 0) {
          const e = Math.exp(-u);
          out[i] = 1 - e / (1 + e);
        } else out[i] = u > -708 ? 1 / (1 + Math.exp(-u)) : Math.exp(u);
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const e = Math.exp(-Math.abs(xs[i]));
        const q = 1 + e;
        const l = e - (q - 1);
        const t = e / q / q;
        dx[i] = dy[i] * (t - t * ((2 * l) / q));
      }
    },
  },
  tanh: {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) out[i] = Math.tanh(xs[i]);
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const a = Math.abs(xs[i]);
        let d: number;
        if (a > 350) {
          const h = Math.exp(-a);
          d = 4 * h * h;
        } else {
          const e = Math.exp(-2 * a);
          const q = 1 + e;
          const l = e - (q - 1);
          const t = (4 * e) / q / q;
          d = t - t * ((2 * l) / q);
        }
        dx[i] = dy[i] * d;
      }
    },
  },
  softsign: {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const a = Math.abs(x);
        out[i] = a === Number.POSITIVE_INFINITY ? Math.sign(x) : x / (1 + a);
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const a = Math.min(Math.abs(xs[i]), 1e300);
        const q = 1 + a;
        const l = sumError(1, a, q);
        const t = 1 / q / q;
        dx[i] = dy[i] * (t - t * ((2 * l) / q));
      }
    },
  },
  'hard-sigmoid': {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const hi = +(x >= 3);
        const c = Math.min(Math.max(x, -MAX), MAX) * (+(x > -3) - hi) + 3 * hi - 3 * +(x <= -3);
        const y = c / 6 + 0.5;
        const w = y - 0.5;
        out[i] = y + (c - 4 * w - 2 * w) / 6;
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        dx[i] = dy[i] * ((+(x > -3) - +(x >= 3)) / 6 + 0 * Math.min(Math.abs(x), MAX));
      }
    },
  },
  'hard-tanh': ((t: Float64Array, lo: number, hi: number) => ({
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        t[0] = x;
        out[i] = t[+(x <= t[1]) + 2 * +(x >= t[2])];
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        dx[i] = dy[i] * (+(x > lo) - +(x >= hi) + 0 * Math.min(Math.abs(x), MAX));
      }
    },
  }))(Float64Array.of(0, -1, 1), -1, 1),
  'log-sigmoid': {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        out[i] = -(Math.log1p(Math.exp(-Math.abs(x))) - Math.min(x, MAX) * +(x < 0));
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const e = Math.exp(Math.min(-xs[i], 709));
        dx[i] = dy[i] * (e / (1 + e));
      }
    },
  },
  relu: {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        out[i] = Math.max(x, -MAX) * +(x > 0) + 0;
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        dx[i] = dy[i] * (+(x > 0) + 0 * Math.min(Math.abs(x), MAX));
      }
    },
  },
  'leaky-relu': ((alpha: number) => ({
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const m = +(x > 0);
        out[i] = Math.max(x, Number.NEGATIVE_INFINITY) * (m + (1 - m) * alpha);
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const m = +(x > 0);
        dx[i] = dy[i] * (m + (1 - m) * alpha + 0 * Math.min(Math.abs(x), MAX));
      }
    },
  }))(activations['leaky-relu'].values.alpha),
  prelu: ((alpha: number) => ({
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const m = +(x > 0);
        out[i] = Math.max(x, Number.NEGATIVE_INFINITY) * (m + (1 - m) * alpha);
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const m = +(x > 0);
        dx[i] = dy[i] * (m + (1 - m) * alpha + 0 * Math.min(Math.abs(x), MAX));
      }
    },
  }))(activations.prelu.values.alpha),
  rrelu: ((slope: number) => ({
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const m = +(x > 0);
        out[i] = Math.max(x, Number.NEGATIVE_INFINITY) * (m + (1 - m) * slope);
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const m = +(x > 0);
        dx[i] = dy[i] * (m + (1 - m) * slope + 0 * Math.min(Math.abs(x), MAX));
      }
    },
  }))((activations.rrelu.values.lower + activations.rrelu.values.upper) / 2),
  relu6: {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const top = +(x >= 6);
        out[i] = Math.min(Math.max(x, -MAX), MAX) * (+(x > 0) - top) + 6 * top;
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        dx[i] = dy[i] * (+(x > 0) - +(x >= 6) + 0 * Math.min(Math.abs(x), MAX));
      }
    },
  },
  elu: ((alpha: number) => ({
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        out[i] = x > 0 ? x : alpha * Math.expm1(x);
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        dx[i] = dy[i] * (x > 0 ? 1 : alpha * Math.exp(x));
      }
    },
  }))(activations.elu.values.alpha),
  celu: ((alpha: number) => ({
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        out[i] = x > 0 ? x : alpha * Math.expm1(x / alpha);
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        dx[i] = dy[i] * (x > 0 ? 1 : Math.exp(x / alpha));
      }
    },
  }))(activations.celu.values.alpha),
  selu: {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        out[i] = x > 0 ? SELU_L * x : SELU_LA * Math.expm1(x);
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        dx[i] = dy[i] * (x > 0 ? SELU_L : SELU_LA * Math.exp(x));
      }
    },
  },
  softplus: ((beta: number) => ({
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const u = beta * x;
        out[i] =
          u < -708
            ? timesTinyExp(1 / beta, u)
            : x * +(x > 0) + Math.log1p(Math.exp(-Math.abs(u))) / beta;
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const e = Math.exp(Math.min(beta * xs[i], 709));
        dx[i] = dy[i] * (e / (1 + e));
      }
    },
  }))(activations.softplus.values.beta),
  gelu: {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        let y: number;
        if (!(x < 0)) y = x * (0.5 * erfc(-x * SQRT1_2));
        else if (x >= -33) {
          const t = -x;
          const z = t * SQRT1_2;
          const d = productError(t, SQRT1_2, z) + t * SQRT1_2_LO;
          const p = 0.5 * erfc(z);
          y = x * (p - p * ((2 * z + 1 / (z + HALF_SQRT_PI)) * d));
        } else if (x < -40) y = -0;
        else {
          const p = x * x;
          const a = INV_SQRT_2PI * mills(1 / p);
          const c = a - a * (0.5 * productError(x, x, p));
          if (p < 1416) y = -(c * Math.exp(-0.5 * p));
          else {
            const h = Math.exp(-0.25 * p);
            y = -(c * h * h);
          }
        }
        out[i] = y;
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        let y: number;
        const r = x - -0.7517915246935645 - 1.4956759177009883e-17;
        if (Math.abs(r) < 1e-6) {
          y = r * (0.4314939923140469 + r * (0.388284982990552 + r * -0.018199676398671087));
        } else if (!(x < 0)) {
          const c = Math.min(x, 40);
          y = 0.5 * erfc(-c * SQRT1_2) + c * (INV_SQRT_2PI * Math.exp(-0.5 * c * c));
        } else if (x < -40) y = 0;
        else {
          const p = x * x;
          const e = productError(x, x, p);
          if (x >= -33) {
            const t = -x;
            const z = t * SQRT1_2;
            const d = productError(t, SQRT1_2, z) + t * SQRT1_2_LO;
            const m = x * INV_SQRT_2PI;
            const mLo = productError(x, INV_SQRT_2PI, m) + x * INV_SQRT_2PI_LO;
            const g = Math.exp(-0.5 * p);
            const small = (mLo - m * (0.5 * e)) * g - Math.SQRT2 * INV_SQRT_2PI * g * d;
            y = 0.5 * erfc(z) + m * g + small;
          } else {
            const a = INV_SQRT_2PI * (x - mills(1 / p) / x);
            const c = a - a * (0.5 * e);
            if (p < 1416) y = c * Math.exp(-0.5 * p);
            else {
              const h = Math.exp(-0.25 * p);
              y = c * h * h;
            }
          }
        }
        dx[i] = dy[i] * y;
      }
    },
  },
  'gelu-tanh': {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const c = Math.min(Math.max(x, -1e4), 1e4);
        const p = c * c;
        const x3 = c * p;
        const x3e = productError(c, p, x3) + c * productError(c, c, p);
        const t = GT_B * x3;
        const te = productError(GT_B, x3, t) + GT_B * x3e + GT_B_LO * x3;
        const a = GT_A * c;
        const v = a + t;
        const vLo = sumError(a, t, v) + productError(GT_A, c, a) + te;
        if (v < -708) out[i] = timesTinyExp(x + x * vLo, v);
        else {
          const e = Math.exp(Math.min(v, 709));
          const s = e / (1 + e);
          out[i] = x * (s + s * (1 - s) * vLo);
        }
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        let y: number;
        const r = x - -0.7524614220710162 - -3.473691681308185e-17;
        if (Math.abs(r) < 1e-6) {
          y = r * (0.43040009102485854 + r * (0.38751844613578895 + r * -0.015782853521848016));
        } else {
          const c = Math.min(Math.max(x, -1e4), 1e4);
          const p = c * c;
          const x3 = c * p;
          const x3e = productError(c, p, x3) + c * productError(c, c, p);
          const t = GT_B * x3;
          const te = productError(GT_B, x3, t) + GT_B * x3e + GT_B_LO * x3;
          const a = GT_A * c;
          const ae = productError(GT_A, c, a);
          const v = a + t;
          const vLo = sumError(a, t, v) + ae + te;
          const t3 = 3 * t;
          const g = a + t3;
          const gLo = sumError(a, t3, g) + productError(3, t, t3) + 3 * te + ae;
          const w0 = 1 + g;
          const w = w0 + (sumError(1, g, w0) + gLo);
          if (v < -708) y = timesTinyExp(w + w * vLo, v);
          else if (v > 50) y = 1;
          else {
            const q = +(v >= 0);
            const e0 = Math.exp(-Math.abs(v));
            const e = e0 - e0 * ((2 * q - 1) * vLo);
            y = overOnePlusSquared(q * (1 + e * w) + (1 - q) * (e * (w + e)), e);
          }
        }
        dx[i] = dy[i] * y;
      }
    },
  },
  silu: {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        if (x < -708) out[i] = timesTinyExp(x, x);
        else {
          const e = Math.exp(Math.min(x, 709));
          out[i] = x * (e / (1 + e));
        }
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const u = xs[i];
        const d = u - -1.2784645427610737 - -1.0946994183093437e-16;
        dx[i] =
          dy[i] *
          (Math.abs(d) < 1e-6
            ? d * (0.2178117057198001 + d * (0.1466487969969469 + d * 0.018874814223782312))
            : gatedSlope(u, u));
      }
    },
  },
  swish: ((beta: number) => ({
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const u = beta * Math.min(Math.max(x, -MAX), MAX);
        if (u < -708) out[i] = timesTinyExp(x, u);
        else {
          const e = Math.exp(Math.min(u, 709));
          out[i] = x * (e / (1 + e));
        }
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const u = beta * Math.min(Math.max(xs[i], -MAX), MAX);
        const d = u - -1.2784645427610737 - -1.0946994183093437e-16;
        dx[i] =
          dy[i] *
          (Math.abs(d) < 1e-6
            ? d * (0.2178117057198001 + d * (0.1466487969969469 + d * 0.018874814223782312))
            : gatedSlope(u, u));
      }
    },
  }))(activations.swish.values.beta),
  mish: {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        if (x < -708) out[i] = timesTinyExp(x, x);
        else {
          const a = Math.exp(-Math.abs(x));
          const p = +(x >= 0);
          const n = p * (1 + 2 * a) + (1 - p) * (a * (a + 2));
          const q = p * (2 * a * a) + (1 - p) * 2;
          out[i] = x * (n / (n + q));
        }
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        let y: number;
        const r = x - -1.1924312145154952 - -4.8484829848031044e-17;
        if (x < -708) y = timesTinyExp(1 + x, x);
        else if (x > 50) y = 1;
        else if (Math.abs(r) < 1e-6) {
          y = r * (0.2669479140495345 + r * (0.20473126408010586 + r * 0.04190782104360987));
        } else {
          const a = Math.exp(-Math.abs(x));
          const p = +(x >= 0);
          // x ≥ 0
          const n = 1 + 2 * a;
          const en = n + 2 * a * a;
          const right = (n + (4 * x * (a * a * (1 + a))) / en) / en;
          // x < 0
          const yy = 1 + x;
          const ye = sumError(1, x, yy);
          const w = 4 + a;
          const q = a * w;
          const qe = productError(a, w, q) + a * (a - (w - 4));
          const x4 = 4 * x;
          const s6 = 6 + x4;
          const k = s6 + q;
          const ke = sumError(s6, q, k) + sumError(6, x4, s6) + qe;
          const ak = a * k;
          const y4 = 4 * yy;
          const b = y4 + ak;
          const be = sumError(y4, ak, b) + productError(a, k, ak) + a * ke + 4 * ye;
          const u = 2 + a;
          const m = a * u;
          const d = 2 + m;
          const de = sumError(2, m, d) + productError(a, u, m) + a * (a - (u - 2));
          const t = (a * b) / d / d;
          const left = t + t * (be / b - (2 * de) / d);
          y = p * right + (1 - p) * left;
        }
        dx[i] = dy[i] * y;
      }
    },
  },
  'hard-swish': {
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const hi = +(x >= 3);
        const c = Math.min(Math.max(x, -MAX), MAX) * (+(x > -3) - hi) + 3 * hi - 3 * +(x <= -3);
        const y = c / 6 + 0.5;
        const w = y - 0.5;
        out[i] = Math.max(x, -MAX) * (y + (c - 4 * w - 2 * w) / 6);
      }
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const top = +(x > 3);
        const inside = +(x >= -3) - top;
        const d = inside * ((Math.min(Math.max(x, -MAX), MAX) + 1.5) / 3) + top;
        dx[i] = dy[i] * (d + 0 * Math.min(Math.abs(x), MAX));
      }
    },
  },
};

function inputs(): {
  f64: Float64Array;
  f32: Float32Array;
  dy64: Float64Array;
  dy32: Float32Array;
} {
  const normal = randomNormal(seeded(20240601), 0, 3);
  const unit = randomNormal(seeded(7), 0, 1);
  const f64 = new Float64Array(N);
  const dy64 = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    f64[i] = normal();
    dy64[i] = unit();
  }
  return { f64, f32: Float32Array.from(f64), dy64, dy32: Float32Array.from(dy64) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** ns per element of `run`, and of `base`, timed alternately (median of REPEATS each). */
function pair(run: () => void, base: () => void): [number, number] {
  for (let w = 0; w < 3; w++) {
    run();
    base();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    let t = performance.now();
    run();
    a.push(performance.now() - t);
    t = performance.now();
    base();
    b.push(performance.now() - t);
  }
  return [(median(a) * 1e6) / N, (median(b) * 1e6) / N];
}

function main(): void {
  const only = process.argv.slice(2);
  const ids = only.length > 0 ? only : [...activationIds];
  const data = inputs();
  const rows: string[] = [];
  let minRatio = Number.POSITIVE_INFINITY;
  let minAt = '';
  for (const id of ids) {
    const entry = activations[id];
    const loops = bare[id];
    if (!entry || !loops) throw new RangeError(`bench: unknown entry ${id}`);
    const cells: string[] = [];
    for (const [xs, dy] of [
      [data.f64, data.dy64],
      [data.f32, data.dy32],
    ] as const) {
      const out = xs instanceof Float64Array ? new Float64Array(N) : new Float32Array(N);
      const dx = xs instanceof Float64Array ? new Float64Array(N) : new Float32Array(N);
      const [fk, fb] = pair(
        () => entry.forward(xs, out),
        () => loops.forward(xs, out),
      );
      const [bk, bb] = pair(
        () => entry.backward(xs, dy, dx),
        () => loops.backward(xs, dy, dx),
      );
      for (const [name, kernel, base] of [
        ['forward', fk, fb],
        ['backward', bk, bb],
      ] as const) {
        const ratio = base / kernel;
        if (ratio < minRatio) {
          minRatio = ratio;
          minAt = `${id} ${name} ${xs instanceof Float64Array ? 'f64' : 'f32'}`;
        }
        cells.push(`${kernel.toFixed(2)} vs ${base.toFixed(2)}: ${ratio.toFixed(2)}`);
      }
    }
    rows.push(`| ${id} | ${cells.join(' | ')} |`);
  }
  const header =
    '| entry | f64 forward | f64 backward | f32 forward | f32 backward |\n|---|---|---|---|---|';
  console.log(
    `Activation kernel: ns per element, kernel vs bare loop, and the ratio bare ÷ kernel (1 = as fast), n = ${N}, ${REPEATS} repeats`,
  );
  console.log(`Node ${process.version}, ${process.platform} ${process.arch}\n`);
  console.log(header);
  for (const row of rows) console.log(row);
  console.log(`\nminimum ratio: ${minRatio.toFixed(2)} (${minAt}); target ≥ 0.8`);
}

main();
