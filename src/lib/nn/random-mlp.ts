// A random multilayer perceptron from one input to one output, for pictures of what stacked
// layers do to a line (lesson 1). Weights are drawn once from a seeded source; the same
// weights can then be run with any activation, so a reader flips only the nonlinearity.

import type { Activation } from '../activations/types.ts';
import { randomNormal, seeded } from '../random/index.ts';

export interface RandomMlpOptions {
  /** Number of hidden layers, each `width` units wide. */
  depth: number;
  width: number;
  seed: number;
  /** Weights are N(0, gain² / fan-in); 1 keeps a linear stack's scale roughly steady. */
  gain?: number;
  /** Standard deviation of the biases. */
  biasScale?: number;
}

export interface DenseWeights {
  fanIn: number;
  fanOut: number;
  /** Row-major fanOut × fanIn. */
  w: Float64Array;
  b: Float64Array;
}

export interface RandomMlp {
  hidden: DenseWeights[];
  readout: DenseWeights;
  /** The network's output for each input, every hidden layer followed by `activation`. */
  evaluate(xs: Float64Array, activation: Activation): Float64Array;
}

function dense(fanIn: number, fanOut: number, gain: number, biasScale: number, draw: () => number) {
  const w = new Float64Array(fanIn * fanOut);
  const b = new Float64Array(fanOut);
  const scale = gain / Math.sqrt(fanIn);
  for (let i = 0; i < w.length; i++) w[i] = scale * draw();
  for (let j = 0; j < fanOut; j++) b[j] = biasScale * draw();
  return { fanIn, fanOut, w, b };
}

/** Y (n × fanOut) = X (n × fanIn) · Wᵀ + b. */
function apply({ fanIn, fanOut, w, b }: DenseWeights, x: Float64Array, n: number): Float64Array {
  const y = new Float64Array(n * fanOut);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < fanOut; j++) {
      let s = b[j];
      for (let i = 0; i < fanIn; i++) s += w[j * fanIn + i] * x[r * fanIn + i];
      y[r * fanOut + j] = s;
    }
  }
  return y;
}

export function randomMlp({
  depth,
  width,
  seed,
  gain = 1.5,
  biasScale = 0.5,
}: RandomMlpOptions): RandomMlp {
  if (!Number.isInteger(depth) || depth < 1)
    throw new RangeError(`depth must be ≥ 1, got ${depth}`);
  if (!Number.isInteger(width) || width < 1)
    throw new RangeError(`width must be ≥ 1, got ${width}`);
  const draw = randomNormal(seeded(seed));
  const hidden: DenseWeights[] = [];
  for (let l = 0; l < depth; l++)
    hidden.push(dense(l === 0 ? 1 : width, width, gain, biasScale, draw));
  const readout = dense(width, 1, 1, biasScale, draw);
  return {
    hidden,
    readout,
    evaluate(xs, activation) {
      let h: Float64Array = xs;
      for (const layer of hidden) {
        const z = apply(layer, h, xs.length);
        h = new Float64Array(z.length);
        activation.forward(z, h);
      }
      return apply(readout, h, xs.length);
    },
  };
}
