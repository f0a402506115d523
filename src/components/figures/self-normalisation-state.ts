// The state of the self-normalisation figure and its URL form. Kept apart from the figure so
// the widget's element can read and validate it without loading Plot or the kernel.

import { snapToStep } from './slider.ts';

export const snActivations = ['selu', 'relu', 'tanh', 'elu'] as const;
export type SnActivation = (typeof snActivations)[number];

export interface SelfNormalisationState {
  /** Which activations to draw, in catalogue order. */
  activations: SnActivation[];
  /** Number of dense layers. */
  depth: number;
  /** Units per layer (the input has as many features). */
  width: number;
  /** The input's entries are drawn from N(inputMean, inputVariance). */
  inputMean: number;
  inputVariance: number;
  seed: number;
}

export const selfNormalisationLimits = {
  depth: { min: 1, max: 100, step: 1 },
  width: { min: 16, max: 128, step: 16 },
  inputMean: { min: -1, max: 1, step: 0.1 },
  inputVariance: { min: 0.25, max: 4, step: 0.25 },
  seed: { max: 1_000_000 },
  /** Samples in the batch pushed through the network. */
  batch: 50,
} as const;

export const selfNormalisationDefaults: SelfNormalisationState = {
  activations: [...snActivations],
  depth: 50,
  width: 64,
  inputMean: 0,
  inputVariance: 1,
  seed: 1,
};

/** How each choice is named in sentences and labels. */
export const snLabel: Record<SnActivation, string> = {
  selu: 'SELU',
  relu: 'ReLU',
  tanh: 'tanh',
  elu: 'ELU',
};

type Numeric = 'depth' | 'width' | 'inputMean' | 'inputVariance';
const numeric: [Numeric, string, string][] = [
  ['depth', 'depth', 'Depth'],
  ['width', 'width', 'Width'],
  ['inputMean', 'mean', 'Input mean'],
  ['inputVariance', 'var', 'Input variance'],
];

/**
 * Reads a state from URL-style parameters, keeping what is valid and saying what was not,
 * so a hand-edited or stale link shows a sensible figure and a clear message.
 */
export function parseSelfNormalisationState(params: URLSearchParams, prefix = '') {
  const state: SelfNormalisationState = {
    ...selfNormalisationDefaults,
    activations: [...selfNormalisationDefaults.activations],
  };
  const problems: string[] = [];
  const act = params.get(`${prefix}act`);
  if (act !== null) {
    const given = act.split(',').filter((a) => a !== '');
    const unknown = given.filter((a) => !(snActivations as readonly string[]).includes(a));
    state.activations = snActivations.filter((a) => given.includes(a));
    if (unknown.length > 0) {
      problems.push(
        `Unknown activation ${unknown.map((u) => `"${u}"`).join(', ')}; the choices are ${snActivations.map((a) => snLabel[a]).join(', ')}.`,
      );
    }
  }
  for (const [key, param, name] of numeric) {
    const raw = params.get(`${prefix}${param}`);
    if (raw === null) continue;
    const limits = selfNormalisationLimits[key];
    const v = raw.trim() === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(v)) {
      problems.push(`${name} "${raw}" is not a number; showing ${state[key]}.`);
      continue;
    }
    state[key] = snapToStep(v, limits);
    if (v < limits.min || v > limits.max) {
      problems.push(`${name} must be from ${limits.min} to ${limits.max}; showing ${state[key]}.`);
    }
  }
  const seed = params.get(`${prefix}seed`);
  if (seed !== null) {
    const s = Number(seed);
    const { max } = selfNormalisationLimits.seed;
    if (seed.trim() !== '' && Number.isInteger(s) && s >= 0 && s <= max) state.seed = s;
    else problems.push(`Seed must be a whole number from 0 to ${max}; showing seed ${state.seed}.`);
  }
  return { state, problems };
}

export function formatSelfNormalisationState(state: SelfNormalisationState, prefix = '') {
  return {
    [`${prefix}act`]: state.activations.join(','),
    [`${prefix}depth`]: String(state.depth),
    [`${prefix}width`]: String(state.width),
    [`${prefix}mean`]: String(state.inputMean),
    [`${prefix}var`]: String(state.inputVariance),
    [`${prefix}seed`]: String(state.seed),
  };
}

/** Checks props given to the widget at build time; throws a clear Error on a bad one. */
export function checkSelfNormalisationProps(state: SelfNormalisationState): void {
  if (
    !Array.isArray(state.activations) ||
    !state.activations.every((a) => (snActivations as readonly string[]).includes(a))
  ) {
    throw new Error(`SelfNormalisation: activations must be some of ${snActivations.join(', ')}`);
  }
  for (const [key, , name] of numeric) {
    const { min, max, step } = selfNormalisationLimits[key];
    const v = state[key];
    const onGrid = Math.abs(snapToStep(v, { min, max, step }) - v) < 1e-9;
    if (typeof v !== 'number' || !(v >= min && v <= max) || !onGrid) {
      throw new Error(
        `SelfNormalisation: ${name.toLowerCase()} must be from ${min} to ${max} in steps of ${step}`,
      );
    }
  }
  const { max } = selfNormalisationLimits.seed;
  if (!Number.isInteger(state.seed) || state.seed < 0 || state.seed > max) {
    throw new Error(`SelfNormalisation: seed must be a whole number from 0 to ${max}`);
  }
}
