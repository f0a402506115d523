// Figures of the training lab (the playground): the decision map with the training and
// test points, the training and test loss over the run, and per-layer panels of the
// saturated and dead fractions the engine's probes measure. Pure: plain data in, Plot
// options out. The run itself is built here too (tlRun), exactly as the worker's
// TrainingSession builds it, so the page can show the same points, the build can draw the
// initial network, and tests can train a network synchronously.

import * as Plot from '@observablehq/plot';
import { activations } from '../../lib/activations/index.ts';
import {
  applyFeatures,
  type Curve,
  curves,
  type Dataset,
  features as featureMaps,
  isPlain,
  makeDataset,
  pythonFeatures,
  split,
} from '../../lib/data/index.ts';
import { toJSON, toKeras, toPyTorch } from '../../lib/nn/export.ts';
import { Network, type NetworkConfig } from '../../lib/nn/network.ts';
import { type Histogram, type LayerProbe, Probes } from '../../lib/nn/probes.ts';
import { Trainer } from '../../lib/nn/trainer.ts';
import { seeded } from '../../lib/random/index.ts';
import { gridInputs, gridValues, hiddenOutputs } from '../workers/grids.ts';
import type { SessionConfig, Snapshot } from '../workers/training-session.ts';
import { palettePng } from './linear-regions-png.ts';
import {
  classesOf,
  is1d,
  isRegression,
  type TlExportFormat,
  type TlFeature,
  type TrainingLabState,
  tlDatasetLabel,
  tlFeatureLabel,
  tlLimits,
  tlNormLabel,
} from './training-lab-state.ts';

export * from './training-lab-state.ts';

/**
 * The network: per hidden layer Dense, the normalisation if any, and the layer's
 * activation; then one output unit (k for k classes) and the output activation.
 */
export function tlNetworkConfig(state: TrainingLabState): NetworkConfig {
  const layers: NetworkConfig['layers'] = [];
  state.units.forEach((units, i) => {
    layers.push({ type: 'dense', units });
    if (state.norm !== 'none') layers.push({ type: state.norm });
    layers.push({ type: 'activation', id: state.activations[i] });
  });
  layers.push({ type: 'dense', units: classesOf(state.dataset) || 1 });
  if (state.output !== 'identity') layers.push({ type: 'activation', id: state.output });
  return { inputs: tlInputs(state).length, init: state.init, layers };
}

/** The network's inputs: the chosen features of a two-input set, or x for a 1-D set. */
export function tlInputs(state: TrainingLabState): TlFeature[] | ['x'] {
  return is1d(state.dataset) ? ['x'] : state.features;
}

/** The features the session must compute, or null when they are the raw inputs. */
function featuresOf(state: TrainingLabState): TlFeature[] | null {
  return is1d(state.dataset) || isPlain(state.features) ? null : state.features;
}

/** The state of the compared run: the same, with its activation in every hidden layer. */
export function tlCompareState(state: TrainingLabState): TrainingLabState | null {
  if (state.compare === 'none') return null;
  const id = state.compare;
  return { ...state, activations: state.units.map(() => id), compare: 'none' };
}

/** What the worker's session is configured with. */
export function tlSessionConfig(state: TrainingLabState): SessionConfig {
  const reg =
    state.regularisation === 'none' ? {} : { [state.regularisation]: state.regularisationRate };
  return {
    seed: state.seed,
    network: tlNetworkConfig(state),
    data: {
      name: state.dataset,
      n: tlLimits.samples,
      noise: state.noise,
      trainFraction: state.trainPercent / 100,
      ...(featuresOf(state) ? { features: featuresOf(state) as string[] } : {}),
    },
    loss: state.loss,
    optimiser: { type: state.optimiser, learningRate: state.learningRate, ...reg },
    batchSize: state.batchSize,
    grid: is1d(state.dataset)
      ? { resolution: tlLimits.curve, extent: tlLimits.extent1d }
      : { resolution: tlLimits.grid, extent: tlLimits.extent },
    units: is1d(state.dataset) ? null : { resolution: tlLimits.thumbnail, extent: tlLimits.extent },
  };
}

export interface TlRun {
  config: SessionConfig;
  network: Network;
  trainer: Trainer;
  probes: Probes;
  train: Dataset;
  /** The points as drawn: ±1 labels for classes, the target for regression. */
  points: TlPoint[];
  test: Dataset;
}

export interface TlPoint {
  x: number;
  y: number;
  /** ±1 for two classes, the class index for k classes, the target for regression. */
  value: number;
  set: 'train' | 'test';
}

function pointsOf(data: Dataset, set: TlPoint['set']): TlPoint[] {
  // A 1-D set is drawn as points (x, target).
  if (data.inputs === 1) {
    return Array.from({ length: data.n }, (_, i) => ({
      x: data.x[i],
      y: data.y[i],
      value: data.y[i],
      set,
    }));
  }
  return Array.from({ length: data.n }, (_, i) => ({
    x: data.x[2 * i],
    y: data.x[2 * i + 1],
    value: data.labels
      ? data.classes && data.classes > 2
        ? data.labels[i]
        : data.labels[i]
          ? 1
          : -1
      : data.y[i],
    set,
  }));
}

/**
 * The run the session makes from this state, built here synchronously: the same draws from
 * the same seed in the same order (weights, then the data, then the split), so the same
 * points and the same initial network, bit for bit.
 */
export function tlRun(state: TrainingLabState): TlRun {
  const config = tlSessionConfig(state);
  const source = seeded(config.seed);
  const network = new Network(config.network, source);
  const { train, test } = split(
    makeDataset(config.data.name, config.data.n, config.data.noise, source),
    config.data.trainFraction ?? 0.5,
    source,
  );
  const points = [...pointsOf(train, 'train'), ...pointsOf(test, 'test')];
  const features = featuresOf(state);
  for (const part of [train, test]) {
    if (config.loss === 'bce-logits' && part.task === 'classification' && part.outputs === 1) {
      part.y = Float64Array.from(part.y, (t) => (t > 0 ? 1 : 0));
    }
    if (features) {
      part.x = applyFeatures(part.x, features);
      part.inputs = features.length;
    }
  }
  const probes = new Probes(network);
  const trainer = new Trainer({
    network,
    data: train,
    loss: config.loss,
    optimiser: config.optimiser,
    batchSize: config.batchSize,
    source,
    observer: probes,
  });
  return { config, network, trainer, probes, train, points, test };
}

/** The index of the largest of row r's k values. */
function argmaxRow(values: Float64Array, r: number, k: number): number {
  let best = 0;
  for (let j = 1; j < k; j++) if (values[r * k + j] > values[r * k + best]) best = j;
  return best;
}

const dimsOf = (run: TlRun) => (run.config.data.features ? 2 : run.train.inputs);

/** The network's inputs at the points of one of the session's grids, or null without it. */
function inputsOn(run: TlRun, request: SessionConfig['grid']) {
  if (!request) return null;
  const features = (run.config.data.features ?? null) as TlFeature[] | null;
  const extent: [number, number] = [request.extent[0], request.extent[1]];
  return { resolution: request.resolution, extent, x: gridInputs(request, dimsOf(run), features) };
}

/**
 * The network's output on the session's grid, as the session gives it: rows from the top
 * (y = hi), left to right, the predicted class for k outputs; a line for a 1-D set.
 */
export function tlGrid(run: TlRun): Snapshot['grid'] {
  const on = inputsOn(run, run.config.grid);
  return (
    on && { resolution: on.resolution, extent: on.extent, values: gridValues(run.network, on.x) }
  );
}

/** Every hidden unit's output on the thumbnails' grid, as the session gives it. */
export function tlUnits(run: TlRun): Snapshot['units'] {
  const on = inputsOn(run, run.config.units);
  return (
    on && { resolution: on.resolution, extent: on.extent, layers: hiddenOutputs(run.network, on.x) }
  );
}

function accuracy(run: TlRun, data: Dataset): number | null {
  if (!data.labels) return null;
  const yhat = run.network.predict(data.x);
  const k = run.network.outputs;
  let right = 0;
  for (let i = 0; i < data.n; i++) {
    const predicted = k === 1 ? (yhat[i] >= 0 ? 1 : 0) : argmaxRow(yhat, i, k);
    right += +(predicted === data.labels[i]);
  }
  return right / data.n;
}

/** A snapshot of a synchronous run, shaped as the session's. */
export function tlSnapshot(run: TlRun): Snapshot {
  const { trainer } = run;
  return {
    status: trainer.diverged ? 'diverged' : trainer.steps > 0 ? 'paused' : 'idle',
    step: trainer.steps,
    epoch: trainer.epochs,
    batchLoss: trainer.lastLoss,
    trainLoss: trainer.evaluate(run.train),
    testLoss: trainer.evaluate(run.test),
    trainAccuracy: accuracy(run, run.train),
    testAccuracy: accuracy(run, run.test),
    scoredStep: trainer.steps,
    diverged: trainer.diverged,
    error: null,
    probes: trainer.steps > 0 ? run.probes.read() : null,
    grid: tlGrid(run),
    units: tlUnits(run),
  };
}

// ---------------------------------------------------------------------------------------
// Export. The session keeps its network in the worker and has no export method, but a run
// is the same bit for bit from its seed: replaying its steps here gives its weights.

/**
 * Replays `steps` updates of the run, `chunk` at a time, yielding between chunks (through
 * `pause`, a promise-returning wait) so that a long replay does not block the page.
 */
export async function tlReplay(
  state: TrainingLabState,
  steps: number,
  pause: () => Promise<void> = () => Promise.resolve(),
  chunk = 2000,
): Promise<TlRun> {
  const run = tlRun(state);
  // The probes do not change the run; without them the replay is faster.
  run.trainer.observer = undefined;
  let done = 0;
  while (done < steps && !run.trainer.diverged) {
    const end = Math.min(steps, done + chunk);
    for (; done < end && !run.trainer.diverged; done++) run.trainer.step();
    if (done < steps) await pause();
  }
  return run;
}

/** How the lab trains, as plain data (the JSON export's `training`). */
export function tlTraining(state: TrainingLabState) {
  return {
    dataset: state.dataset,
    /** The network's inputs, each a Python expression of the point's coordinates x1, x2 (or x). */
    inputs: tlInputs(state).map((id) =>
      id === 'x' ? { id, python: 'x' } : { id, python: featureMaps[id].python },
    ),
    noise: state.noise,
    trainFraction: state.trainPercent / 100,
    loss: state.loss,
    optimiser: state.optimiser,
    learningRate: state.learningRate,
    batchSize: state.batchSize,
    regularisation:
      state.regularisation === 'none'
        ? null
        : { type: state.regularisation, rate: state.regularisationRate },
    normalisation: state.norm === 'none' ? null : state.norm,
    seed: state.seed,
  };
}

const torchLoss: Record<TrainingLabState['loss'], string> = {
  'half-mse': "lambda y, t: 0.5 * nn.functional.mse_loss(y, t)  # Playground's ½(y − t)²",
  mse: 'nn.MSELoss()',
  'bce-logits': 'nn.BCEWithLogitsLoss()  # targets 0 and 1',
  'softmax-cross-entropy': 'nn.CrossEntropyLoss()  # targets: class indices',
};
const kerasLoss: Record<TrainingLabState['loss'], [string, string]> = {
  'half-mse': [
    'lambda t, y: 0.5 * keras.ops.mean(keras.ops.square(y - t))',
    "Playground's ½(y − t)²",
  ],
  mse: ['keras.losses.MeanSquaredError()', 'mean squared error'],
  'bce-logits': ['keras.losses.BinaryCrossentropy(from_logits=True)', 'targets 0 and 1'],
  'softmax-cross-entropy': [
    'keras.losses.SparseCategoricalCrossentropy(from_logits=True)',
    'targets: class indices',
  ],
};

/**
 * Python that sets up training as in the lab: the loss, the optimiser and the
 * regularisation of the dense layers' weights (not biases), as the engine applies it: L2
 * adds λ·w to the gradient (PyTorch's weight_decay; Keras's l2(λ/2)), L1 adds λ·sign(w).
 */
export function tlTrainingCode(state: TrainingLabState, format: 'pytorch' | 'keras'): string {
  const lr = state.learningRate;
  const { regularisation: reg, regularisationRate: rate } = state;
  const head = [
    '',
    `# Training as in the lab: ${tlDatasetLabel[state.dataset]}, batches of ${state.batchSize}, seed ${state.seed}${state.norm === 'none' ? '' : `, ${tlNormLabel[state.norm]} before each hidden activation`}.`,
  ];
  if (format === 'pytorch') {
    const opt = state.optimiser === 'sgd' ? 'torch.optim.SGD' : 'torch.optim.Adam';
    const lines = [
      ...head,
      `loss_fn = ${torchLoss[state.loss]}`,
      "decay = [p for p in model.parameters() if p.dim() > 1]  # the dense layers' weights",
      'rest = [p for p in model.parameters() if p.dim() <= 1]',
    ];
    if (reg === 'l2') {
      lines.push(
        `optimizer = ${opt}([{"params": decay, "weight_decay": ${rate}}, {"params": rest}], lr=${lr})`,
      );
    } else {
      lines.push(`optimizer = ${opt}(model.parameters(), lr=${lr})`);
    }
    if (reg === 'l1') {
      lines.push(
        `# L1: before loss.backward(), add ${rate} * sum(p.abs().sum() for p in decay) to the loss.`,
      );
    }
    return `${lines.join('\n')}\n`;
  }
  const opt = state.optimiser === 'sgd' ? 'keras.optimizers.SGD' : 'keras.optimizers.Adam';
  const lines = [...head];
  if (reg !== 'none') {
    const r =
      reg === 'l2' ? `keras.regularizers.L2(${rate / 2})` : `keras.regularizers.L1(${rate})`;
    lines.push(
      `# ${reg.toUpperCase()}: the lab adds ${reg === 'l2' ? 'λ·w' : 'λ·sign(w)'} (λ = ${rate}) to the gradient of each dense weight;`,
      `# in Keras, give each layers.Dense above kernel_regularizer=${r} before training.`,
    );
  }
  const [loss, note] = kerasLoss[state.loss];
  lines.push(
    `# Loss: ${note}.`,
    `model.compile(optimizer=${opt}(learning_rate=${lr}), loss=${loss})`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The network as JSON (to load back with fromJSON), PyTorch or Keras code; with the lab's
 * state, the training set-up too (JSON's `training`, code's loss and optimiser).
 */
export function tlExport(
  network: Network,
  format: TlExportFormat,
  state?: TrainingLabState,
): string {
  if (format === 'json') {
    const json = toJSON(network);
    return JSON.stringify(state ? { ...json, training: tlTraining(state) } : json, null, 1);
  }
  const code = format === 'pytorch' ? toPyTorch(network) : toKeras(network);
  if (!state) return code;
  const features = featuresOf(state);
  const inputs = features
    ? [
        '',
        `# The network's ${features.length} inputs are features of the points (x1, x2), as in the lab:`,
        `# ${format === 'pytorch' ? 'model(features(points))' : 'model.predict(features(points))'} for an (n, 2) ${format === 'pytorch' ? 'tensor' : 'array'} of points.`,
        pythonFeatures(features, format === 'pytorch' ? 'torch' : 'keras.ops'),
        '',
      ].join('\n')
    : '';
  return `${code}${inputs}${tlTrainingCode(state, format)}`;
}

// ---------------------------------------------------------------------------------------
// The history a run leaves: losses and the probes' fractions at each snapshot.

export interface TlLayerPoint {
  saturated: number;
  dead: number;
  /** ‖dL/dθ‖ of the dense layer before this activation, weights and bias (NaN if none). */
  gradNorm: number;
}

export interface TlHistoryPoint {
  step: number;
  epoch: number;
  train: number;
  test: number;
  /** Per activation layer (hidden layers, then the output's if any); empty before step 1. */
  layers: TlLayerPoint[];
}

/** The activation layers' probes, in order, each with its dense layer's gradient norm. */
export function activationProbes(probes: LayerProbe[] | null): TlLayerPoint[] {
  if (!probes) return [];
  const out: TlLayerPoint[] = [];
  let grad = Number.NaN;
  for (const p of probes) {
    if (p.type === 'dense') grad = p.gradNorm ?? Number.NaN;
    if (p.activation && p.activation.saturated !== null) {
      out.push({
        saturated: p.activation.saturated ?? Number.NaN,
        dead: p.activation.deadBatch ?? Number.NaN,
        gradNorm: grad,
      });
    }
  }
  return out;
}

/** The activation layers' pre-activation histograms, in order (empty before step 1). */
export function activationHistograms(probes: LayerProbe[] | null): Histogram[] {
  if (!probes) return [];
  return probes
    .filter((p) => p.activation && p.activation.saturated !== null)
    .map((p) => p.activation?.histogram as Histogram);
}

/** At most this many points are kept; beyond it every other old point is dropped. */
export const TL_HISTORY_MAX = 200;

/** The history with the snapshot appended (a new step only), thinned to TL_HISTORY_MAX. */
export function appendHistory(history: TlHistoryPoint[], s: Snapshot): TlHistoryPoint[] {
  const last = history.at(-1);
  if (last && last.step >= s.step) return history;
  const next = [
    ...history,
    {
      step: s.step,
      epoch: s.epoch,
      train: s.trainLoss,
      test: s.testLoss,
      layers: activationProbes(s.probes),
    },
  ];
  if (next.length <= TL_HISTORY_MAX) return next;
  // Keep the first and the newest, and every other one between.
  return next.filter((_, i) => i === 0 || i === next.length - 1 || i % 2 === 0);
}

// ---------------------------------------------------------------------------------------
// Colours. The map is a PNG (the same at build time and in the browser, with no canvas):
// Playground's orange for −1 through a light grey to its blue for +1, drawn semi-opaque so
// it darkens on the dark theme. The points take the theme's series colours.

const orange = [245, 147, 34] as const;
const blue = [8, 119, 189] as const;
const middle = [232, 234, 237] as const;
const levels = 101;

export const tlPalette: [number, number, number][] = Array.from({ length: levels }, (_, i) => {
  const t = (2 * i) / (levels - 1) - 1;
  const [a, b] = t < 0 ? [middle, orange] : [middle, blue];
  const u = Math.abs(t);
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * u)) as [number, number, number];
});

/** An output on the map's scale [−1, 1]: 2σ(z) − 1 = tanh(z/2) for logits, else clamped. */
export function tlScore(value: number, loss: TrainingLabState['loss']): number {
  if (Number.isNaN(value)) return 0;
  const s = loss === 'bce-logits' ? Math.tanh(value / 2) : value;
  return Math.max(-1, Math.min(1, s));
}

function hex(rgb: readonly number[]) {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The colour of a value in [−1, 1] on the map's palette. */
export const tlColour = (score: number) =>
  hex(tlPalette[Math.round(((Math.max(-1, Math.min(1, score)) + 1) / 2) * (levels - 1))]);

/**
 * Class colours of k-class maps: the light theme's series colours (the points take the
 * theme's own), each mixed halfway with the map's grey so the points stand out.
 */
const classRgb: [number, number, number][] = [
  [0x1f, 0x5f, 0xbf],
  [0xa8, 0x49, 0x00],
  [0x18, 0x80, 0x4a],
  [0x7a, 0x3f, 0xbf],
  [0xc0, 0x26, 0x4f],
];
export const tlClassNames = ['blue', 'orange', 'green', 'purple', 'pink'];
export const tlClassPalette: [number, number, number][] = classRgb.map(
  (c) => c.map((v, i) => Math.round((v + middle[i]) / 2)) as [number, number, number],
);

/** The decision map's pixels as palette indices, with the palette (k classes or scores). */
export function boundaryPixels(
  grid: NonNullable<Snapshot['grid']>,
  loss: TrainingLabState['loss'],
  classes = 0,
): { indices: Uint8Array; palette: [number, number, number][] } {
  const { values } = grid;
  if (classes > 0) {
    return {
      indices: Uint8Array.from(values, (v) => Math.max(0, Math.min(classes - 1, v))),
      palette: tlClassPalette.slice(0, classes),
    };
  }
  const indices = new Uint8Array(values.length);
  for (let k = 0; k < values.length; k++) {
    indices[k] = Math.round(((tlScore(values[k], loss) + 1) / 2) * (levels - 1));
  }
  return { indices, palette: tlPalette };
}

/** The decision map as a PNG data URL (class regions when `classes` > 0). */
export function boundaryImage(
  grid: NonNullable<Snapshot['grid']>,
  loss: TrainingLabState['loss'],
  classes = 0,
): string {
  const { indices, palette } = boundaryPixels(grid, loss, classes);
  return palettePng(indices, grid.resolution, grid.resolution, palette);
}

// ---------------------------------------------------------------------------------------
// Words.

export function activationName(id: string): string {
  return activations[id]?.name ?? id;
}

/** "2-4-2-1 network (tanh, tanh; tanh output)", with the normalisation if any. */
export function describeNetwork(state: TrainingLabState): string {
  const inputs = tlInputs(state);
  const shape = [inputs.length, ...state.units, classesOf(state.dataset) || 1].join('-');
  const hidden = state.units.length
    ? state.activations.map(activationName).join(', ')
    : 'no hidden layer';
  const norm = state.norm !== 'none' && state.units.length ? `, ${tlNormLabel[state.norm]}` : '';
  const features = featuresOf(state);
  const on = features ? ` on inputs ${features.map((f) => tlFeatureLabel[f]).join(', ')}` : '';
  return `${shape} network${on} (${hidden}${norm}; ${state.output} output)`;
}

const pct = (v: number | null) =>
  v === null || Number.isNaN(v) ? 'n/a' : `${Math.round(100 * v)}%`;

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 0.001 || Math.abs(v) >= 1e5)) return v.toExponential(1);
  return v.toPrecision(3).replace(/\.?0+$/, '') || '0';
}

export function describeProgress(s: Pick<Snapshot, 'step' | 'epoch' | 'diverged'>): string {
  if (s.diverged) return `diverged at step ${s.diverged.step}`;
  return `epoch ${s.epoch}, step ${s.step}`;
}

export function describeBoundary(state: TrainingLabState, s: Snapshot): string {
  if (is1d(state.dataset)) return describeCurve(state, s);
  const counts = `${Math.round((tlLimits.samples * state.trainPercent) / 100)} training points (discs) and ${tlLimits.samples - Math.round((tlLimits.samples * state.trainPercent) / 100)} test points (ringed)`;
  const where = `${describeNetwork(state)} on ${tlDatasetLabel[state.dataset]}, ${describeProgress(s)}`;
  if (isRegression(state.dataset)) {
    return `Output of a ${where}: orange where it is near −1, blue near +1, grey near 0; ${counts}, coloured by their targets. Test loss ${fmt(s.testLoss)}.`;
  }
  const k = classesOf(state.dataset);
  if (k) {
    const colours = tlClassNames.slice(0, k).map((c, i) => `class ${i + 1} ${c}`);
    return `Decision map of a ${where}: each region coloured by the class the network predicts there (${colours.join(', ')}); ${counts}, coloured by their class. Training accuracy ${pct(s.trainAccuracy)}, test accuracy ${pct(s.testAccuracy)}.`;
  }
  return `Decision map of a ${where}: orange where it predicts −1, blue where it predicts +1, paler near the boundary; ${counts}. Training accuracy ${pct(s.trainAccuracy)}, test accuracy ${pct(s.testAccuracy)}.`;
}

export function describeLoss(history: TlHistoryPoint[], compare: TlCompare | null = null): string {
  const first = history[0];
  const last = history.at(-1);
  if (!first || !last) return 'No losses yet.';
  const now = `Training loss ${fmt(last.train)} and test loss ${fmt(last.test)} at step ${last.step} (epoch ${last.epoch})`;
  const own =
    first === last
      ? `${now}, before any training.`
      : `${now}, from ${fmt(first.train)} and ${fmt(first.test)} at step ${first.step}.`;
  if (!compare) return own;
  const b = compare.history.at(-1);
  const other = b
    ? `${compare.names[1]} (green): training loss ${fmt(b.train)} and test loss ${fmt(b.test)} at step ${b.step}.`
    : `${compare.names[1]} (green): no losses yet.`;
  return `${compare.names[0]} (blue): ${own[0].toLowerCase()}${own.slice(1)} ${other} Solid lines are training loss, dashed test loss; both runs start from the same weights on the same data.`;
}

export function describeGrads(state: TrainingLabState, history: TlHistoryPoint[]): string {
  const names = layerNames(state);
  const last = history.at(-1);
  if (names.length === 0) return 'The network has no activation layer to probe.';
  if (!last || last.layers.length === 0) {
    return 'The gradient norms appear after the first training step: for each layer, the size ‖dL/dθ‖ of the gradient of its dense weights and biases, on a log scale.';
  }
  const first = history.find((h) => h.layers.length > 0) ?? last;
  const parts = last.layers.map(
    (l, i) =>
      `${names[i]} ${fmt(l.gradNorm)} (${fmt(first.layers[i]?.gradNorm ?? Number.NaN)} at step ${first.step})`,
  );
  return `Gradient norm ‖dL/dθ‖ of each layer's dense weights and biases at step ${last.step}, on the last batch: ${parts.join('; ')}.`;
}

export function describeHistograms(state: TrainingLabState, histograms: Histogram[]): string {
  const names = layerNames(state);
  if (names.length === 0) return 'The network has no activation layer to probe.';
  if (histograms.length === 0) {
    return 'The histograms appear after the first training step: for each activation layer, how its inputs (the pre-activations) spread over [−4, 4] on the last batch.';
  }
  const parts = histograms.map((h, i) => {
    const shares = shareOf(h);
    const total = h.counts.reduce((a, b) => a + b, h.below + h.above);
    const w = (h.hi - h.lo) / h.counts.length;
    const peak = shares.indexOf(Math.max(...shares));
    const outside = total > 0 ? (h.below + h.above) / total : 0;
    return `${names[i]}: most values in [${fmt(h.lo + peak * w)}, ${fmt(h.lo + (peak + 1) * w)}) (${pct(shares[peak])}), ${pct(outside)} outside [${fmt(h.lo)}, ${fmt(h.hi)}]`;
  });
  return `Pre-activations on the last batch: ${parts.join('; ')}.`;
}

export function layerNames(state: TrainingLabState): string[] {
  const names = state.units.map(
    (u, i) => `layer ${i + 1}: ${u} ${activationName(state.activations[i])}`,
  );
  if (state.output !== 'identity') names.push(`output: ${activationName(state.output)}`);
  return names;
}

export function describeLayers(state: TrainingLabState, history: TlHistoryPoint[]): string {
  const last = history.at(-1);
  const names = layerNames(state);
  if (names.length === 0) return 'The network has no activation layer to probe.';
  if (!last || last.layers.length === 0) {
    return 'The probes report after the first training step: for each activation layer, the share of its values that are saturated (|f′| < 0.05) and the share of its units that are dead (zero on every point of the batch).';
  }
  const parts = last.layers.map(
    (l, i) => `${names[i]}, ${pct(l.saturated)} saturated, ${pct(l.dead)} of units dead`,
  );
  return `At step ${last.step}, on the last batch: ${parts.join('; ')}. Saturated means |f′| < 0.05; dead means zero on every point of the batch.`;
}

// ---------------------------------------------------------------------------------------
// Figures.

const style = { fontSize: '12px', background: 'transparent' };

/** The decision map (or regression surface) with the training and test points. */
export function boundaryFigure(
  state: TrainingLabState,
  points: TlPoint[],
  snapshot: Snapshot,
  width = 320,
): Plot.PlotOptions {
  if (is1d(state.dataset)) return curveFigure(state, points, snapshot, width);
  const margin = { top: 8, right: 8, bottom: 34, left: 34 };
  const side = Math.max(180, Math.min(360, width - margin.left - margin.right));
  const [lo, hi] = tlLimits.extent;
  const regression = isRegression(state.dataset);
  const k = classesOf(state.dataset);
  const fill = (p: TlPoint) =>
    regression
      ? tlColour(p.value)
      : k
        ? `var(--nl-series-${p.value + 1})`
        : p.value > 0
          ? 'var(--nl-series-1)'
          : 'var(--nl-series-2)';
  const marks: Plot.Markish[] = [];
  if (snapshot.grid) {
    // A grid value is the output at a grid point; the image's pixels are centred on them.
    const half = (hi - lo) / (snapshot.grid.resolution - 1) / 2;
    marks.push(
      Plot.image([{ x: (lo + hi) / 2, y: (lo + hi) / 2 }], {
        x: 'x',
        y: 'y',
        width: side * (1 + (2 * half) / (hi - lo)),
        height: side * (1 + (2 * half) / (hi - lo)),
        src: boundaryImage(snapshot.grid, state.loss, k),
        preserveAspectRatio: 'none',
        imageRendering: 'auto',
        opacity: 0.75,
        className: 'nl-boundary',
        ariaHidden: 'true',
      }),
    );
  }
  marks.push(
    Plot.dot(
      points.filter((p) => p.set === 'train'),
      {
        x: 'x',
        y: 'y',
        r: 2.6,
        fill,
        stroke: 'var(--sl-color-black)',
        strokeWidth: 0.8,
        className: 'nl-train-points',
        ariaHidden: 'true',
      },
    ),
    Plot.dot(
      points.filter((p) => p.set === 'test'),
      {
        x: 'x',
        y: 'y',
        r: 2.6,
        fill,
        stroke: 'var(--sl-color-white)',
        strokeWidth: 1.2,
        className: 'nl-test-points',
        ariaHidden: 'true',
      },
    ),
    Plot.frame({ stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
  );
  return {
    width: side + margin.left + margin.right,
    height: side + margin.top + margin.bottom,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    style,
    ariaLabel: regression ? 'Output of the network over the data' : 'Decision map with the data',
    ariaDescription: describeBoundary(state, snapshot),
    x: { label: 'x₁', labelAnchor: 'center', labelOffset: 30, domain: [lo, hi], ticks: 5 },
    y: { label: 'x₂', labelAnchor: 'center', domain: [lo, hi], ticks: 5 },
    marks,
  };
}

// ---------------------------------------------------------------------------------------
// One-input regression: the fitted curve over the points, with the target curve.

/** The target curve of a 1-D set (noiseless). */
export const tlTarget = (state: TrainingLabState) => curves[state.dataset as Curve];

/** The curve's points [x, output] from a snapshot's line grid (empty without one). */
export function curvePoints(s: Pick<Snapshot, 'grid'>): [number, number][] {
  const g = s.grid;
  if (!g) return [];
  const [lo, hi] = g.extent;
  const n = g.values.length;
  const step = n > 1 ? (hi - lo) / (n - 1) : 0;
  return Array.from(g.values, (v, i) => [lo + i * step, v]);
}

/** The fitted curve as a live mark, moved in place while a run plays. */
export function curveLive(s: Pick<Snapshot, 'grid'>): TlLiveMark[] {
  return [{ className: 'nl-fit', kind: 'line', facets: [{ points: curvePoints(s) }] }];
}

/** The value axis of a curve chart: the points' range with a margin, in steps of 0.5. */
export function curveDomain(points: TlPoint[]): [number, number] {
  const ys = points.map((p) => p.y).filter(Number.isFinite);
  const lo = Math.min(-1, ...ys);
  const hi = Math.max(1, ...ys);
  return [Math.floor((lo - 0.25) * 2) / 2, Math.ceil((hi + 0.25) * 2) / 2];
}

/** How far the fit is from the target curve: the mean and the largest gap, and where. */
export function curveGap(state: TrainingLabState, s: Pick<Snapshot, 'grid'>) {
  const f = tlTarget(state);
  let sum = 0;
  let worst = { gap: 0, x: Number.NaN };
  const pts = curvePoints(s);
  for (const [x, y] of pts) {
    const gap = Math.abs(y - f(x));
    sum += gap;
    if (!(gap <= worst.gap)) worst = { gap, x };
  }
  return { mean: pts.length ? sum / pts.length : Number.NaN, ...worst };
}

export function describeCurve(state: TrainingLabState, s: Snapshot): string {
  const n = Math.round((tlLimits.samples * state.trainPercent) / 100);
  const where = `${describeNetwork(state)} fitted to ${tlDatasetLabel[state.dataset]}, ${describeProgress(s)}`;
  const pts = curvePoints(s);
  const at = [-3, -1.5, 0, 1.5, 3]
    .map((x) => {
      const p = pts.reduce((a, b) => (Math.abs(b[0] - x) < Math.abs(a[0] - x) ? b : a), pts[0]);
      return p ? `${fmt(x)} → ${fmt(p[1])} (target ${fmt(tlTarget(state)(x))})` : '';
    })
    .filter(Boolean);
  const gap = curveGap(state, s);
  return `Output of a ${where}, drawn as a curve over ${n} training points (discs) and ${tlLimits.samples - n} test points (ringed), with the noiseless target as a dashed line. At x = ${at.join('; ')}. Mean distance from the target ${fmt(gap.mean)}, largest ${fmt(gap.gap)} at x = ${fmt(gap.x)}. Test loss ${fmt(s.testLoss)}.`;
}

/** A 1-D set: the points, the target (dashed) and the network's curve over [−3, 3]. */
export function curveFigure(
  state: TrainingLabState,
  points: TlPoint[],
  snapshot: Snapshot,
  width = 320,
): Plot.PlotOptions {
  const [lo, hi] = tlLimits.extent1d;
  const f = tlTarget(state);
  const target = Array.from({ length: 241 }, (_, i) => {
    const x = lo + ((hi - lo) * i) / 240;
    return { x, y: f(x) };
  });
  const fit = curvePoints(snapshot).map(([x, y]) => ({
    x,
    y: Number.isFinite(y) ? y : Number.NaN,
  }));
  const dots = (set: TlPoint['set']) =>
    Plot.dot(
      points.filter((p) => p.set === set),
      {
        x: 'x',
        y: 'y',
        r: 1.8,
        fill: set === 'train' ? 'var(--nl-series-2)' : 'none',
        stroke: set === 'train' ? 'none' : 'var(--nl-series-2)',
        strokeWidth: 1,
        fillOpacity: 0.6,
        strokeOpacity: 0.8,
        className: set === 'train' ? 'nl-train-points' : 'nl-test-points',
        ariaHidden: 'true',
      },
    );
  const side = Math.max(200, Math.min(400, width));
  return {
    width: side,
    height: Math.round(side * 0.8),
    marginTop: 8,
    marginRight: 8,
    marginBottom: 34,
    marginLeft: 46,
    style,
    ariaLabel: `The network's curve over the ${tlDatasetLabel[state.dataset]} data`,
    ariaDescription: describeCurve(state, snapshot),
    x: { label: 'x', labelAnchor: 'center', labelOffset: 30, domain: [lo, hi], ticks: 7 },
    y: {
      label: 'output',
      labelAnchor: 'center',
      domain: curveDomain(points),
      grid: true,
      ticks: 5,
    },
    marks: [
      dots('train'),
      dots('test'),
      Plot.line(target, {
        x: 'x',
        y: 'y',
        stroke: 'currentColor',
        strokeWidth: 2,
        strokeDasharray: '5 3',
        className: 'nl-target',
        ariaHidden: 'true',
      }),
      Plot.line(fit, {
        x: 'x',
        y: 'y',
        stroke: 'var(--nl-series-1)',
        strokeWidth: 2.5,
        clip: true,
        className: 'nl-fit',
        ariaHidden: 'true',
      }),
      Plot.frame({ stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
    ],
  };
}

// ---------------------------------------------------------------------------------------
// Per-unit thumbnails: each hidden unit's output over the plane, on the map's palette
// clamped to [−1, 1] as in Playground (so saturated tanh units look alike, and a ReLU unit
// is grey where it is 0 and blue where it is 1 or more).

export interface TlThumbnail {
  /** Palette indices, resolution² from the top-left, on tlPalette. */
  indices: Uint8Array;
  min: number;
  max: number;
  /** The share of the grid where the unit is exactly 0 (a ReLU's flat side). */
  zero: number;
}

export interface TlThumbnailLayer {
  name: string;
  units: TlThumbnail[];
}

/** The thumbnails of each hidden layer of a snapshot's unit grids (none for a 1-D set). */
export function unitThumbnails(
  state: TrainingLabState,
  units: Snapshot['units'],
): TlThumbnailLayer[] {
  if (!units) return [];
  const names = layerNames(state);
  return units.layers.map((layer, l) => {
    const n = layer.values.length / layer.units;
    return {
      name: names[l] ?? `layer ${l + 1}`,
      units: Array.from({ length: layer.units }, (_, j) => {
        const indices = new Uint8Array(n);
        let min = Number.POSITIVE_INFINITY;
        let max = Number.NEGATIVE_INFINITY;
        let zero = 0;
        for (let k = 0; k < n; k++) {
          const v = layer.values[k * layer.units + j];
          if (v < min) min = v;
          if (v > max) max = v;
          if (v === 0) zero++;
          indices[k] = Math.round(((tlScore(v, 'mse') + 1) / 2) * (levels - 1));
        }
        return { indices, min, max, zero: n ? zero / n : 0 };
      }),
    };
  });
}

/** A thumbnail as a PNG data URL (the build's encoder; the page uses a canvas). */
export function thumbnailImage(t: TlThumbnail, resolution: number): string {
  return palettePng(t.indices, resolution, resolution, tlPalette);
}

/** One unit in words, for its image's alt text. */
export function describeUnit(layer: string, j: number, t: TlThumbnail): string {
  const zero = t.zero > 0 ? `, exactly 0 on ${Math.round(100 * t.zero)}% of the plane` : '';
  return `${layer}, unit ${j + 1}: from ${fmt(t.min)} to ${fmt(t.max)} over the plane${zero}`;
}

export function describeUnits(state: TrainingLabState, layers: TlThumbnailLayer[]): string {
  if (is1d(state.dataset)) return 'Unit thumbnails are drawn for the two-input data sets.';
  if (layers.length === 0) return 'The network has no hidden layer, so there are no units to show.';
  const parts = layers.map(
    (l) =>
      `${l.name}: ${l.units.map((t, j) => `unit ${j + 1} ${fmt(t.min)} to ${fmt(t.max)}${t.zero > 0 ? ` (0 on ${Math.round(100 * t.zero)}%)` : ''}`).join(', ')}`,
  );
  return `Each hidden unit's output over the same square as the map, orange for −1 or less, grey for 0, blue for +1 or more. ${parts.join('; ')}.`;
}

// ---------------------------------------------------------------------------------------
// Live charts. While a run plays, a chart is redrawn by Plot only when one of its domains
// must grow; otherwise the page moves its lines in place (tlLinePath with the chart's
// scales). Domains grow in steps of 1, 2, 5 × 10ⁿ, so a long run redraws a few dozen times.

/** The smallest of 1, 2, 5 × 10ⁿ at or above v (at least `least`). */
export function niceCeil(v: number, least = 0): number {
  const x = Math.max(v, least);
  if (!(x > 0) || !Number.isFinite(x)) return Math.max(least, 1);
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x * (1 - 1e-12)) return m * p;
  return 10 * p;
}

/** The domains a chart is drawn with: the step axis and the value axis. */
export interface TlDomains {
  x: [number, number];
  y: [number, number];
}

/** `prev` if it holds `need`, else the union of both (domains only grow during a run). */
export function growDomains(prev: TlDomains | null, need: TlDomains): TlDomains {
  if (!prev) return need;
  const holds = (a: [number, number], b: [number, number]) => a[0] <= b[0] && a[1] >= b[1];
  if (holds(prev.x, need.x) && holds(prev.y, need.y)) return prev;
  return {
    x: [Math.min(prev.x[0], need.x[0]), Math.max(prev.x[1], need.x[1])],
    y: [Math.min(prev.y[0], need.y[0]), Math.max(prev.y[1], need.y[1])],
  };
}

const finite = (vs: number[]) => vs.filter((v) => Number.isFinite(v));

/**
 * The step axis for the steps so far: [0, the 1-2-5 ceiling of twice the last step, at
 * least 10]. The headroom halves how often a fast run must redraw its charts.
 */
export function stepDomain(...histories: TlHistoryPoint[][]): [number, number] {
  const last = Math.max(0, ...histories.map((h) => h.at(-1)?.step ?? 0));
  return [0, last <= 10 ? 10 : niceCeil(2 * last)];
}

/** The loss chart's domains: every loss so far under a 1-2-5 ceiling. */
export function lossDomains(...histories: TlHistoryPoint[][]): TlDomains {
  const top = Math.max(0, ...finite(histories.flat().flatMap((h) => [h.train, h.test])));
  return { x: stepDomain(...histories), y: [0, niceCeil(top, 0.1)] };
}

/** The gradient chart's domains: whole decades around every finite positive norm. */
export function gradDomains(history: TlHistoryPoint[]): TlDomains {
  const norms = finite(history.flatMap((h) => h.layers.map((l) => l.gradNorm))).filter(
    (v) => v > 0,
  );
  const lo = norms.length ? 10 ** Math.floor(Math.log10(Math.min(...norms))) : 1e-3;
  const hi = norms.length ? 10 ** Math.ceil(Math.log10(Math.max(...norms))) : 1;
  return { x: stepDomain(history), y: [Math.max(1e-12, lo), Math.max(hi, lo * 10)] };
}

/** The histogram chart's domains: the probes' range and the largest share under a ceiling. */
export function histogramDomains(histograms: Histogram[]): TlDomains {
  const first = histograms[0];
  const shares = histograms.flatMap((h) => shareOf(h));
  return {
    x: first ? [first.lo, first.hi] : [-4, 4],
    y: [0, niceCeil(Math.max(0, ...shares), 0.1)],
  };
}

/** A histogram's bins as shares of every value (those out of range included). */
function shareOf(h: Histogram): number[] {
  const total = h.counts.reduce((a, b) => a + b, h.below + h.above);
  return h.counts.map((c) => (total > 0 ? c / total : 0));
}

/** A run of points as an SVG path: M…L…, broken where a value is not finite. */
export function tlLinePath(
  points: readonly (readonly [number, number])[],
  sx: (v: number) => number,
  sy: (v: number) => number,
): string {
  let d = '';
  let pen = false;
  for (const [x, y] of points) {
    if (!(Number.isFinite(x) && Number.isFinite(y))) {
      pen = false;
      continue;
    }
    const px = sx(x);
    const py = sy(y);
    d += `${pen ? 'L' : 'M'}${Math.round(px * 100) / 100},${Math.round(py * 100) / 100}`;
    pen = true;
  }
  return d;
}

/** Bins [edge, share] drawn as a filled step outline down to `base` (a histogram). */
export function tlStepArea(
  bins: readonly (readonly [number, number])[],
  width: number,
  sx: (v: number) => number,
  sy: (v: number) => number,
): string {
  if (bins.length === 0) return '';
  const r = (v: number) => Math.round(v * 100) / 100;
  const base = r(sy(0));
  let d = `M${r(sx(bins[0][0]))},${base}`;
  for (const [x, y] of bins) d += `V${r(sy(y))}H${r(sx(x + width))}`;
  return `${d}V${base}Z`;
}

/**
 * What changes in a live chart between redraws, in data units: for each mark (by class
 * name), per facet, its points ('line', 'area') or its one label ('text').
 */
export interface TlLiveMark {
  className: string;
  kind: 'line' | 'area' | 'text';
  facets: { points: [number, number][]; text?: string; binWidth?: number }[];
}

/** A chart as Plot returns it: an SVG element with its scales. */
export type TlScaledSvg = SVGSVGElement & {
  scale(name: string): { apply(v: number): number } | undefined;
};

/**
 * Moves a chart's marks to `marks` using the chart's own scales, in place: a line's or an
 * area's path, a label's position and text. False when the chart's structure does not
 * match (a facet or a label Plot did not draw): then it needs a full redraw.
 */
export function tlApplyLive(svg: TlScaledSvg, marks: TlLiveMark[]): boolean {
  const x = svg.scale('x');
  const y = svg.scale('y');
  if (!x || !y) return false;
  const sx = (v: number) => x.apply(v);
  const sy = (v: number) => y.apply(v);
  for (const m of marks) {
    const groups = svg.querySelectorAll(`g.${m.className}`);
    const used = m.facets.filter((f) => f.points.length > 0).length;
    if (used === 0 && groups.length === 0) continue;
    if (groups.length !== m.facets.length) return false;
    for (let i = 0; i < groups.length; i++) {
      const f = m.facets[i];
      const g = groups[i];
      if (m.kind === 'text') {
        const text = g.querySelector('text');
        if (!text) {
          if (f.points.length === 0) continue;
          return false;
        }
        const [p] = f.points;
        if (!p) {
          text.setAttribute('visibility', 'hidden');
          continue;
        }
        text.removeAttribute('visibility');
        text.setAttribute('transform', `translate(${sx(p[0])},${sy(p[1])})`);
        if (text.textContent !== f.text) text.textContent = f.text ?? '';
        continue;
      }
      let path = g.querySelector('path');
      if (!path) {
        path = svg.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'path');
        g.append(path);
      }
      path.setAttribute(
        'd',
        m.kind === 'line'
          ? tlLinePath(f.points, sx, sy)
          : tlStepArea(f.points, f.binWidth ?? 0, sx, sy),
      );
    }
  }
  return true;
}

export interface TlCompare {
  /** The compared run's history. */
  history: TlHistoryPoint[];
  /** The two runs' names: "Tanh" and "ReLU". */
  names: [string, string];
}

const lossColour = (set: string, run: 0 | 1, compare: boolean) =>
  compare
    ? run === 0
      ? 'var(--nl-series-1)'
      : 'var(--nl-series-3)'
    : set === 'training'
      ? 'var(--nl-series-1)'
      : 'var(--nl-series-2)';

/** The loss chart's lines and end labels, for in-place updates. */
export function lossLive(history: TlHistoryPoint[], compare?: TlCompare | null): TlLiveMark[] {
  const runs = compare ? [history, compare.history] : [history];
  return runs.flatMap((h, run) => {
    const suffix = run === 0 ? '' : '-b';
    const last = h.at(-1);
    return (['training', 'test'] as const).flatMap((set): TlLiveMark[] => {
      const key = set === 'training' ? 'train' : 'test';
      const label = compare ? (set === 'test' ? null : compare.names[run]) : set;
      const marks: TlLiveMark[] = [
        {
          className: `nl-loss-${set}${suffix}`,
          kind: 'line',
          facets: [{ points: h.map((p) => [p.step, p[key]]) }],
        },
      ];
      if (label !== null) {
        marks.push({
          className: `nl-loss-label-${set}${suffix}`,
          kind: 'text',
          facets: [
            {
              points: last && Number.isFinite(last[key]) ? [[last.step, last[key]]] : [],
              text: label,
            },
          ],
        });
      }
      return marks;
    });
  });
}

/** Training and test loss over the steps so far (and the compared run's, if any). */
export function lossFigure(
  history: TlHistoryPoint[],
  width = 320,
  domains: TlDomains = lossDomains(history),
  compare: TlCompare | null = null,
): Plot.PlotOptions {
  const live = lossLive(history, compare);
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' })];
  for (const m of live) {
    const run = m.className.endsWith('-b') ? 1 : 0;
    const set = m.className.includes('training') ? 'training' : 'test';
    const data = m.facets[0].points.map(([step, loss]) => ({ step, loss }));
    if (m.kind === 'line') {
      marks.push(
        Plot.line(data, {
          x: 'step',
          y: 'loss',
          stroke: lossColour(set, run as 0 | 1, Boolean(compare)),
          strokeWidth: 2,
          strokeDasharray: set === 'test' ? '5 3' : undefined,
          className: m.className,
          ariaHidden: 'true',
        }),
      );
    } else {
      // Labels at the ends, the training one above and the test one below, so they stay
      // apart when the curves meet.
      marks.push(
        Plot.text(data, {
          x: 'step',
          y: 'loss',
          text: () => m.facets[0].text,
          dx: 6,
          dy: set === 'training' && run === 0 ? -6 : 6,
          textAnchor: 'start',
          fill: compare ? lossColour(set, run as 0 | 1, true) : 'currentColor',
          className: m.className,
          ariaHidden: 'true',
        }),
      );
    }
  }
  return {
    width,
    height: 170,
    marginLeft: 44,
    marginRight: 64,
    marginBottom: 34,
    style,
    ariaLabel: compare
      ? `Training and test loss of the ${compare.names[0]} and ${compare.names[1]} runs`
      : 'Training and test loss over the run',
    ariaDescription: describeLoss(history, compare),
    x: {
      label: 'step',
      labelAnchor: 'center',
      labelOffset: 30,
      domain: domains.x,
      ticks: 4,
      tickFormat: '~s',
    },
    y: { label: 'loss', grid: true, domain: domains.y, ticks: 4 },
    marks,
  };
}

/** The layers chart's lines and end labels, one facet per activation layer. */
export function layersLive(state: TrainingLabState, history: TlHistoryPoint[]): TlLiveMark[] {
  const panels = layerNames(state).length;
  const last = history.at(-1);
  return (['saturated', 'dead'] as const).flatMap((kind): TlLiveMark[] => {
    const cls = kind === 'saturated' ? 'saturated' : 'dead-units';
    const word = kind === 'saturated' ? 'saturated' : 'dead units';
    const facets = Array.from({ length: panels }, (_, i) => i);
    return [
      {
        className: `nl-probe-${cls}`,
        kind: 'line',
        facets: facets.map((i) => ({
          points: history
            .filter((h) => h.layers[i])
            .map((h): [number, number] => [h.step, h.layers[i][kind]]),
        })),
      },
      {
        className: `nl-probe-end-${cls}`,
        kind: 'text',
        facets: facets.map((i) => {
          const v = last?.layers[i]?.[kind];
          return v === undefined || !Number.isFinite(v)
            ? { points: [] }
            : { points: [[last?.step ?? 0, v]], text: `${word} ${Math.round(100 * v)}%` };
        }),
      },
    ];
  });
}

/** One panel per activation layer: saturated and dead fractions over the steps. */
export function layersFigure(
  state: TrainingLabState,
  history: TlHistoryPoint[],
  width = 320,
  x: [number, number] = stepDomain(history),
): Plot.PlotOptions {
  const names = layerNames(state);
  const live = layersLive(state, history);
  const panels = Math.max(1, names.length);
  const colour = (cls: string) =>
    cls.endsWith('saturated') ? 'var(--nl-series-4)' : 'var(--nl-series-5)';
  const panelNames = names.length ? names : ['no activation layer'];
  const rowsOf = (m: TlLiveMark) =>
    m.facets.flatMap((f, i) =>
      f.points.map(([step, value]) => ({ step, value, layer: names[i], text: f.text })),
    );
  const marks: Plot.Markish[] = [
    Plot.frame({ stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
    // Each panel's title above its top-left corner.
    Plot.text(panelNames, {
      fy: (d) => d,
      text: (d) => d,
      frameAnchor: 'top-left',
      lineAnchor: 'bottom',
      dy: -3,
      fill: 'currentColor',
      ariaHidden: 'true',
    }),
  ];
  const any = live.some((m) => m.kind === 'line' && m.facets.some((f) => f.points.length > 0));
  for (const m of live) {
    const rows = rowsOf(m);
    if (m.kind === 'line') {
      marks.push(
        Plot.line(rows, {
          x: 'step',
          y: 'value',
          fy: 'layer',
          stroke: colour(m.className),
          strokeWidth: 1.8,
          strokeDasharray: m.className.endsWith('dead-units') ? '4 2' : undefined,
          className: m.className,
          ariaHidden: 'true',
        }),
      );
    } else if (any) {
      // Latest values as labels at the right of each panel.
      marks.push(
        Plot.text(rows, {
          x: 'step',
          y: 'value',
          fy: 'layer',
          text: 'text',
          dx: 4,
          dy: m.className.endsWith('saturated') ? -5 : 5,
          textAnchor: 'start',
          fill: colour(m.className),
          className: m.className,
          ariaHidden: 'true',
        }),
      );
    }
  }
  if (!any) {
    marks.push(
      Plot.text([names.length ? 'no probes before the first step' : 'no activation layer'], {
        frameAnchor: 'middle',
        fill: 'currentColor',
        ariaHidden: 'true',
      }),
    );
  }
  return {
    width,
    height: 28 + 64 * panels,
    marginLeft: 44,
    marginRight: 108,
    marginTop: 18,
    marginBottom: 30,
    style,
    ariaLabel: 'Saturated and dead fractions per activation layer',
    ariaDescription: describeLayers(state, history),
    x: {
      label: 'step',
      labelAnchor: 'center',
      labelOffset: 28,
      domain: x,
      ticks: 4,
      tickFormat: '~s',
    },
    y: { label: null, domain: [0, 1], ticks: 2, tickFormat: '.0%', grid: true },
    fy: { domain: panelNames, axis: null, padding: 0.4 },
    marks,
  };
}

/** The gradient chart's lines and end labels: one line per activation layer's dense layer. */
export function gradLive(state: TrainingLabState, history: TlHistoryPoint[]): TlLiveMark[] {
  const names = layerNames(state);
  const last = history.at(-1);
  return names.flatMap((_, i): TlLiveMark[] => {
    const v = last?.layers[i]?.gradNorm;
    return [
      {
        className: `nl-grad-${i}`,
        kind: 'line',
        facets: [
          {
            points: history
              .filter((h) => h.layers[i])
              .map((h): [number, number] => [
                h.step,
                h.layers[i].gradNorm > 0 ? h.layers[i].gradNorm : Number.NaN,
              ]),
          },
        ],
      },
      {
        className: `nl-grad-end-${i}`,
        kind: 'text',
        facets: [
          {
            points: v !== undefined && v > 0 && Number.isFinite(v) ? [[last?.step ?? 0, v]] : [],
            text: i < state.units.length ? `layer ${i + 1}` : 'output',
          },
        ],
      },
    ];
  });
}

const seriesColour = (i: number) => `var(--nl-series-${(i % 6) + 1})`;

/** Gradient norms of each layer's dense parameters over the steps, on a log scale. */
export function gradFigure(
  state: TrainingLabState,
  history: TlHistoryPoint[],
  width = 320,
  domains: TlDomains = gradDomains(history),
): Plot.PlotOptions {
  const live = gradLive(state, history);
  const marks: Plot.Markish[] = [Plot.frame({ stroke: 'var(--nl-axis)', ariaHidden: 'true' })];
  for (const m of live) {
    const i = Number(/(\d+)$/.exec(m.className)?.[1]);
    const data = m.facets[0].points.map(([step, norm]) => ({ step, norm }));
    marks.push(
      m.kind === 'line'
        ? Plot.line(data, {
            x: 'step',
            y: 'norm',
            stroke: seriesColour(i),
            strokeWidth: 1.8,
            className: m.className,
            ariaHidden: 'true',
          })
        : Plot.text(data, {
            x: 'step',
            y: 'norm',
            text: () => m.facets[0].text,
            dx: 4,
            textAnchor: 'start',
            fill: seriesColour(i),
            className: m.className,
            ariaHidden: 'true',
          }),
    );
  }
  if (!history.some((h) => h.layers.length > 0)) {
    marks.push(
      Plot.text([live.length ? 'no gradients before the first step' : 'no hidden layer'], {
        frameAnchor: 'middle',
        fill: 'currentColor',
        ariaHidden: 'true',
      }),
    );
  }
  return {
    width,
    height: 170,
    marginLeft: 52,
    marginRight: 64,
    marginBottom: 34,
    style,
    ariaLabel: 'Gradient norm of each layer over the run',
    ariaDescription: describeGrads(state, history),
    x: {
      label: 'step',
      labelAnchor: 'center',
      labelOffset: 30,
      domain: domains.x,
      ticks: 4,
      tickFormat: '~s',
    },
    y: {
      type: 'log',
      label: '‖gradient‖',
      domain: domains.y,
      ticks: 4,
      tickFormat: '~g',
      grid: true,
    },
    marks,
  };
}

/** The histogram chart's areas, one facet per activation layer. */
export function histogramLive(state: TrainingLabState, histograms: Histogram[]): TlLiveMark[] {
  const panels = layerNames(state).length;
  return [
    {
      className: 'nl-histogram',
      kind: 'area',
      facets: Array.from({ length: panels }, (_, i) => {
        const h = histograms[i];
        if (!h) return { points: [] };
        const w = (h.hi - h.lo) / h.counts.length;
        return {
          points: shareOf(h).map((v, j): [number, number] => [h.lo + j * w, v]),
          binWidth: w,
        };
      }),
    },
  ];
}

/** Each activation layer's pre-activations on the last batch, as a histogram. */
export function histogramFigure(
  state: TrainingLabState,
  histograms: Histogram[],
  width = 320,
  domains: TlDomains = histogramDomains(histograms),
): Plot.PlotOptions {
  const names = layerNames(state);
  const panelNames = names.length ? names : ['no activation layer'];
  const [m] = histogramLive(state, histograms);
  // Each bin as two points (its left and right edges), drawn with a step curve.
  const rows = m.facets.flatMap((f, i) =>
    f.points.flatMap(([x, share]) => [
      { x, share, layer: names[i] },
      { x: x + (f.binWidth ?? 0), share, layer: names[i] },
    ]),
  );
  const marks: Plot.Markish[] = [
    Plot.frame({ stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
    Plot.text(panelNames, {
      fy: (d) => d,
      text: (d) => d,
      frameAnchor: 'top-left',
      lineAnchor: 'bottom',
      dy: -3,
      fill: 'currentColor',
      ariaHidden: 'true',
    }),
    Plot.areaY(rows, {
      x: 'x',
      y: 'share',
      fy: 'layer',
      fill: 'var(--nl-series-1)',
      fillOpacity: 0.55,
      stroke: 'var(--nl-series-1)',
      className: 'nl-histogram',
      ariaHidden: 'true',
    }),
  ];
  if (rows.length === 0) {
    marks.push(
      Plot.text([names.length ? 'no probes before the first step' : 'no activation layer'], {
        frameAnchor: 'middle',
        fill: 'currentColor',
        ariaHidden: 'true',
      }),
    );
  }
  return {
    width,
    height: 28 + 64 * Math.max(1, names.length),
    marginLeft: 44,
    marginRight: 16,
    marginTop: 18,
    marginBottom: 30,
    style,
    ariaLabel: 'Histogram of the pre-activations of each activation layer',
    ariaDescription: describeHistograms(state, histograms),
    x: {
      label: 'pre-activation',
      labelAnchor: 'center',
      labelOffset: 28,
      domain: domains.x,
      ticks: 5,
    },
    y: { label: null, domain: domains.y, ticks: 2, tickFormat: '.0%', grid: true },
    fy: { domain: panelNames, axis: null, padding: 0.4 },
    marks,
  };
}
