// The training-benchmark contract: an engine adapter (an ES module) exports createTrainer,
// and optionally describe and supports. A benchmark harness makes each TrainConfig afresh
// in its own process, hands it to every engine (ours and the peers'), times trainEpoch(),
// and compares parameters after training to check that all engines train the same model.
//
//   import type { TrainConfig, Trainer } from '...';
//   export function createTrainer(config: TrainConfig): Trainer { ... }
//
// The four tasks (all: the 500-point two-class spiral of TensorFlow Playground's formula,
// noise 0, labels +1/-1, shuffled once with a seeded generator; half-MSE loss; plain SGD at
// learning rate 0.03; samples visited in order 0..n-1 every epoch; an update after every
// batchSize samples and one more for a partial batch at the end):
//   pg-8-8       2-8-8-1, tanh hidden and output, batch 10, Playground init
//   pg-4-2       2-4-2-1 (Playground's default shape), tanh, batch 10, Playground init
//   pg-8-8-full  2-8-8-1, tanh, full batch of 500, Playground init
//   relu-64x3    2-64-64-64-1, ReLU hidden, tanh output, batch 32, He-uniform init
// Playground init: weights uniform in [-0.5, 0.5), biases 0.1. He-uniform: weights uniform
// in [-sqrt(6/in), sqrt(6/in)), biases 0.
// Spiral (Playground): for each class (deltaT = 0 -> +1, deltaT = pi -> -1) and i < n/2:
//   r = 5 i / (n/2); t = 1.75 * 2 pi * i / (n/2) + deltaT; point (r sin t, r cos t).

/** One training task. Every engine gets the same one, made afresh in its own process. */
export interface TrainConfig {
  /** 'pg-8-8', 'pg-4-2', 'pg-8-8-full', 'relu-64x3' (see the header). */
  id: string;
  title: string;
  /** Units per layer, input first: [2, 8, 8, 1]. */
  layers: number[];
  /** Activation of every hidden layer. */
  hidden: 'tanh' | 'relu';
  /** Activation of the output layer. */
  output: 'tanh' | 'linear';
  /** 0.5 * mean over the batch of (output - target)^2. */
  loss: 'half-mse';
  /** Plain SGD: w -= learningRate * dLoss/dw, no momentum, no regularisation. */
  optimizer: 'sgd';
  learningRate: number;
  /**
   * Samples per update. An epoch visits the samples in order 0..n-1 and updates after
   * every batchSize samples, then once more for a partial batch at the end, if any.
   */
  batchSize: number;
  /** Where initial parameters came from: 'playground' (U(-0.5, 0.5), bias 0.1) or 'he-uniform'. */
  initScheme: 'playground' | 'he-uniform';
  /**
   * The initial parameters, one entry per layer: W is [out][in] row-major
   * (W[o * in + i]), b has `out` entries. Load them, so that every engine starts from
   * the same point (the harness compares the weights after training).
   */
  init: { W: Float64Array; b: Float64Array }[];
  /** The training set: x is [n][layers[0]] row-major, y is [n] (labels +1 / -1). */
  data: { n: number; x: Float64Array; y: Float64Array };
  dataset: { name: string; n: number; noise: number; seed: string };
}

export interface Trainer {
  /** One epoch: forward, backward and update over all n samples. May return a promise. */
  trainEpoch(): void | Promise<void>;
  /** Mean over the data of 0.5 * (output - target)^2, without updating (sanity check). */
  loss?(): number | Promise<number>;
  /** Current parameters in the layout of TrainConfig.init (used to check equal training). */
  params?():
    | { W: Float64Array; b: Float64Array }[]
    | Promise<{ W: Float64Array; b: Float64Array }[]>;
  /** Where this run departs from the config, shown under the table. */
  notes?: string;
  dispose?(): void;
}

/** The module's exports. `options` are per-engine settings from the harness (may be {}). */
export interface EngineModule {
  createTrainer(config: TrainConfig, options?: Record<string, unknown>): Trainer | Promise<Trainer>;
  /** Shown in the results: name, version, and how it was run. */
  describe?(options?: Record<string, unknown>): { name: string; version?: string; notes?: string };
  /** true, or the reason this config cannot be run (the cell then reads 'skipped'). */
  supports?(config: TrainConfig, options?: Record<string, unknown>): true | string;
}

/**
 * A kernel module: exports `activations`, keyed by the catalogue ids of
 * DESIGN.md ('sigmoid', 'tanh', 'relu', 'elu', 'softplus', 'gelu-tanh'), each with
 * forward(xs, out) over Float64Array and Float32Array (out has xs's length and type).
 */
export interface KernelModule {
  activations: Record<
    string,
    { forward(xs: Float64Array | Float32Array, out: Float64Array | Float32Array): void }
  >;
}
