// The state of the dead-ReLU lab and its URL form. Kept apart from the figures so that the
// widget's element can read and validate it without loading Plot or the engine.
//
// One state describes five runs on the same data from the same seed, for one of the two
// causes of dead ReLUs:
// - 'rate': a deep ReLU network trained with a learning rate high enough to kill units, the
//   same network with Leaky ReLU, PReLU and ELU in place of ReLU (same initial weights, same
//   learning rate), and ReLU with He initialisation and a lower learning rate (the same
//   uniform draws, scaled).
// - 'bias': the four activations start from the same weights with every hidden bias at a
//   negative value and all train at the lower rate; the fifth run is ReLU with He
//   initialisation, biases at 0, at the same lower rate.

export const drDatasets = ['circle', 'xor', 'spiral'] as const;
export type DrDataset = (typeof drDatasets)[number];

/** What kills the units: a high learning rate, or a negative starting bias. */
export const drCauses = ['rate', 'bias'] as const;
export type DrCause = (typeof drCauses)[number];
/** Starting biases of every hidden unit for the 'bias' cause. */
export const drBiases = [-0.5, -1, -2] as const;

export const drLearningRates = [0.1, 0.3, 1, 3] as const;
export const drFixLearningRates = [0.01, 0.03, 0.1, 0.3] as const;
export const drEpochChoices = [20, 50, 100] as const;
export const drUnitChoices = [4, 8, 16, 32] as const;

export interface DeadReluLabState {
  /** 'rate' (the default, high learning rate) or 'bias' (negative starting biases). */
  cause: DrCause;
  /** Every hidden bias of the four activation runs starts here when the cause is 'bias'. */
  bias: number;
  dataset: DrDataset;
  /** Hidden layers, each Dense then the activation. */
  layers: number;
  /** Units per hidden layer. */
  units: number;
  /** Learning rate of the ReLU run and of the three other activations ('rate' cause). */
  learningRate: number;
  /** Learning rate of the He-initialised ReLU run; of every run for the 'bias' cause. */
  fixLearningRate: number;
  /** Epochs every run trains for. */
  epochs: number;
  seed: number;
}

export const drLimits = {
  layers: { min: 2, max: 6 },
  /** Points made; half train, half test. */
  samples: 400,
  trainFraction: 0.5,
  batchSize: 10,
} as const;

export const drDefaults: DeadReluLabState = {
  cause: 'rate',
  bias: -1,
  dataset: 'circle',
  layers: 6,
  units: 16,
  learningRate: 1,
  fixLearningRate: 0.1,
  epochs: 50,
  seed: 1,
};

export const drDatasetLabel: Record<DrDataset, string> = {
  circle: 'circle',
  xor: 'exclusive or',
  spiral: 'spiral',
};

export const drVariantIds = ['relu', 'leaky-relu', 'prelu', 'elu', 'he'] as const;
export type DrVariantId = (typeof drVariantIds)[number];

export interface DrVariant {
  id: DrVariantId;
  /** Activation id in the catalogue. */
  activation: string;
  init: 'glorot-uniform' | 'he-uniform';
  learningRate: number;
  /** Every hidden bias starts here (undefined: the initialiser's 0). */
  bias?: number;
  /** Short name for legends and tables. */
  label: string;
}

/** The five runs a state describes, in the order they are drawn. */
export function drVariants(state: DeadReluLabState): DrVariant[] {
  if (state.cause === 'bias') {
    const lr = state.fixLearningRate;
    const bias = state.bias;
    const glorot = { init: 'glorot-uniform', learningRate: lr, bias } as const;
    return [
      { id: 'relu', activation: 'relu', ...glorot, label: 'ReLU' },
      { id: 'leaky-relu', activation: 'leaky-relu', ...glorot, label: 'Leaky ReLU' },
      { id: 'prelu', activation: 'prelu', ...glorot, label: 'PReLU' },
      { id: 'elu', activation: 'elu', ...glorot, label: 'ELU' },
      {
        id: 'he',
        activation: 'relu',
        init: 'he-uniform',
        learningRate: lr,
        bias: 0,
        label: 'ReLU, He, bias 0',
      },
    ];
  }
  const lr = state.learningRate;
  return [
    { id: 'relu', activation: 'relu', init: 'glorot-uniform', learningRate: lr, label: 'ReLU' },
    {
      id: 'leaky-relu',
      activation: 'leaky-relu',
      init: 'glorot-uniform',
      learningRate: lr,
      label: 'Leaky ReLU',
    },
    { id: 'prelu', activation: 'prelu', init: 'glorot-uniform', learningRate: lr, label: 'PReLU' },
    { id: 'elu', activation: 'elu', init: 'glorot-uniform', learningRate: lr, label: 'ELU' },
    {
      id: 'he',
      activation: 'relu',
      init: 'he-uniform',
      learningRate: state.fixLearningRate,
      label: 'ReLU, He, lower rate',
    },
  ];
}

/** A number as the text shows it: −1 with a minus sign, not a hyphen. */
export function signed(v: number): string {
  return v < 0 ? `−${-v}` : String(v);
}

/** What the five runs are, for the state's cause: the head of the text alternative. */
export function describeCause(state: DeadReluLabState): string {
  if (state.cause === 'bias') {
    return `Cause: negative starting biases. ReLU, Leaky ReLU, PReLU and ELU start from the same Glorot uniform weights with every hidden bias at ${signed(state.bias)}; the fifth run is ReLU with He uniform weights and biases at 0; all train at rate ${state.fixLearningRate}.`;
  }
  return `Cause: a high learning rate. ReLU, Leaky ReLU, PReLU and ELU start from the same Glorot uniform weights (biases 0) and train at rate ${state.learningRate}; the fifth run is ReLU with He uniform weights at the lower rate ${state.fixLearningRate}.`;
}

export const drCauseLabel: Record<DrCause, string> = {
  rate: 'high learning rate',
  bias: 'negative starting bias',
};

/** The words the lab's controls and table use for the two rates, for the state's cause. */
export function drRateLabels(state: DeadReluLabState) {
  return state.cause === 'bias'
    ? {
        lr: 'High rate (rate cause only)',
        fix: 'Learning rate (all runs)',
        setting: 'Initialiser, starting bias, learning rate',
      }
    : { lr: 'Learning rate', fix: 'Lower rate (He run)', setting: 'Initialiser, learning rate' };
}

/** Training steps in one epoch (the last batch may be short). */
export function drStepsPerEpoch(): number {
  const train = Math.round(drLimits.samples * drLimits.trainFraction);
  return Math.ceil(train / drLimits.batchSize);
}

function choice<T extends number | string>(
  raw: string,
  allowed: readonly T[],
  numeric: boolean,
): T | undefined {
  const value = (numeric ? Number(raw) : raw) as T;
  return allowed.includes(value) ? value : undefined;
}

/** A problem with a state given as props, or null if it is valid. */
export function checkDeadReluLabProps(state: DeadReluLabState): string | null {
  if (!(drCauses as readonly string[]).includes(state.cause)) {
    return `cause must be one of ${drCauses.join(', ')}; got "${state.cause}"`;
  }
  if (!(drBiases as readonly number[]).includes(state.bias)) {
    return `bias must be one of ${drBiases.join(', ')}; got ${state.bias}`;
  }
  if (!(drDatasets as readonly string[]).includes(state.dataset)) {
    return `dataset must be one of ${drDatasets.join(', ')}; got "${state.dataset}"`;
  }
  const { min, max } = drLimits.layers;
  if (!Number.isInteger(state.layers) || state.layers < min || state.layers > max) {
    return `layers must be a whole number from ${min} to ${max}; got ${state.layers}`;
  }
  if (!(drUnitChoices as readonly number[]).includes(state.units)) {
    return `units must be one of ${drUnitChoices.join(', ')}; got ${state.units}`;
  }
  if (!(drLearningRates as readonly number[]).includes(state.learningRate)) {
    return `learningRate must be one of ${drLearningRates.join(', ')}; got ${state.learningRate}`;
  }
  if (!(drFixLearningRates as readonly number[]).includes(state.fixLearningRate)) {
    return `fixLearningRate must be one of ${drFixLearningRates.join(', ')}; got ${state.fixLearningRate}`;
  }
  if (!(drEpochChoices as readonly number[]).includes(state.epochs)) {
    return `epochs must be one of ${drEpochChoices.join(', ')}; got ${state.epochs}`;
  }
  if (!Number.isSafeInteger(state.seed) || state.seed < 0) {
    return `seed must be a whole number ≥ 0; got ${state.seed}`;
  }
  return null;
}

/**
 * Reads a state from URL-style parameters, keeping what is valid and saying what was not,
 * so that a hand-edited or stale link shows a sensible lab and a clear message.
 */
export function parseDeadReluLabState(
  params: URLSearchParams,
  prefix = '',
  base: DeadReluLabState = drDefaults,
) {
  const state = { ...base };
  const problems: string[] = [];
  const get = (key: string) => params.get(`${prefix}${key}`);
  const cause = get('cause');
  if (cause !== null) {
    const v = choice(cause, drCauses, false);
    if (v) state.cause = v;
    else {
      problems.push(
        `The cause must be ${drCauses.map((c) => `"${c}"`).join(' or ')}; got "${cause}", showing "${state.cause}".`,
      );
    }
  }
  const data = get('data');
  if (data !== null) {
    const v = choice(data, drDatasets, false);
    if (v) state.dataset = v;
    else problems.push(`Unknown data set "${data}"; showing ${drDatasetLabel[state.dataset]}.`);
  }
  const layers = get('layers');
  if (layers !== null) {
    const { min, max } = drLimits.layers;
    const d = Number(layers);
    if (Number.isInteger(d)) state.layers = Math.min(max, Math.max(min, d));
    if (!Number.isInteger(d) || d < min || d > max) {
      problems.push(
        `Hidden layers must be a whole number from ${min} to ${max}; showing ${state.layers}.`,
      );
    }
  }
  const pick = <T extends number>(
    key: string,
    allowed: readonly T[],
    set: (v: T) => void,
    what: string,
    current: () => number,
  ) => {
    const raw = get(key);
    if (raw === null) return;
    const v = choice(raw, allowed, true);
    if (v !== undefined) set(v);
    else problems.push(`${what} must be one of ${allowed.join(', ')}; showing ${current()}.`);
  };
  pick(
    'bias',
    drBiases,
    (v) => {
      state.bias = v;
    },
    'The starting bias',
    () => state.bias,
  );
  pick(
    'units',
    drUnitChoices,
    (v) => {
      state.units = v;
    },
    'Units per layer',
    () => state.units,
  );
  pick(
    'lr',
    drLearningRates,
    (v) => {
      state.learningRate = v;
    },
    'The learning rate',
    () => state.learningRate,
  );
  pick(
    'fix',
    drFixLearningRates,
    (v) => {
      state.fixLearningRate = v;
    },
    'The lower learning rate',
    () => state.fixLearningRate,
  );
  pick(
    'epochs',
    drEpochChoices,
    (v) => {
      state.epochs = v;
    },
    'Epochs',
    () => state.epochs,
  );
  const seed = get('seed');
  if (seed !== null) {
    const s = Number(seed);
    if (seed.trim() !== '' && Number.isSafeInteger(s) && s >= 0) state.seed = s;
    else problems.push(`Seed must be a whole number ≥ 0; showing seed ${state.seed}.`);
  }
  return { state, problems };
}

export function formatDeadReluLabState(state: DeadReluLabState, prefix = '') {
  return {
    [`${prefix}cause`]: state.cause,
    [`${prefix}bias`]: String(state.bias),
    [`${prefix}data`]: state.dataset,
    [`${prefix}layers`]: String(state.layers),
    [`${prefix}units`]: String(state.units),
    [`${prefix}lr`]: String(state.learningRate),
    [`${prefix}fix`]: String(state.fixLearningRate),
    [`${prefix}epochs`]: String(state.epochs),
    [`${prefix}seed`]: String(state.seed),
  };
}
