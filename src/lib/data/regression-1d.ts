// One-input regression targets for curve-fitting pictures: sin x, a step (sign x) and |x|,
// at x drawn uniformly from [lo, hi), with Gaussian noise of standard deviation `noise` on
// the target.

import { randomNormal, randomUniform, type Source } from '../random/index.ts';
import type { Dataset } from './dataset.ts';

export type Curve = 'sine' | 'step' | 'abs';

/** The noiseless target of each curve. */
export const curves: Record<Curve, (x: number) => number> = {
  sine: Math.sin,
  step: (x) => (x >= 0 ? 1 : -1),
  abs: Math.abs,
};

export function regression1d(
  curve: Curve,
  n: number,
  noise: number,
  source: Source,
  [lo, hi]: [number, number] = [-3, 3],
): Dataset {
  const f = curves[curve];
  if (!f) throw new RangeError(`unknown curve "${curve}" (known: sine, step, abs)`);
  const u = randomUniform(source, lo, hi);
  const normal = randomNormal(source, 0, noise);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = u();
    y[i] = f(x[i]) + (noise > 0 ? normal() : 0);
  }
  return { name: curve, n, inputs: 1, outputs: 1, x, y, task: 'regression' };
}
