// k interleaved spiral arms, one class each, for softmax classification (the CS231n set):
// arm j has radii evenly spaced on [0, 1] and angles evenly spaced on [4j, 4(j + 1)] plus
// Gaussian noise of standard deviation `noise` (0.2 in the original). `scale` stretches the
// arms to Playground's square.

import { randomNormal, type Source } from '../random/index.ts';
import { type Dataset, oneHot } from './dataset.ts';

export function spirals(
  perClass: number,
  k: number,
  noise: number,
  source: Source,
  scale = 5,
): Dataset {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`spirals: k must be ≥ 2, got ${k}`);
  const n = perClass * k;
  const x = new Float64Array(2 * n);
  const labels = new Int32Array(n);
  const normal = randomNormal(source, 0, noise);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < perClass; i++) {
      const s = perClass > 1 ? i / (perClass - 1) : 0;
      const r = s;
      const t = 4 * j + 4 * s + (noise > 0 ? normal() : 0);
      const row = j * perClass + i;
      x[2 * row] = scale * r * Math.sin(t);
      x[2 * row + 1] = scale * r * Math.cos(t);
      labels[row] = j;
    }
  }
  return {
    name: `spirals-${k}`,
    n,
    inputs: 2,
    outputs: k,
    x,
    y: oneHot(labels, k),
    task: 'classification',
    labels,
    classes: k,
  };
}
