// Parameter values for `with()`: one place that turns a reader's or a slider's input into
// checked numbers, so a bad value gets a clear message instead of a NaN picture.

import type { Param, ParamValues } from './types.ts';

/** The default value of every parameter, by name. */
export function defaultValues(params: readonly Param[]): ParamValues {
  return Object.freeze(Object.fromEntries(params.map((p) => [p.name, p.default])));
}

/**
 * Merge `values` into `current`, checking each name and range. Throws a RangeError that
 * names the function, the parameter and its allowed range.
 */
export function resolveValues(
  id: string,
  params: readonly Param[],
  current: ParamValues,
  values: ParamValues,
): ParamValues {
  const next: Record<string, number> = { ...current };
  for (const [name, value] of Object.entries(values)) {
    const p = params.find((q) => q.name === name);
    if (!p) {
      const known = params.map((q) => q.name).join(', ') || 'none';
      throw new RangeError(`${id} has no parameter "${name}" (its parameters: ${known})`);
    }
    if (typeof value !== 'number' || !(value >= p.min && value <= p.max)) {
      throw new RangeError(`${id}: ${name} must be a number in [${p.min}, ${p.max}], got ${value}`);
    }
    next[name] = value;
  }
  return Object.freeze(next);
}
