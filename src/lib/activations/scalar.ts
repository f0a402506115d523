// The builder every scalar entry goes through: it merges an entry's description with the
// kernel built for one set of parameter values, checks array lengths, and gives `with()`
// its validation (params.ts). Each entry file writes its own two loops (forward, backward)
// over its own module-level f and f′: one loop shared by all entries would call a different
// closure per entry and become megamorphic in V8, several times slower (bench/activations.ts).
// Where f′ is too long for V8 to inline into a loop (gelu-tanh, mish), the entry writes the
// loop body out and its scalar f′ runs the loop on one element.

import { defaultValues, resolveValues } from './params.ts';
import type {
  Activation,
  ActivationInfo,
  FloatArray,
  ForwardOptions,
  ParamValues,
  Properties,
} from './types.ts';

/** The computing part of an entry, built for one set of parameter values. */
export interface Kernel {
  f(x: number): number;
  df(x: number): number;
  /** out[i] = f(xs[i]); lengths are already checked. */
  forward(xs: FloatArray, out: FloatArray, options?: ForwardOptions): void;
  /** dx[i] = dy[i]·f′(xs[i]); lengths are already checked. */
  backward(xs: FloatArray, dy: FloatArray, dx: FloatArray): void;
}

/** What a scalar entry file describes: the metadata, and how to build for given values. */
export interface ScalarSpec extends Omit<ActivationInfo, 'values'> {
  properties(values: ParamValues): Properties;
  kernel(values: ParamValues): Kernel;
  /** Checks what a range cannot say (hard-tanh: min < max); throws a RangeError. */
  check?(values: ParamValues): void;
}

function checkLength(id: string, what: string, array: FloatArray, n: number): void {
  if (array.length !== n) {
    throw new RangeError(`${id}: ${what} has length ${array.length}, expected ${n}`);
  }
}

/** Freezes an entry's description (params, aliases, tex, ...), shared by all its `with()`s. */
function freezeInfo(spec: ScalarSpec): void {
  if (Object.isFrozen(spec.params)) return;
  for (const p of spec.params) Object.freeze(p);
  for (const part of [spec.params, spec.aliases, spec.tex, spec.defaults, spec.citation]) {
    if (part) Object.freeze(part);
  }
  if (spec.citation) Object.freeze(spec.citation.authors);
}

/** The entry `spec` with parameter `values` (the defaults unless given). */
export function defineScalar(
  spec: ScalarSpec,
  values: ParamValues = defaultValues(spec.params),
): Activation {
  freezeInfo(spec);
  spec.check?.(values);
  const { id } = spec;
  const kernel = spec.kernel(values);
  return Object.freeze({
    id,
    name: spec.name,
    aliases: spec.aliases,
    family: spec.family,
    params: spec.params,
    values,
    tex: spec.tex,
    defaults: spec.defaults,
    citation: spec.citation,
    year: spec.year,
    ...(spec.notes === undefined ? {} : { notes: spec.notes }),
    kind: 'scalar' as const,
    properties: spec.properties(values),
    f: kernel.f,
    df: kernel.df,
    forward(xs: FloatArray, out: FloatArray, options?: ForwardOptions): void {
      checkLength(id, 'out', out, xs.length);
      kernel.forward(xs, out, options);
    },
    backward(xs: FloatArray, dy: FloatArray, dx: FloatArray): void {
      checkLength(id, 'dy', dy, xs.length);
      checkLength(id, 'dx', dx, xs.length);
      kernel.backward(xs, dy, dx);
    },
    with: (next: ParamValues): Activation =>
      defineScalar(spec, resolveValues(id, spec.params, values, next)),
  });
}

/** An output range with open or closed ends, for `properties`. */
export function range(
  lo: number,
  loClosed: boolean,
  hi: number,
  hiClosed: boolean,
): Properties['range'] {
  return { lo: { value: lo, closed: loClosed }, hi: { value: hi, closed: hiClosed } };
}
