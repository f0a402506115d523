// The state of the universal-approximation figure and its URL form, apart from the figure so
// the widget's element can read and validate it without loading Plot.

export const uaTargets = ['sine', 'step', 'abs'] as const;
export type UaTarget = (typeof uaTargets)[number];
export const uaUnits = ['relu', 'tanh'] as const;
export type UaUnit = (typeof uaUnits)[number];

export interface UniversalApproximationState {
  target: UaTarget;
  unit: UaUnit;
  /** Number of hidden units. */
  n: number;
  /** Draw each scaled unit c_i·φ_i(x) faintly behind the fit. */
  showUnits: boolean;
}

export const uaLimits = { n: { min: 1, max: 50 } } as const;
export const uaDefaults: UniversalApproximationState = {
  target: 'sine',
  unit: 'relu',
  n: 6,
  showUnits: true,
};

/** How each choice is named in sentences. */
export const uaTargetLabel: Record<UaTarget, string> = {
  sine: 'sin x',
  step: 'the step sign(x)',
  abs: '|x|',
};
export const uaUnitLabel: Record<UaUnit, string> = { relu: 'ReLU', tanh: 'tanh' };

/**
 * Reads a state from URL-style parameters, keeping what is valid and saying what was not,
 * so a hand-edited or stale link shows a sensible figure and a clear message.
 */
export function parseUniversalApproximationState(params: URLSearchParams, prefix = '') {
  const state = { ...uaDefaults };
  const problems: string[] = [];
  const target = params.get(`${prefix}target`);
  if (target !== null) {
    if ((uaTargets as readonly string[]).includes(target)) state.target = target as UaTarget;
    else problems.push(`Unknown target "${target}"; showing ${uaTargetLabel[state.target]}.`);
  }
  const unit = params.get(`${prefix}unit`);
  if (unit !== null) {
    if ((uaUnits as readonly string[]).includes(unit)) state.unit = unit as UaUnit;
    else problems.push(`Unknown unit "${unit}"; showing ${uaUnitLabel[state.unit]}.`);
  }
  const n = params.get(`${prefix}n`);
  if (n !== null) {
    const { min, max } = uaLimits.n;
    const v = n.trim() === '' ? Number.NaN : Number(n);
    if (Number.isFinite(v)) state.n = Math.min(max, Math.max(min, Math.round(v)));
    if (!Number.isInteger(v) || v < min || v > max) {
      problems.push(`Units must be a whole number from ${min} to ${max}; showing ${state.n}.`);
    }
  }
  const show = params.get(`${prefix}show`);
  if (show !== null) {
    if (show === '1' || show === '0') state.showUnits = show === '1';
    else
      problems.push(`"show" must be 1 or 0; ${state.showUnits ? 'showing' : 'hiding'} the units.`);
  }
  return { state, problems };
}

export function formatUniversalApproximationState(
  state: UniversalApproximationState,
  prefix = '',
): Record<string, string> {
  return {
    [`${prefix}target`]: state.target,
    [`${prefix}unit`]: state.unit,
    [`${prefix}n`]: String(state.n),
    [`${prefix}show`]: state.showUnits ? '1' : '0',
  };
}

/** Checks props given to the widget at build time; returns the first problem, if any. */
export function checkUniversalApproximationProps(
  state: UniversalApproximationState,
): string | undefined {
  if (!uaTargets.includes(state.target)) return `target must be one of ${uaTargets.join(', ')}`;
  if (!uaUnits.includes(state.unit)) return `unit must be one of ${uaUnits.join(', ')}`;
  const { min, max } = uaLimits.n;
  if (!Number.isInteger(state.n) || state.n < min || state.n > max) {
    return `n must be a whole number from ${min} to ${max}`;
  }
  if (typeof state.showUnits !== 'boolean') return 'showUnits must be true or false';
  return undefined;
}
