// The state of the softmax explorer and its URL form. Kept apart from the figure so the
// widget's element can read and validate it without loading Plot or the kernel.
// The temperature's range is the catalogue's (src/lib/activations/softmax.ts), copied here so
// that the element's small script does not pull the kernel in; a test checks they agree.

import { snapToStep } from './slider.ts';

export interface SoftmaxExplorerState {
  /** The logits as set on the sliders (2 to 6 of them). */
  logits: number[];
  /** Added to every logit: softmax ignores it, the naive formula does not. */
  shift: number;
  /** Temperature T: softmax(x / T). */
  temperature: number;
}

export const softmaxExplorerLimits = {
  count: { min: 2, max: 6 },
  logit: { min: -10, max: 10, step: 0.1 },
  shift: { min: -1000, max: 1000, step: 1 },
  temperature: { min: 0.05, max: 10, step: 0.05 },
} as const;

export const softmaxExplorerDefaults: SoftmaxExplorerState = {
  logits: [2, 1, 0.1],
  shift: 0,
  temperature: 1,
};

/** The logit a new slider starts at. */
export const newLogit = 0;

/** ln(Number.MAX_VALUE) = 709.782712893384: Math.exp overflows to Infinity above it. */
export const overflowThreshold = Math.log(Number.MAX_VALUE);

/** A number as a slider shows it: no trailing zeros, a real minus sign. */
export function formatSliderValue(v: number): string {
  return String(Number(v.toFixed(2))).replace('-', '−');
}

function parseNumber(
  raw: string | null,
  name: string,
  limits: { min: number; max: number; step: number },
  fallback: number,
  problems: string[],
): number {
  if (raw === null) return fallback;
  const v = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(v)) {
    problems.push(`${name} "${raw}" is not a number; showing ${fallback}.`);
    return fallback;
  }
  const s = snapToStep(v, limits);
  if (v < limits.min || v > limits.max) {
    problems.push(`${name} must be from ${limits.min} to ${limits.max}; showing ${s}.`);
  }
  return s;
}

/**
 * Reads a state from URL-style parameters (`x=2,1,0.1&shift=700&t=1`, each with the prefix),
 * keeping what is valid and saying what was not, so a stale link never breaks the widget.
 */
export function parseSoftmaxExplorerState(params: URLSearchParams, prefix = '') {
  const { count, logit, shift, temperature } = softmaxExplorerLimits;
  const state: SoftmaxExplorerState = {
    ...softmaxExplorerDefaults,
    logits: [...softmaxExplorerDefaults.logits],
  };
  const problems: string[] = [];
  const x = params.get(`${prefix}x`);
  if (x !== null) {
    const parts = x.split(',');
    const values = parts.map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
    if (values.some((v) => !Number.isFinite(v))) {
      problems.push(
        `Logits "${x}" must be numbers separated by commas; showing ${state.logits.join(', ')}.`,
      );
    } else {
      let logits = values.map((v) => snapToStep(v, logit));
      if (values.some((v) => v < logit.min || v > logit.max)) {
        problems.push(
          `Each logit must be from ${logit.min} to ${logit.max} (use the shift for more); showing ${logits.join(', ')}.`,
        );
      }
      if (logits.length > count.max) {
        logits = logits.slice(0, count.max);
        problems.push(`At most ${count.max} logits; showing the first ${count.max}.`);
      }
      if (logits.length < count.min) {
        while (logits.length < count.min) logits.push(newLogit);
        problems.push(`At least ${count.min} logits; showing ${logits.join(', ')}.`);
      }
      state.logits = logits;
    }
  }
  state.shift = parseNumber(params.get(`${prefix}shift`), 'Shift', shift, state.shift, problems);
  state.temperature = parseNumber(
    params.get(`${prefix}t`),
    'Temperature',
    temperature,
    state.temperature,
    problems,
  );
  return { state, problems };
}

export function formatSoftmaxExplorerState(state: SoftmaxExplorerState, prefix = '') {
  return {
    [`${prefix}x`]: state.logits.join(','),
    [`${prefix}shift`]: String(state.shift),
    [`${prefix}t`]: String(state.temperature),
  };
}

/** Checks props given to the widget at build time; throws a clear Error on a bad one. */
export function checkSoftmaxExplorerProps(state: SoftmaxExplorerState): void {
  const { count, logit, shift, temperature } = softmaxExplorerLimits;
  const inRange = (v: unknown, l: { min: number; max: number }) =>
    typeof v === 'number' && v >= l.min && v <= l.max;
  if (
    !Array.isArray(state.logits) ||
    state.logits.length < count.min ||
    state.logits.length > count.max ||
    !state.logits.every((v) => inRange(v, logit))
  ) {
    throw new Error(
      `SoftmaxExplorer: logits must be ${count.min} to ${count.max} numbers from ${logit.min} to ${logit.max}`,
    );
  }
  if (!inRange(state.shift, shift)) {
    throw new Error(`SoftmaxExplorer: shift must be a number from ${shift.min} to ${shift.max}`);
  }
  if (!inRange(state.temperature, temperature)) {
    throw new Error(
      `SoftmaxExplorer: temperature must be a number from ${temperature.min} to ${temperature.max}`,
    );
  }
}
