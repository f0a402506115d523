// The state of the linear-regions figure and its URL form, apart from the figure so the
// widget's element can read and validate it without loading Plot.

export const lrActivations = ['relu', 'tanh'] as const;
export type LrActivation = (typeof lrActivations)[number];

export interface LinearRegionsState {
  activation: LrActivation;
  /** Units in each hidden layer. */
  units: number;
  /** Number of hidden layers. */
  layers: number;
  seed: number;
}

export const lrLimits = { units: { min: 1, max: 16 }, layers: { min: 1, max: 4 } } as const;
export const lrDefaults: LinearRegionsState = { activation: 'relu', units: 6, layers: 2, seed: 1 };
export const lrActivationLabel: Record<LrActivation, string> = { relu: 'ReLU', tanh: 'tanh' };

function wholeNumber(
  params: URLSearchParams,
  key: string,
  label: string,
  { min, max }: { min: number; max: number },
  fallback: number,
  problems: string[],
) {
  const raw = params.get(key);
  if (raw === null) return fallback;
  const v = raw.trim() === '' ? Number.NaN : Number(raw);
  const value = Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;
  if (!Number.isInteger(v) || v < min || v > max) {
    problems.push(`${label} must be a whole number from ${min} to ${max}; showing ${value}.`);
  }
  return value;
}

/**
 * Reads a state from URL-style parameters, keeping what is valid and saying what was not,
 * so a hand-edited or stale link shows a sensible figure and a clear message.
 */
export function parseLinearRegionsState(params: URLSearchParams, prefix = '') {
  const state = { ...lrDefaults };
  const problems: string[] = [];
  const act = params.get(`${prefix}act`);
  if (act !== null) {
    if ((lrActivations as readonly string[]).includes(act)) state.activation = act as LrActivation;
    else
      problems.push(`Unknown activation "${act}"; showing ${lrActivationLabel[state.activation]}.`);
  }
  state.units = wholeNumber(
    params,
    `${prefix}units`,
    'Units per layer',
    lrLimits.units,
    state.units,
    problems,
  );
  state.layers = wholeNumber(
    params,
    `${prefix}layers`,
    'Layers',
    lrLimits.layers,
    state.layers,
    problems,
  );
  const seed = params.get(`${prefix}seed`);
  if (seed !== null) {
    const s = seed.trim() === '' ? Number.NaN : Number(seed);
    if (Number.isSafeInteger(s) && s >= 0) state.seed = s;
    else problems.push(`Seed must be a whole number ≥ 0; showing seed ${state.seed}.`);
  }
  return { state, problems };
}

export function formatLinearRegionsState(
  state: LinearRegionsState,
  prefix = '',
): Record<string, string> {
  return {
    [`${prefix}act`]: state.activation,
    [`${prefix}units`]: String(state.units),
    [`${prefix}layers`]: String(state.layers),
    [`${prefix}seed`]: String(state.seed),
  };
}

/** Checks props given to the widget at build time; returns the first problem, if any. */
export function checkLinearRegionsProps(state: LinearRegionsState): string | undefined {
  if (!lrActivations.includes(state.activation)) {
    return `activation must be one of ${lrActivations.join(', ')}`;
  }
  for (const key of ['units', 'layers'] as const) {
    const { min, max } = lrLimits[key];
    const v = state[key];
    if (!Number.isInteger(v) || v < min || v > max) {
      return `${key} must be a whole number from ${min} to ${max}`;
    }
  }
  if (!Number.isSafeInteger(state.seed) || state.seed < 0) return 'seed must be a whole number ≥ 0';
  return undefined;
}
