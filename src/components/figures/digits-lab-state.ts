// The state of the digits lab and its URL form. Kept apart from the figures and the engine
// so that the widget's element can read, validate and share it without loading either.
//
// One state describes one run per chosen activation: the same multilayer perceptron
// (784 pixels in, `layers` hidden layers of `units` units, 10 logits out) trained on the
// same MNIST digits from the same seed, so with the same initial weights, the same batches
// and the same budget; only the hidden layers' activation differs.

/** Activations the lab offers (ids of the catalogue's scalar functions). */
export const dlActivationChoices = [
  'relu',
  'sigmoid',
  'tanh',
  'leaky-relu',
  'elu',
  'selu',
  'softplus',
  'gelu',
  'silu',
  'mish',
] as const;
export type DlActivation = (typeof dlActivationChoices)[number];

export const dlActivationLabel: Record<DlActivation, string> = {
  relu: 'ReLU',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  'leaky-relu': 'Leaky ReLU',
  elu: 'ELU',
  selu: 'SELU',
  softplus: 'softplus',
  gelu: 'GELU',
  silu: 'SiLU',
  mish: 'Mish',
};

export const dlUnitChoices = [32, 64, 128] as const;
export const dlEpochChoices = [1, 2, 3, 5, 10] as const;
export const dlLearningRates = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1] as const;
export const dlTrainSizes = [1000, 2000, 5000] as const;
export const dlInits = ['glorot-uniform', 'he-uniform'] as const;
export type DlInit = (typeof dlInits)[number];
export const dlInitLabel: Record<DlInit, string> = {
  'glorot-uniform': 'Glorot uniform',
  'he-uniform': 'He uniform',
};
/** |output| at or above this counts a unit as active on a digit (0: exactly non-zero). */
export const dlThresholds = [0, 0.01, 0.05, 0.1] as const;

export interface DigitsLabState {
  /** One run per activation, 1 to 4 of them, in this order. */
  activations: DlActivation[];
  /** Hidden layers, each Dense then the activation. */
  layers: number;
  units: number;
  /** Passes over the training digits each run makes. */
  epochs: number;
  /** Adam's learning rate. */
  learningRate: number;
  /** Training digits used (the first n of the 5,000). */
  train: number;
  init: DlInit;
  /** The threshold of the active-units figure. */
  threshold: number;
  seed: number;
}

export const dlLimits = {
  layers: { min: 1, max: 3 },
  runs: { min: 1, max: 4 },
  batchSize: 32,
  /** Test digits the engine ships. */
  test: 1000,
  inputs: 784,
  classes: 10,
} as const;

export const dlDefaults: DigitsLabState = {
  activations: ['relu', 'sigmoid', 'tanh'],
  layers: 2,
  units: 64,
  epochs: 3,
  learningRate: 0.001,
  train: 5000,
  init: 'glorot-uniform',
  threshold: 0.05,
  seed: 1,
};

/** Training steps in one epoch (the last batch may be short). */
export function dlStepsPerEpoch(state: Pick<DigitsLabState, 'train'>): number {
  return Math.ceil(state.train / dlLimits.batchSize);
}

const isActivation = (s: string): s is DlActivation =>
  (dlActivationChoices as readonly string[]).includes(s);

/** A problem with a state given as props, or null if it is valid. */
export function checkDigitsLabProps(state: DigitsLabState): string | null {
  const acts = state.activations;
  if (!Array.isArray(acts) || acts.length < dlLimits.runs.min || acts.length > dlLimits.runs.max) {
    return `activations must list 1 to 4 of ${dlActivationChoices.join(', ')}`;
  }
  const unknown = acts.find((a) => !isActivation(a));
  if (unknown !== undefined) {
    return `activations must be among ${dlActivationChoices.join(', ')}; got "${unknown}"`;
  }
  if (new Set(acts).size !== acts.length) return 'activations must not repeat';
  const { min, max } = dlLimits.layers;
  if (!Number.isInteger(state.layers) || state.layers < min || state.layers > max) {
    return `layers must be a whole number from ${min} to ${max}; got ${state.layers}`;
  }
  const among = <T>(name: string, value: T, allowed: readonly T[]) =>
    allowed.includes(value) ? null : `${name} must be one of ${allowed.join(', ')}; got ${value}`;
  return (
    among('units', state.units, dlUnitChoices as readonly number[]) ??
    among('epochs', state.epochs, dlEpochChoices as readonly number[]) ??
    among('learningRate', state.learningRate, dlLearningRates as readonly number[]) ??
    among('train', state.train, dlTrainSizes as readonly number[]) ??
    among('init', state.init, dlInits as readonly string[]) ??
    among('threshold', state.threshold, dlThresholds as readonly number[]) ??
    (Number.isSafeInteger(state.seed) && state.seed >= 0
      ? null
      : `seed must be a whole number ≥ 0; got ${state.seed}`)
  );
}

/**
 * Reads a state from URL-style parameters, keeping what is valid and saying what was not,
 * so that a hand-edited or stale link shows a sensible lab and a clear message.
 */
export function parseDigitsLabState(
  params: URLSearchParams,
  prefix = '',
  base: DigitsLabState = dlDefaults,
): { state: DigitsLabState; problems: string[] } {
  const state: DigitsLabState = { ...base, activations: [...base.activations] };
  const problems: string[] = [];
  const get = (key: string) => params.get(`${prefix}${key}`);
  const acts = get('acts');
  if (acts !== null) {
    const asked = acts.split(',').filter((a) => a !== '');
    const known = [...new Set(asked.filter(isActivation))];
    const unknown = asked.filter((a) => !isActivation(a));
    if (unknown.length > 0) {
      problems.push(`Unknown activation${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}.`);
    }
    if (known.length > dlLimits.runs.max) {
      problems.push(`At most ${dlLimits.runs.max} activations at once; showing the first four.`);
    }
    if (known.length > 0) state.activations = known.slice(0, dlLimits.runs.max);
    else problems.push(`No known activation given; showing ${labels(state.activations)}.`);
  }
  const layers = get('layers');
  if (layers !== null) {
    const { min, max } = dlLimits.layers;
    const d = Number(layers);
    if (layers.trim() !== '' && Number.isInteger(d)) state.layers = Math.min(max, Math.max(min, d));
    if (!(layers.trim() !== '' && Number.isInteger(d)) || d < min || d > max) {
      problems.push(
        `Hidden layers must be a whole number from ${min} to ${max}; showing ${state.layers}.`,
      );
    }
  }
  const pick = <K extends 'units' | 'epochs' | 'learningRate' | 'train' | 'threshold'>(
    key: string,
    field: K,
    allowed: readonly number[],
    what: string,
  ) => {
    const raw = get(key);
    if (raw === null) return;
    const v = Number(raw);
    if (raw.trim() !== '' && allowed.includes(v)) state[field] = v;
    else problems.push(`${what} must be one of ${allowed.join(', ')}; showing ${state[field]}.`);
  };
  pick('units', 'units', dlUnitChoices, 'Units per layer');
  pick('epochs', 'epochs', dlEpochChoices, 'Epochs');
  pick('lr', 'learningRate', dlLearningRates, 'The learning rate');
  pick('train', 'train', dlTrainSizes, 'Training digits');
  pick('tau', 'threshold', dlThresholds, 'The threshold');
  const init = get('init');
  if (init !== null) {
    if ((dlInits as readonly string[]).includes(init)) state.init = init as DlInit;
    else problems.push(`Unknown initialiser "${init}"; showing ${dlInitLabel[state.init]}.`);
  }
  const seed = get('seed');
  if (seed !== null) {
    const s = Number(seed);
    if (seed.trim() !== '' && Number.isSafeInteger(s) && s >= 0) state.seed = s;
    else problems.push(`Seed must be a whole number ≥ 0; showing seed ${state.seed}.`);
  }
  return { state, problems };
}

export function formatDigitsLabState(state: DigitsLabState, prefix = ''): Record<string, string> {
  return {
    [`${prefix}acts`]: state.activations.join(','),
    [`${prefix}layers`]: String(state.layers),
    [`${prefix}units`]: String(state.units),
    [`${prefix}epochs`]: String(state.epochs),
    [`${prefix}lr`]: String(state.learningRate),
    [`${prefix}train`]: String(state.train),
    [`${prefix}init`]: state.init,
    [`${prefix}tau`]: String(state.threshold),
    [`${prefix}seed`]: String(state.seed),
  };
}

/** "ReLU, sigmoid and tanh". */
export function labels(acts: readonly DlActivation[]): string {
  const names = acts.map((a) => dlActivationLabel[a]);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
