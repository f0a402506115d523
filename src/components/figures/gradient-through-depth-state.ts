// The state of the gradient-through-depth figure and its URL form. Kept apart from the
// figure so the widget's element can read and validate it without loading Plot or the kernel.

/** The functions the reader can tick, in the order of the checkboxes. */
export const depthFunctions = ['sigmoid', 'tanh', 'relu', 'gelu', 'leaky-relu', 'elu'] as const;
export type DepthFunction = (typeof depthFunctions)[number];

export const depthPrecisions = ['float64', 'float32'] as const;
export type DepthPrecision = (typeof depthPrecisions)[number];

export interface GradientDepthState {
  fns: DepthFunction[];
  /** Number of layers L. */
  depth: number;
  /** Mean μ and standard deviation σ of the pre-activations z_l. */
  mu: number;
  sigma: number;
  precision: DepthPrecision;
  seed: number;
}

export const gradientDepthLimits = {
  depth: { min: 1, max: 50, step: 1 },
  mu: { min: -3, max: 3, step: 0.1 },
  sigma: { min: 0.1, max: 5, step: 0.1 },
  /** Random paths (products) per function. */
  paths: 200,
} as const;

export const gradientDepthDefaults: GradientDepthState = {
  fns: ['sigmoid', 'tanh', 'relu', 'gelu'],
  depth: 20,
  mu: 0,
  sigma: 1,
  precision: 'float64',
  seed: 1,
};

/** How each function is named in sentences and labels. */
export const depthFunctionLabel: Record<DepthFunction, string> = {
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  gelu: 'GELU',
  'leaky-relu': 'leaky ReLU',
  elu: 'ELU',
};

/** Each function's colour: the site's series colours, sigmoid/ReLU/tanh as in lesson 1. */
export const depthFunctionColour: Record<DepthFunction, string> = {
  sigmoid: 'var(--nl-series-1)',
  relu: 'var(--nl-series-2)',
  tanh: 'var(--nl-series-3)',
  gelu: 'var(--nl-series-4, var(--gtd-series-4))',
  'leaky-relu': 'var(--nl-series-5, var(--gtd-series-5))',
  elu: 'var(--nl-series-6, var(--gtd-series-6))',
};

/** Rounds v to the slider's step (so 0.30000000000000004 is 0.3). */
function snap(v: number, step: number): number {
  return Number((Math.round(v / step) * step).toFixed(6));
}

/**
 * Reads a state from URL-style parameters, keeping what is valid and saying what was not,
 * so a hand-edited or stale link shows a sensible figure and a clear message.
 */
export function parseGradientDepthState(params: URLSearchParams, prefix = '') {
  const state: GradientDepthState = {
    ...gradientDepthDefaults,
    fns: [...gradientDepthDefaults.fns],
  };
  const problems: string[] = [];
  const fns = params.get(`${prefix}fns`);
  if (fns !== null) {
    const asked = fns.split(',').filter((s) => s !== '');
    const known = asked.filter((s): s is DepthFunction =>
      (depthFunctions as readonly string[]).includes(s),
    );
    const unknown = asked.filter((s) => !known.includes(s as DepthFunction));
    state.fns = depthFunctions.filter((f) => known.includes(f));
    if (unknown.length > 0) {
      problems.push(
        `Unknown function${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; choose from ${depthFunctions.join(', ')}.`,
      );
    }
  }
  const number = (key: 'depth' | 'mu' | 'sigma', name: string) => {
    const raw = params.get(`${prefix}${key}`);
    if (raw === null) return;
    const { min, max, step } = gradientDepthLimits[key];
    const v = Number(raw);
    const ok = raw.trim() !== '' && Number.isFinite(v);
    if (ok) state[key] = Math.min(max, Math.max(min, snap(v, step)));
    if (!ok || v < min || v > max) {
      problems.push(`${name} must be from ${min} to ${max}; showing ${state[key]}.`);
    }
  };
  number('depth', 'Layers');
  number('mu', 'μ');
  number('sigma', 'σ');
  const precision = params.get(`${prefix}prec`);
  if (precision !== null) {
    if (precision === '32' || precision === '64') state.precision = `float${precision}`;
    else problems.push(`Precision must be 64 or 32; showing float${state.precision.slice(5)}.`);
  }
  const seed = params.get(`${prefix}seed`);
  if (seed !== null) {
    const s = Number(seed);
    if (seed.trim() !== '' && Number.isSafeInteger(s) && s >= 0) state.seed = s;
    else problems.push(`Seed must be a whole number ≥ 0; showing seed ${state.seed}.`);
  }
  return { state, problems };
}

export function formatGradientDepthState(state: GradientDepthState, prefix = '') {
  return {
    [`${prefix}fns`]: state.fns.join(','),
    [`${prefix}depth`]: String(state.depth),
    [`${prefix}mu`]: String(state.mu),
    [`${prefix}sigma`]: String(state.sigma),
    [`${prefix}prec`]: state.precision.slice(5),
    [`${prefix}seed`]: String(state.seed),
  };
}

/**
 * Checks a state given as component props; returns what is wrong, in words (empty when valid).
 * The .astro file throws these at build time.
 */
export function checkGradientDepthState(state: GradientDepthState): string[] {
  const wrong: string[] = [];
  if (!Array.isArray(state.fns) || state.fns.some((f) => !depthFunctions.includes(f))) {
    wrong.push(`fns must be a list of ${depthFunctions.join(', ')}`);
  }
  for (const key of ['depth', 'mu', 'sigma'] as const) {
    const { min, max } = gradientDepthLimits[key];
    const v = state[key];
    if (typeof v !== 'number' || !(v >= min && v <= max)) {
      wrong.push(`${key} must be a number from ${min} to ${max}`);
    }
  }
  if (!Number.isInteger(state.depth)) wrong.push('depth must be a whole number');
  if (!depthPrecisions.includes(state.precision))
    wrong.push('precision must be float64 or float32');
  if (!Number.isSafeInteger(state.seed) || state.seed < 0)
    wrong.push('seed must be a whole number ≥ 0');
  return wrong;
}
