// The points a session evaluates its network on for pictures: a square grid over the plane
// (or a line for a one-input set), turned into the network's inputs through the chosen
// input features, and the outputs of every hidden layer there. Shared by the worker's
// TrainingSession and the lab's synchronous run (src/components/figures/training-lab.ts),
// so that the page and the build draw exactly what the worker computes. The same goes for
// what they count on rows of a test set (confusionCounts).

import { applyFeatures, type FeatureId } from '../../lib/data/index.ts';
import type { Network } from '../../lib/nn/network.ts';

export interface GridRequest {
  /** Points per side (for a 1-input network: points along the line). */
  resolution: number;
  /** The square [lo, hi]² the grid covers (for a 1-input network: the interval [lo, hi]). */
  extent: [number, number];
}

/** The outputs of one hidden layer (a top-level activation that is not the last layer). */
export interface HiddenLayer {
  /** Its index among the network's top-level layers, as probes name it: '1', '4'. */
  path: string;
  units: number;
  /** n × units, row-major: values[i * units + j] is unit j on input row i. */
  values: Float64Array;
}

export const MAX_GRID_RESOLUTION = 512;

/**
 * The network inputs at a grid's points: for `dims` 2, resolution² points row by row from
 * the top-left (x₁ = lo, x₂ = hi), through `features` when given; for `dims` 1,
 * `resolution` points from lo to hi.
 */
export function gridInputs(
  request: GridRequest,
  dims: number,
  features: readonly FeatureId[] | null = null,
): Float64Array {
  const { resolution, extent } = request;
  if (!(Number.isInteger(resolution) && resolution >= 1 && resolution <= MAX_GRID_RESOLUTION)) {
    throw new RangeError(
      `a grid's resolution must be a whole number from 1 to ${MAX_GRID_RESOLUTION}, not ${resolution}`,
    );
  }
  const [lo, hi] = extent;
  const step = resolution > 1 ? (hi - lo) / (resolution - 1) : 0;
  if (dims === 1) return Float64Array.from({ length: resolution }, (_, c) => lo + c * step);
  if (dims !== 2) throw new RangeError('a grid needs a network with 1 or 2 inputs');
  const x = new Float64Array(2 * resolution * resolution);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const k = r * resolution + c;
      x[2 * k] = lo + c * step;
      x[2 * k + 1] = hi - r * step;
    }
  }
  return features ? applyFeatures(x, features) : x;
}

/** The class a row of outputs predicts: the sign of a single output, else the argmax. */
export function predictedClass(yhat: Float64Array, row: number, out: number): number {
  if (out === 1) return yhat[row] >= 0 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < out; j++) if (yhat[row * out + j] > yhat[row * out + best]) best = j;
  return best;
}

/** counts[t * classes + p]: how many rows of true class t were predicted p. */
export function confusionCounts(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): Uint32Array {
  const counts = new Uint32Array(classes * classes);
  for (let r = 0; r < labels.length; r++) counts[labels[r] * classes + predicted[r]]++;
  return counts;
}

/** Output 0 at each row (one output), or the predicted class (k outputs). */
export function gridValues(network: Network, x: Float64Array): Float64Array {
  const yhat = network.forward(x, false);
  const out = network.outputs;
  const values = new Float64Array(x.length / network.inputs);
  for (let k = 0; k < values.length; k++) {
    values[k] = out === 1 ? yhat[k] : predictedClass(yhat, k, out);
  }
  return values;
}

/** A network's outputs and every hidden layer's outputs on rows of its inputs. */
export interface Evaluation {
  /** n × network.outputs, row-major. */
  outputs: Float64Array;
  hidden: HiddenLayer[];
}

/**
 * The network's outputs and every hidden layer's outputs for rows of its inputs, in
 * evaluation mode, in pieces of `chunk` rows (so that no layer's buffers grow past that).
 */
export function evaluateRows(network: Network, x: Float64Array, chunk = 256): Evaluation {
  const layers = network.layers;
  const hidden = layers
    .map((layer, l) => ({ layer, l }))
    .filter(
      ({ layer, l }) =>
        (layer.type === 'activation' || layer.type === 'vector') && l < layers.length - 1,
    );
  const n = x.length / network.inputs;
  const outputs = new Float64Array(n * network.outputs);
  const result = hidden.map(({ layer, l }) => ({
    path: String(l),
    units: layer.outputSize,
    values: new Float64Array(n * layer.outputSize),
  }));
  for (let start = 0; start < n; start += chunk) {
    const count = Math.min(chunk, n - start);
    const y = network.forward(
      x.subarray(start * network.inputs, (start + count) * network.inputs),
      false,
    );
    outputs.set(y.subarray(0, count * network.outputs), start * network.outputs);
    hidden.forEach(({ layer }, i) => {
      const w = layer.outputSize;
      result[i].values.set(layer.y.subarray(0, count * w), start * w);
    });
  }
  return { outputs, hidden: result };
}

/** Every hidden layer's outputs for rows of the network's inputs (see evaluateRows). */
export function hiddenOutputs(network: Network, x: Float64Array, chunk = 256): HiddenLayer[] {
  return evaluateRows(network, x, chunk).hidden;
}
