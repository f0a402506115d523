// The state of the stacked-layers figure and its URL form. Kept apart from the figure so
// the widget's element can read and validate it without loading Plot.

export const stackedActivations = ['none', 'relu', 'tanh'] as const;
export type StackedActivation = (typeof stackedActivations)[number];

export interface StackedLayersState {
  activation: StackedActivation;
  depth: number;
  seed: number;
}

export const stackedLayersLimits = { depth: { min: 1, max: 8 }, width: 8, xMax: 3 } as const;
export const stackedLayersDefaults: StackedLayersState = { activation: 'none', depth: 3, seed: 1 };

/** How each choice is named in sentences. */
export const activationLabel: Record<StackedActivation, string> = {
  none: 'no activation',
  relu: 'ReLU',
  tanh: 'tanh',
};

/**
 * Reads a state from URL-style parameters, keeping what is valid and saying what was not,
 * so a hand-edited or stale link shows a sensible figure and a clear message.
 */
export function parseStackedLayersState(params: URLSearchParams, prefix = '') {
  const state = { ...stackedLayersDefaults };
  const problems: string[] = [];
  const act = params.get(`${prefix}act`);
  if (act !== null) {
    if ((stackedActivations as readonly string[]).includes(act))
      state.activation = act as StackedActivation;
    else
      problems.push(`Unknown activation "${act}"; showing ${activationLabel[state.activation]}.`);
  }
  const depth = params.get(`${prefix}depth`);
  if (depth !== null) {
    const { min, max } = stackedLayersLimits.depth;
    const d = Number(depth);
    if (Number.isInteger(d)) state.depth = Math.min(max, Math.max(min, d));
    if (!Number.isInteger(d) || d < min || d > max) {
      problems.push(`Depth must be a whole number from ${min} to ${max}; showing ${state.depth}.`);
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

export function formatStackedLayersState(state: StackedLayersState, prefix = '') {
  return {
    [`${prefix}act`]: state.activation,
    [`${prefix}depth`]: String(state.depth),
    [`${prefix}seed`]: String(state.seed),
  };
}
