// The state of the saturation lab and its URL form, apart from the figure so that the
// widget's element can read and validate it without loading Plot or the engine.
// The lab is Glorot & Bengio's (2010) experiment in small: a deep MLP with sigmoid, tanh or
// softsign hidden layers, started from the paper's "standard" initialisation or from its
// normalised ("Xavier") one, trained on handwritten digits.

export const saturationActivations = ['sigmoid', 'tanh', 'softsign'] as const;
export type SaturationActivation = (typeof saturationActivations)[number];

/**
 * The initialisations the lab offers: the paper's standard U[−1/√n, 1/√n] (engine id
 * 'standard'), its normalised one (Glorot uniform), and He uniform as the too-large contrast.
 */
export const saturationInits = ['standard', 'glorot-uniform', 'he-uniform'] as const;
export type SaturationInit = (typeof saturationInits)[number];

export const saturationLearningRates = [0.01, 0.03, 0.1, 0.3, 1] as const;

export interface SaturationLabState {
  activation: SaturationActivation;
  init: SaturationInit;
  /** Hidden layers. */
  depth: number;
  learningRate: number;
  seed: number;
}

export const saturationLimits = { depth: { min: 1, max: 5 }, width: 64, batch: 10 } as const;

export const saturationDefaults: SaturationLabState = {
  activation: 'tanh',
  init: 'standard',
  depth: 5,
  learningRate: 0.1,
  seed: 1,
};

export const activationLabel: Record<SaturationActivation, string> = {
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softsign: 'softsign',
};

export const initLabel: Record<SaturationInit, string> = {
  standard: 'standard U[−1/√n, 1/√n]',
  'glorot-uniform': 'Xavier (Glorot uniform)',
  'he-uniform': 'He uniform',
};

/** Reads a state from URL parameters, keeping what is valid and saying what was not. */
export function parseSaturationState(
  params: URLSearchParams,
  prefix = '',
  base: SaturationLabState = saturationDefaults,
) {
  const state = { ...base };
  const problems: string[] = [];
  const act = params.get(`${prefix}act`);
  if (act !== null) {
    if ((saturationActivations as readonly string[]).includes(act)) {
      state.activation = act as SaturationActivation;
    } else {
      problems.push(`Unknown activation "${act}"; showing ${activationLabel[state.activation]}.`);
    }
  }
  const init = params.get(`${prefix}init`);
  if (init !== null) {
    if ((saturationInits as readonly string[]).includes(init)) {
      state.init = init as SaturationInit;
    } else {
      problems.push(`Unknown initialisation "${init}"; showing ${initLabel[state.init]}.`);
    }
  }
  const depth = params.get(`${prefix}depth`);
  if (depth !== null) {
    const { min, max } = saturationLimits.depth;
    const d = Number(depth);
    if (Number.isInteger(d)) state.depth = Math.min(max, Math.max(min, d));
    if (!Number.isInteger(d) || d < min || d > max) {
      problems.push(
        `Hidden layers must be a whole number from ${min} to ${max}; showing ${state.depth}.`,
      );
    }
  }
  const lr = params.get(`${prefix}lr`);
  if (lr !== null) {
    const v = Number(lr);
    if ((saturationLearningRates as readonly number[]).includes(v)) state.learningRate = v;
    else {
      problems.push(
        `Learning rate must be one of ${saturationLearningRates.join(', ')}; showing ${state.learningRate}.`,
      );
    }
  }
  const seed = params.get(`${prefix}seed`);
  if (seed !== null) {
    const s = Number(seed);
    if (Number.isSafeInteger(s) && s >= 0) state.seed = s;
    else problems.push(`Seed must be a whole number ≥ 0; showing seed ${state.seed}.`);
  }
  return { state, problems };
}

export function formatSaturationState(state: SaturationLabState, prefix = '') {
  return {
    [`${prefix}act`]: state.activation,
    [`${prefix}init`]: state.init,
    [`${prefix}depth`]: String(state.depth),
    [`${prefix}lr`]: String(state.learningRate),
    [`${prefix}seed`]: String(state.seed),
  };
}

/** Throws a clear error for props that do not make a state (checked at build time). */
export function validateSaturationState(state: SaturationLabState): void {
  if (!(saturationActivations as readonly string[]).includes(state.activation)) {
    throw new Error(`SaturationLab: activation must be one of ${saturationActivations.join(', ')}`);
  }
  if (!(saturationInits as readonly string[]).includes(state.init)) {
    throw new Error(`SaturationLab: init must be one of ${saturationInits.join(', ')}`);
  }
  const { min, max } = saturationLimits.depth;
  if (!Number.isInteger(state.depth) || state.depth < min || state.depth > max) {
    throw new Error(`SaturationLab: depth must be a whole number from ${min} to ${max}`);
  }
  if (!(saturationLearningRates as readonly number[]).includes(state.learningRate)) {
    throw new Error(
      `SaturationLab: learningRate must be one of ${saturationLearningRates.join(', ')}`,
    );
  }
  if (!Number.isSafeInteger(state.seed) || state.seed < 0) {
    throw new Error('SaturationLab: seed must be a whole number ≥ 0');
  }
}
