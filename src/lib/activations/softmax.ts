// softmax(x)_i = e^{x_i/T} / Σ_j e^{x_j/T}: a vector of logits to a probability vector.
// Computed stably: with m = max x, e^{(x_i − m)/T} / (1 + Σ_{j≠k} e^{(x_j − m)/T}), so
// [1000, 1000] gives [½, ½] and no exponential overflows.

import { defaultValues } from './params.ts';
import type { FloatArray, Param, ParamValues } from './types.ts';
import {
  checkLength,
  defineVector,
  softmaxInto,
  type VectorInfo,
  type VectorMethods,
  workspace,
} from './vector.ts';

const params: Param[] = [
  { name: 'temperature', tex: 'T', default: 1, min: 0.05, max: 10, step: 0.05 },
];

/** The information softmax and log-softmax share (both cite Bridle 1990). */
export const bridle1990 = {
  authors: ['J. S. Bridle'],
  title:
    'Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships to Statistical Pattern Recognition',
  venue: 'Neurocomputing: Algorithms, Architectures and Applications (Springer), pp. 227–236',
  year: 1990,
};

const info: VectorInfo = {
  id: 'softmax',
  name: 'Softmax',
  aliases: ['normalised exponential', 'softargmax'],
  family: 'vector',
  params,
  tex: {
    f: '\\operatorname{softmax}(x)_i = \\frac{e^{x_i/T}}{\\sum_j e^{x_j/T}}',
    df: '\\frac{\\partial s_i}{\\partial x_j} = \\frac{1}{T}\\, s_i(\\delta_{ij} - s_j), \\quad \\nabla_x = \\frac{1}{T}\\, s \\odot (g - g\\cdot s)',
  },
  defaults: {
    pytorch: 'nn.Softmax(dim=-1)',
    keras: 'keras.activations.softmax(x, axis=-1)',
    note: 'Neither takes a temperature: divide the logits by T first.',
  },
  citation: bridle1990,
  year: 1990,
  notes:
    'Shifted by the maximum, so [1000, 1000] gives [½, ½]; a single +∞ entry gives a one-hot vector; a NaN, two +∞ entries or all entries −∞ give NaN (the limit is undefined).',
};

/** Writes softmax(xs / t) into out, through a float64 work array when out is float32. */
function softmaxForward(id: string, xs: FloatArray, out: FloatArray, t: number): void {
  checkLength(id, 'out', out, xs.length);
  if (out instanceof Float64Array) {
    softmaxInto(xs, t, out);
    return;
  }
  const s = workspace(xs.length);
  softmaxInto(xs, t, s);
  for (let i = 0; i < xs.length; i++) out[i] = s[i];
}

function methods(values: ParamValues): VectorMethods {
  const t = values.temperature;
  return {
    outputLength: (n) => n,
    forward: (xs, out) => softmaxForward(info.id, xs, out, t),
    // dx = (1/T) s ⊙ (g − g·s), the product with the symmetric Jacobian (diag(s) − ssᵀ)/T.
    backward(xs, dy, dx) {
      const n = xs.length;
      checkLength(info.id, 'dy', dy, n);
      checkLength(info.id, 'dx', dx, n);
      const s = workspace(n);
      softmaxInto(xs, t, s);
      let dot = 0;
      for (let i = 0; i < n; i++) dot += dy[i] * s[i];
      for (let i = 0; i < n; i++) dx[i] = (s[i] * (dy[i] - dot)) / t;
    },
  };
}

/** Softmax with temperature T (default 1). */
export const softmax = defineVector(info, defaultValues(params), methods);
