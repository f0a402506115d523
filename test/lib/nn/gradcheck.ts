// Finite-difference gradient checks in float64. A layer is checked through the scalar
// L = Σ R ⊙ layer(X) for a fixed random R: backward(R) must give dL/dX, and the gradients
// it accumulates must give dL/dθ, both against central differences.

import type { Layer } from '../../../src/lib/nn/layer.ts';
import { randomNormal, seeded } from '../../../src/lib/random/index.ts';

export function normals(n: number, seed: number, scale = 1): Float64Array {
  const draw = randomNormal(seeded(seed));
  return Float64Array.from({ length: n }, () => scale * draw());
}

/**
 * ‖a − b‖∞ / max(‖a‖∞, ‖b‖∞, 1e-3): relative to the size of the gradient as a whole. The
 * floor makes a gradient that is zero in exact arithmetic (a bias just before BatchNorm)
 * pass when both sides are within 1e-9 of zero, instead of comparing rounding noise.
 */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let size = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    size = Math.max(size, Math.abs(a[i]), Math.abs(b[i]));
  }
  return diff / Math.max(size, 1e-3);
}

export interface CheckOptions {
  training?: boolean;
  h?: number;
  /** Called before every forward (to replay the same noise). */
  before?: () => void;
  seed?: number;
}

/** Largest relative error over dX and every parameter gradient. */
export function gradCheck(layer: Layer, x: Float64Array, options: CheckOptions = {}) {
  const { training = true, h = 1e-5, before = () => {}, seed = 99 } = options;
  const scalar = (input: Float64Array) => {
    before();
    const y = layer.forward(input, training);
    let s = 0;
    for (let i = 0; i < y.length; i++) s += r[i] * y[i];
    return s;
  };
  before();
  const y0 = layer.forward(x, training);
  const r = normals(y0.length, seed);
  for (const p of layer.params()) p.grad.fill(0);
  before();
  layer.forward(x, training);
  const dx = layer.backward(r).slice();
  const analytic = layer.params().map((p) => p.grad.slice());
  const numeric = (values: Float64Array, input: Float64Array) =>
    Float64Array.from(values, (v, i) => {
      values[i] = v + h;
      const plus = scalar(input);
      values[i] = v - h;
      const minus = scalar(input);
      values[i] = v;
      return (plus - minus) / (2 * h);
    });
  const xs = x.slice();
  const errors: Record<string, number> = { x: relativeError(dx, numeric(xs, xs)) };
  layer.params().forEach((p, k) => {
    errors[p.name] = relativeError(analytic[k], numeric(p.value, xs));
  });
  return { errors, max: Math.max(...Object.values(errors)) };
}
