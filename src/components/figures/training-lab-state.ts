// The state of the training lab (the playground) and its URL form. Kept apart from the
// figures and the engine so that the widget's element can read, validate and share it
// without loading either: the lists below mirror the catalogue's and the engine's, and
// test/figures/training-lab.test.ts checks that they still agree.

import { choice, number, type Problems } from './url-params.ts';

/** The catalogue's scalar activations, in catalogue order (activationIds). */
export const tlActivations = [
  'identity',
  'sigmoid',
  'tanh',
  'softsign',
  'hard-sigmoid',
  'hard-tanh',
  'log-sigmoid',
  'relu',
  'leaky-relu',
  'prelu',
  'rrelu',
  'relu6',
  'elu',
  'celu',
  'selu',
  'softplus',
  'gelu',
  'gelu-tanh',
  'silu',
  'swish',
  'mish',
  'hard-swish',
] as const;
export type TlActivation = (typeof tlActivations)[number];

/** Input features of the two-input sets (src/lib/data/features.ts, Playground's INPUTS). */
export const tlFeatures = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
export type TlFeature = (typeof tlFeatures)[number];
export const tlFeatureLabel: Record<TlFeature, string> = {
  x1: 'x₁',
  x2: 'x₂',
  x1sq: 'x₁²',
  x2sq: 'x₂²',
  x1x2: 'x₁x₂',
  sinx1: 'sin x₁',
  sinx2: 'sin x₂',
};

/**
 * The sets: two-input ones (a decision map over the plane) and, last, one-input regression
 * curves (the fit drawn as a curve over the points).
 */
export const tlDatasets = [
  'circle',
  'xor',
  'gauss',
  'spiral',
  'moons',
  'reg-plane',
  'reg-gauss',
  'spirals-3',
  'spirals-5',
  'sine',
  'step',
  'abs',
] as const;
export type TlDataset = (typeof tlDatasets)[number];
/** One-input regression sets: x in [−3, 3], a target curve plus noise. */
export const tl1d: readonly TlDataset[] = ['sine', 'step', 'abs'];
/** Sets of k > 2 classes, for k outputs with softmax and cross-entropy. */
export const tlMultiClass: Partial<Record<TlDataset, number>> = { 'spirals-3': 3, 'spirals-5': 5 };
export const tlRegression: readonly TlDataset[] = ['reg-plane', 'reg-gauss', ...tl1d];
export const tlDatasetLabel: Record<TlDataset, string> = {
  circle: 'Circle',
  xor: 'XOR',
  gauss: 'Two Gaussians',
  spiral: 'Spiral',
  moons: 'Moons',
  'reg-plane': 'Plane (regression)',
  'reg-gauss': 'Six bumps (regression)',
  'spirals-3': 'Three spirals (3 classes)',
  'spirals-5': 'Five spirals (5 classes)',
  sine: 'Sine curve (1-D regression)',
  step: 'Step (1-D regression)',
  abs: '|x| (1-D regression)',
};

export const tlOutputs = ['tanh', 'sigmoid', 'identity'] as const;
// For k classes the output is k raw scores (identity); softmax is inside the loss, as in
// PyTorch's CrossEntropyLoss.
export type TlOutput = (typeof tlOutputs)[number];
export const tlOutputLabel: Record<TlOutput, string> = {
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  identity: 'identity (raw score)',
};

export const tlLosses = ['half-mse', 'mse', 'bce-logits', 'softmax-cross-entropy'] as const;
export type TlLoss = (typeof tlLosses)[number];
export const tlLossLabel: Record<TlLoss, string> = {
  'half-mse': 'half squared error (Playground)',
  mse: 'mean squared error',
  'bce-logits': 'binary cross-entropy with logits',
  'softmax-cross-entropy': 'softmax cross-entropy (k classes)',
};

export const tlRegularisations = ['none', 'l1', 'l2'] as const;
export type TlRegularisation = (typeof tlRegularisations)[number];
/** Playground's regularisation rates. */
export const tlRegularisationRates = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;

/** A normalisation layer between each hidden layer's Dense and its activation, or none. */
export const tlNorms = ['none', 'batch-norm', 'layer-norm'] as const;
export type TlNorm = (typeof tlNorms)[number];
export const tlNormLabel: Record<TlNorm, string> = {
  none: 'none',
  'batch-norm': 'BatchNorm',
  'layer-norm': 'LayerNorm',
};

/** Training speeds in steps a second; 0 is as fast as the worker can. */
export const tlSpeeds = [1, 3, 10, 30, 100, 300, 1000, 3000, 0] as const;
export const tlSpeedLabel = (v: number) =>
  v === 0 ? 'as fast as possible' : `${v} step${v === 1 ? '' : 's'} a second`;

/** The engine's initialisers (initSchemes). */
export const tlInits = [
  'glorot-uniform',
  'glorot-normal',
  'he-uniform',
  'he-normal',
  'lecun-normal',
  'playground',
  'standard',
  'zeros',
] as const;
export type TlInit = (typeof tlInits)[number];

export const tlExportFormats = ['json', 'pytorch', 'keras'] as const;
export type TlExportFormat = (typeof tlExportFormats)[number];

export const tlOptimisers = ['sgd', 'adam'] as const;
export type TlOptimiser = (typeof tlOptimisers)[number];

/** Playground's learning rates. */
export const tlLearningRates = [
  0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10,
] as const;

export interface TrainingLabState {
  dataset: TlDataset;
  /** The network's inputs for a two-input set, in tlFeatures order (unused for 1-D sets). */
  features: TlFeature[];
  /** Playground's noise slider over 100: 0 to 0.5. */
  noise: number;
  /** Per cent of the points used for training, 10 to 90. */
  trainPercent: number;
  /** Units of each hidden layer (0 to 4 layers of 1 to 8 units). */
  units: number[];
  /** Activation of each hidden layer, as many as units. */
  activations: TlActivation[];
  output: TlOutput;
  loss: TlLoss;
  init: TlInit;
  optimiser: TlOptimiser;
  learningRate: number;
  batchSize: number;
  seed: number;
  regularisation: TlRegularisation;
  /** λ of the regularisation, one of Playground's rates. */
  regularisationRate: number;
  norm: TlNorm;
  /** Training steps a second while playing (0: as fast as possible); not part of the run. */
  speed: number;
  /** A second run with this activation in every hidden layer, or 'none'. */
  compare: TlActivation | 'none';
}

export const tlLimits = {
  layers: { min: 0, max: 4 },
  units: { min: 1, max: 8 },
  noise: { min: 0, max: 0.5, step: 0.05 },
  trainPercent: { min: 10, max: 90, step: 10 },
  batchSize: { min: 1, max: 30 },
  /** Points in every data set, as in Playground's classification sets. */
  samples: 500,
  /** The square the data and the decision grid cover. */
  extent: [-6, 6] as [number, number],
  /** Grid points per side of the decision map. */
  grid: 50,
  /** Grid points per side of each unit's thumbnail (Playground's are 10). */
  thumbnail: 16,
  /** The interval of the one-input sets, and the points of the fitted curve over it. */
  extent1d: [-3, 3] as [number, number],
  curve: 121,
} as const;

export const tlDefaults: TrainingLabState = {
  dataset: 'circle',
  features: ['x1', 'x2'],
  noise: 0,
  trainPercent: 50,
  units: [4, 2],
  activations: ['tanh', 'tanh'],
  output: 'tanh',
  loss: 'half-mse',
  init: 'playground',
  optimiser: 'sgd',
  learningRate: 0.03,
  batchSize: 10,
  seed: 1,
  regularisation: 'none',
  regularisationRate: 0.003,
  norm: 'none',
  speed: 300,
  compare: 'none',
};

export const isRegression = (dataset: TlDataset) => tlRegression.includes(dataset);
/** A one-input set: a curve, no features, no thumbnails. */
export const is1d = (dataset: TlDataset) => tl1d.includes(dataset);
/** The number of classes of a k-class set, or 0 for the two-class and regression sets. */
export const classesOf = (dataset: TlDataset) => tlMultiClass[dataset] ?? 0;
/** What kind of task a set is, for deciding whether a new set needs a new output and loss. */
export const taskOf = (dataset: TlDataset) =>
  isRegression(dataset) ? 'regression' : classesOf(dataset) ? 'classes' : 'binary';

/** The output and loss that belong together for a task. */
export function matchingPair(dataset: TlDataset): { output: TlOutput; loss: TlLoss } {
  if (classesOf(dataset)) return { output: 'identity', loss: 'softmax-cross-entropy' };
  return isRegression(dataset)
    ? { output: 'identity', loss: 'mse' }
    : { output: 'tanh', loss: 'half-mse' };
}

/**
 * What is wrong with the output and loss for this data, in a sentence, or null when they
 * fit: tanh with (half) squared error on ±1 labels (Playground's), a raw score with binary
 * cross-entropy with logits (the sigmoid is inside the loss, as in PyTorch's
 * BCEWithLogitsLoss), a raw score with squared error, and tanh for targets in [−1, 1].
 */
export function couplingWarning(state: Pick<TrainingLabState, 'dataset' | 'output' | 'loss'>) {
  const { output, loss } = state;
  const k = classesOf(state.dataset);
  if (k) {
    if (loss !== 'softmax-cross-entropy') {
      return `${k} classes need ${k} scores turned into probabilities: use softmax cross-entropy, which applies the softmax itself, with an identity output (${tlLossLabel[loss]} on one-hot targets trains, but does not give probabilities).`;
    }
    if (output !== 'identity') {
      return `Softmax cross-entropy applies the softmax to the ${k} scores itself; a ${output} output squeezes them into a narrow range first, so the probabilities stay near 1/${k} and the loss cannot fall far. Use an identity output.`;
    }
    return null;
  }
  if (loss === 'softmax-cross-entropy') {
    return 'Softmax cross-entropy needs one score per class; this data set has one output, and a softmax over one score is always 1, so nothing would be learned. Use the matching pair.';
  }
  if (isRegression(state.dataset)) {
    if (loss === 'bce-logits') {
      return 'Binary cross-entropy is for two classes, with targets 0 and 1; these targets are real numbers in [−1, 1], and the loss has no minimum for a negative target, so the run will diverge. Use an identity output with mean squared error.';
    }
    if (output === 'sigmoid') {
      return 'A sigmoid output lies in (0, 1), so it can never reach the negative targets of this data set. Use an identity output with mean squared error.';
    }
    return null;
  }
  if (loss === 'bce-logits') {
    if (output === 'sigmoid') {
      return 'The sigmoid is applied twice: binary cross-entropy with logits applies its own sigmoid to the output, so a sigmoid output (always between 0 and 1) gives probabilities between 0.5 and 0.73 and the network can never predict the −1 class. Use an identity output with this loss.';
    }
    if (output === 'tanh') {
      return 'Binary cross-entropy with logits expects an unbounded score; a tanh output keeps it in (−1, 1), so predicted probabilities stay between 0.27 and 0.73 and the loss cannot fall below 0.31. Use an identity output with this loss.';
    }
    return null;
  }
  if (output === 'sigmoid') {
    return 'The labels are −1 and +1 but a sigmoid output lies in (0, 1): it cannot reach −1, and with the boundary at output 0 every point is classed +1. Use tanh with squared error, or an identity output with binary cross-entropy with logits.';
  }
  return null;
}

/** The nearest of Playground's learning rates (on a log scale). */
export function nearestLearningRate(v: number, list: readonly number[] = tlLearningRates): number {
  let best: number = list[0];
  for (const r of list) {
    if (Math.abs(Math.log(r / v)) < Math.abs(Math.log(best / v))) best = r;
  }
  return best;
}

/** One of a list of positive values (0 too, when `zero`), the nearest on a log scale. */
function listed(
  params: URLSearchParams,
  key: string,
  label: string,
  list: readonly number[],
  fallback: number,
  problems: Problems,
  zero = false,
): number {
  const raw = params.get(key);
  if (raw === null) return fallback;
  const v = raw.trim() === '' ? Number.NaN : Number(raw);
  if (zero && v === 0) return 0;
  const positive = list.filter((r) => r > 0);
  if (!(Number.isFinite(v) && v > 0)) {
    problems.push(`${label} "${raw}" is not a positive number; showing ${fallback}.`);
    return fallback;
  }
  const near = nearestLearningRate(v, positive);
  if (near !== v) {
    problems.push(`${label} ${raw} is not one of ${list.join(', ')}; showing ${near}.`);
  }
  return near;
}

function snap(v: number, step: number) {
  return Math.round(Math.round(v / step) * step * 1000) / 1000;
}

/**
 * Reads a state from URL-style parameters, keeping what is valid and saying what was not,
 * so a hand-edited or stale link shows a sensible lab and a clear message.
 */
export function parseTrainingLabState(
  params: URLSearchParams,
  prefix = '',
  defaults: TrainingLabState = tlDefaults,
): { state: TrainingLabState; problems: string[] } {
  const p = (k: string) => `${prefix}${k}`;
  const problems: Problems = [];
  const d = defaults;
  const dataset = choice(params, p('data'), 'data set', tlDatasets, d.dataset, problems);
  let features = [...d.features];
  const rawFeatures = params.get(p('feat'));
  if (rawFeatures !== null) {
    const parts = rawFeatures === '' ? [] : rawFeatures.split(',');
    const known = parts.filter((f): f is TlFeature =>
      (tlFeatures as readonly string[]).includes(f),
    );
    const unknown = parts.filter((f) => !known.includes(f as TlFeature));
    const chosen = tlFeatures.filter((f) => known.includes(f));
    if (unknown.length) {
      problems.push(
        `Unknown input feature${unknown.length === 1 ? '' : 's'} ${unknown.map((f) => `"${f}"`).join(', ')} (known: ${tlFeatures.join(', ')}).`,
      );
    }
    if (chosen.length === 0) {
      problems.push(`At least one input feature is needed; showing ${features.join(', ')}.`);
    } else {
      features = chosen;
    }
  }
  const { noise: nl, trainPercent: tl, batchSize: bl } = tlLimits;
  const noise = snap(number(params, p('noise'), 'Noise', d.noise, nl, problems), nl.step);
  const trainPercent = snap(
    number(params, p('train'), 'Training share (%)', d.trainPercent, tl, problems),
    tl.step,
  );
  const batchSize = number(
    params,
    p('batch'),
    'Batch size',
    d.batchSize,
    { ...bl, whole: true },
    problems,
  );
  const seed = number(
    params,
    p('seed'),
    'Seed',
    d.seed,
    { min: 0, max: 2 ** 31 - 1, whole: true },
    problems,
  );

  let units = [...d.units];
  const rawUnits = params.get(p('units'));
  if (rawUnits !== null) {
    const parts = rawUnits === '' ? [] : rawUnits.split(',');
    const { min, max } = tlLimits.units;
    const read = parts.map((s) => Number(s));
    if (read.some((u) => !Number.isFinite(u))) {
      problems.push(
        `Units "${rawUnits}" are not numbers separated by commas; showing ${units.join(', ') || 'no hidden layer'}.`,
      );
    } else {
      units = read.map((u) => Math.min(max, Math.max(min, Math.round(u))));
      if (units.some((u, i) => u !== read[i])) {
        problems.push(
          `Units per layer must be whole numbers from ${min} to ${max}; showing ${units.join(', ')}.`,
        );
      }
      if (units.length > tlLimits.layers.max) {
        units = units.slice(0, tlLimits.layers.max);
        problems.push(
          `At most ${tlLimits.layers.max} hidden layers; showing the first ${tlLimits.layers.max}.`,
        );
      }
    }
  }
  let activations: TlActivation[] = units.map(
    (_, i) => d.activations[i] ?? d.activations.at(-1) ?? 'tanh',
  );
  const rawActs = params.get(p('act'));
  if (rawActs !== null) {
    const parts = rawActs === '' ? [] : rawActs.split(',');
    activations = units.map((_, i) => {
      const a = parts[i] ?? parts.at(-1) ?? activations[i];
      if ((tlActivations as readonly string[]).includes(a)) return a as TlActivation;
      problems.push(`Unknown activation "${a}" for layer ${i + 1}; showing ${activations[i]}.`);
      return activations[i];
    });
    if (parts.length !== units.length && units.length > 0) {
      problems.push(
        `${parts.length} activation${parts.length === 1 ? '' : 's'} for ${units.length} hidden layer${units.length === 1 ? '' : 's'}; showing ${activations.join(', ')}.`,
      );
    }
  }
  const output = choice(params, p('out'), 'output', tlOutputs, d.output, problems);
  const loss = choice(params, p('loss'), 'loss', tlLosses, d.loss, problems);
  const init = choice(params, p('init'), 'initialiser', tlInits, d.init, problems);
  const optimiser = choice(params, p('opt'), 'optimiser', tlOptimisers, d.optimiser, problems);
  let learningRate = d.learningRate;
  const rawLr = params.get(p('lr'));
  if (rawLr !== null) {
    const v = Number(rawLr);
    if (Number.isFinite(v) && v > 0) {
      learningRate = nearestLearningRate(v);
      if (learningRate !== v) {
        problems.push(
          `Learning rate ${rawLr} is not one of ${tlLearningRates.join(', ')}; showing ${learningRate}.`,
        );
      }
    } else {
      problems.push(`Learning rate "${rawLr}" is not a positive number; showing ${learningRate}.`);
    }
  }
  const regularisation = choice(
    params,
    p('reg'),
    'regularisation',
    tlRegularisations,
    d.regularisation,
    problems,
  );
  const regularisationRate = listed(
    params,
    p('rate'),
    'Regularisation rate',
    tlRegularisationRates,
    d.regularisationRate,
    problems,
  );
  const norm = choice(params, p('norm'), 'normalisation', tlNorms, d.norm, problems);
  const speed = listed(params, p('speed'), 'Speed', tlSpeeds, d.speed, problems, true);
  const compare = choice<TlActivation | 'none'>(
    params,
    p('cmp'),
    'activation to compare',
    ['none', ...tlActivations],
    d.compare,
    problems,
  );
  return {
    state: {
      dataset,
      features,
      noise,
      trainPercent,
      units,
      activations,
      output,
      loss,
      init,
      optimiser,
      learningRate,
      batchSize,
      seed,
      regularisation,
      regularisationRate,
      norm,
      speed,
      compare,
    },
    problems,
  };
}

export function formatTrainingLabState(
  state: TrainingLabState,
  prefix = '',
): Record<string, string> {
  return {
    [`${prefix}data`]: state.dataset,
    [`${prefix}feat`]: state.features.join(','),
    [`${prefix}noise`]: String(state.noise),
    [`${prefix}train`]: String(state.trainPercent),
    [`${prefix}units`]: state.units.join(','),
    [`${prefix}act`]: state.activations.join(','),
    [`${prefix}out`]: state.output,
    [`${prefix}loss`]: state.loss,
    [`${prefix}init`]: state.init,
    [`${prefix}opt`]: state.optimiser,
    [`${prefix}lr`]: String(state.learningRate),
    [`${prefix}batch`]: String(state.batchSize),
    [`${prefix}seed`]: String(state.seed),
    [`${prefix}reg`]: state.regularisation,
    [`${prefix}rate`]: String(state.regularisationRate),
    [`${prefix}norm`]: state.norm,
    [`${prefix}speed`]: String(state.speed),
    [`${prefix}cmp`]: state.compare,
  };
}

/** Why a component's props are not a valid state, or undefined when they are. */
export function checkTrainingLabProps(state: TrainingLabState): string | undefined {
  if (
    !Array.isArray(state.units) ||
    !Array.isArray(state.activations) ||
    !Array.isArray(state.features)
  ) {
    return 'units, activations and features must be arrays';
  }
  if (state.activations.length !== state.units.length) {
    return `give one activation per hidden layer (${state.units.length}), not ${state.activations.length}`;
  }
  const { problems } = parseTrainingLabState(
    new URLSearchParams(formatTrainingLabState(state)),
    '',
    tlDefaults,
  );
  return problems.length ? problems.join(' ') : undefined;
}
