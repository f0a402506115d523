// The state of the normalisation-order lab and its URL form, kept apart from the figures
// and the engine so that the widget's element can read, validate and share it without
// loading either. Five networks are trained side by side from one state: a deep MLP with
// no norm, with BatchNorm before the activation and with BatchNorm after it, and a residual
// network with the norm after the addition (post-norm) or at the start of the branch
// (pre-norm). All five have the same dense layers, so one seed gives them the same weights.

import { choice, number, type Problems } from './url-params.ts';

/** The five runs, in the order they are drawn. */
export const nolRuns = ['plain', 'bn-act', 'act-bn', 'post', 'pre'] as const;
export type NolRun = (typeof nolRuns)[number];

export const nolActivations = ['relu', 'tanh', 'gelu'] as const;
export type NolActivation = (typeof nolActivations)[number];
export const nolActivationLabel: Record<NolActivation, string> = {
  relu: 'ReLU',
  tanh: 'tanh',
  gelu: 'GELU',
};

export const nolInits = ['he-normal', 'glorot-uniform'] as const;
export type NolInit = (typeof nolInits)[number];
export const nolInitLabel: Record<NolInit, string> = {
  'he-normal': 'He normal',
  'glorot-uniform': 'Glorot uniform',
};

export const nolNorms = ['layer-norm', 'batch-norm'] as const;
export type NolNorm = (typeof nolNorms)[number];
export const nolNormLabel: Record<NolNorm, string> = {
  'layer-norm': 'LayerNorm',
  'batch-norm': 'BatchNorm',
};

export const nolDatasets = ['spiral', 'circle', 'xor', 'moons'] as const;
export type NolDataset = (typeof nolDatasets)[number];
export const nolDatasetLabel: Record<NolDataset, string> = {
  spiral: 'Spiral',
  circle: 'Circle',
  xor: 'XOR',
  moons: 'Moons',
};

export const nolLearningRates = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1] as const;
export const nolBatchSizes = [4, 8, 16, 32, 64] as const;

export interface NormOrderLabState {
  /** Residual blocks; the MLPs have 2·blocks + 1 hidden layers, the same dense layers. */
  blocks: number;
  activation: NolActivation;
  init: NolInit;
  /** The norm of the residual blocks (the MLPs use BatchNorm, the question being its place). */
  residualNorm: NolNorm;
  learningRate: number;
  batchSize: number;
  dataset: NolDataset;
  seed: number;
}

export const nolLimits = {
  blocks: { min: 2, max: 9 },
  /** Units of every hidden layer. */
  width: 16,
  /** Points in the data set, half for training and half for testing. */
  samples: 400,
  noise: 0,
  /** SGD momentum. */
  momentum: 0.9,
  /** The runs stop here: the same budget for all five. */
  maxSteps: 3000,
} as const;

export const nolDefaults: NormOrderLabState = {
  blocks: 7,
  activation: 'relu',
  init: 'he-normal',
  residualNorm: 'layer-norm',
  learningRate: 0.01,
  batchSize: 32,
  dataset: 'spiral',
  seed: 1,
};

/** Hidden layers of the MLPs (and dense layers between input and output of every run). */
export const hiddenLayers = (blocks: number) => 2 * blocks + 1;

/** How each run is named in legends and captions. */
export function runLabel(run: NolRun, state: Pick<NormOrderLabState, 'residualNorm'>): string {
  const norm = state.residualNorm === 'layer-norm' ? 'LN' : 'BN';
  switch (run) {
    case 'plain':
      return 'no norm';
    case 'bn-act':
      return 'Linear → BN → act';
    case 'act-bn':
      return 'Linear → act → BN';
    case 'post':
      return `residual, post-${norm}`;
    default:
      return `residual, pre-${norm}`;
  }
}

/**
 * Reads a state from URL-style parameters, keeping what is valid and saying what was not,
 * so a hand-edited or stale link shows a sensible lab and a clear message.
 */
export function parseNormOrderLabState(
  params: URLSearchParams,
  prefix = '',
  defaults: NormOrderLabState = nolDefaults,
): { state: NormOrderLabState; problems: string[] } {
  const p = (k: string) => `${prefix}${k}`;
  const problems: Problems = [];
  const d = defaults;
  const { min, max } = nolLimits.blocks;
  const state: NormOrderLabState = {
    blocks: number(
      params,
      p('blocks'),
      'Residual blocks',
      d.blocks,
      { min, max, whole: true },
      problems,
    ),
    activation: choice(params, p('act'), 'activation', nolActivations, d.activation, problems),
    init: choice(params, p('init'), 'initialiser', nolInits, d.init, problems),
    residualNorm: choice(params, p('norm'), 'norm', nolNorms, d.residualNorm, problems),
    learningRate: choice(
      params,
      p('lr'),
      'learning rate',
      nolLearningRates,
      d.learningRate,
      problems,
    ),
    batchSize: choice(params, p('batch'), 'batch size', nolBatchSizes, d.batchSize, problems),
    dataset: choice(params, p('data'), 'data set', nolDatasets, d.dataset, problems),
    seed: number(
      params,
      p('seed'),
      'Seed',
      d.seed,
      { min: 0, max: 2 ** 31 - 1, whole: true },
      problems,
    ),
  };
  return { state, problems };
}

/** The state as URL parameters (every key, so that a shared link is complete). */
export function formatNormOrderLabState(
  state: NormOrderLabState,
  prefix = '',
): Record<string, string> {
  const p = (k: string) => `${prefix}${k}`;
  return {
    [p('blocks')]: String(state.blocks),
    [p('act')]: state.activation,
    [p('init')]: state.init,
    [p('norm')]: state.residualNorm,
    [p('lr')]: String(state.learningRate),
    [p('batch')]: String(state.batchSize),
    [p('data')]: state.dataset,
    [p('seed')]: String(state.seed),
  };
}

/** What is wrong with a state given as props, in a sentence, or null. */
export function checkNormOrderLabProps(state: NormOrderLabState): string | null {
  const { min, max } = nolLimits.blocks;
  if (!Number.isInteger(state.blocks) || state.blocks < min || state.blocks > max) {
    return `blocks must be a whole number from ${min} to ${max}, got ${state.blocks}`;
  }
  if (!nolActivations.includes(state.activation)) {
    return `activation must be one of ${nolActivations.join(', ')}, got "${state.activation}"`;
  }
  if (!nolInits.includes(state.init)) {
    return `init must be one of ${nolInits.join(', ')}, got "${state.init}"`;
  }
  if (!nolNorms.includes(state.residualNorm)) {
    return `residualNorm must be one of ${nolNorms.join(', ')}, got "${state.residualNorm}"`;
  }
  if (!(nolLearningRates as readonly number[]).includes(state.learningRate)) {
    return `learningRate must be one of ${nolLearningRates.join(', ')}, got ${state.learningRate}`;
  }
  if (!(nolBatchSizes as readonly number[]).includes(state.batchSize)) {
    return `batchSize must be one of ${nolBatchSizes.join(', ')}, got ${state.batchSize}`;
  }
  if (!nolDatasets.includes(state.dataset)) {
    return `dataset must be one of ${nolDatasets.join(', ')}, got "${state.dataset}"`;
  }
  if (!Number.isSafeInteger(state.seed) || state.seed < 0 || state.seed > 2 ** 31 - 1) {
    return `seed must be a whole number from 0 to ${2 ** 31 - 1}, got ${state.seed}`;
  }
  return null;
}
