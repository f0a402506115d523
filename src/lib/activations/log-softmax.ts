// log-softmax(x)_i = x_i/T − log Σ_j e^{x_j/T}, the logarithm of softmax computed without
// ever forming it: (x_i − m)/T − log1p(Σ_{j≠k} e^{(x_j − m)/T}), m = x_k the maximum. The
// log1p keeps the accuracy when one term dominates (the largest output is then −log1p(tiny)).

import { defaultValues } from './params.ts';
import { bridle1990 } from './softmax.ts';
import type { Param, ParamValues } from './types.ts';
import {
  argmax,
  checkLength,
  defineVector,
  softmaxCase,
  softmaxInto,
  sumOthers,
  type VectorInfo,
  type VectorMethods,
  workspace,
} from './vector.ts';

const params: Param[] = [
  { name: 'temperature', tex: 'T', default: 1, min: 0.05, max: 10, step: 0.05 },
];

const info: VectorInfo = {
  id: 'log-softmax',
  name: 'Log-softmax',
  aliases: ['log softmax'],
  family: 'vector',
  params,
  tex: {
    f: '\\operatorname{logsoftmax}(x)_i = \\frac{x_i}{T} - \\log \\sum_j e^{x_j/T}',
    df: '\\frac{\\partial y_i}{\\partial x_j} = \\frac{1}{T}(\\delta_{ij} - s_j), \\quad \\nabla_x = \\frac{1}{T}\\Big(g - s \\sum_i g_i\\Big)',
  },
  defaults: {
    pytorch: 'nn.LogSoftmax(dim=-1)',
    keras: 'keras.activations.log_softmax(x, axis=-1)',
    note: 'Neither takes a temperature: divide the logits by T first.',
  },
  citation: bridle1990,
  year: 1990,
  notes:
    'A single +∞ entry gives 0 there and −∞ elsewhere; a NaN, two +∞ entries or all entries −∞ give NaN.',
};

function methods(values: ParamValues): VectorMethods {
  const t = values.temperature;
  return {
    outputLength: (n) => n,
    forward(xs, out) {
      const n = xs.length;
      checkLength(info.id, 'out', out, n);
      if (n === 0) return;
      const k = argmax(xs, 0, n);
      const special = softmaxCase(xs, k);
      if (special !== -2) {
        for (let j = 0; j < n; j++) out[j] = special === -1 ? Number.NaN : j === k ? 0 : -Infinity;
        return;
      }
      const m = xs[k];
      const lse = Math.log1p(sumOthers(xs, k, t));
      for (let j = 0; j < n; j++) {
        const x = xs[j];
        let d = (x - m) / t;
        // x − m overflows for [1e308, −1e308]; divided by T > 1 the true value may be finite.
        // Only then: when x − m is finite and (x − m)/T overflows, x/T and m/T can both be
        // infinite with one sign ([1.7e308, 1e308] at T = 0.05) and their difference NaN.
        if (d === -Infinity && x !== -Infinity && x - m === -Infinity) d = x / t - m / t;
        out[j] = d - lse;
      }
    },
    // dx = (1/T)(g − s Σg): the Jacobian is (I − 1sᵀ)/T.
    backward(xs, dy, dx) {
      const n = xs.length;
      checkLength(info.id, 'dy', dy, n);
      checkLength(info.id, 'dx', dx, n);
      const s = workspace(n);
      softmaxInto(xs, t, s);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += dy[i];
      for (let i = 0; i < n; i++) dx[i] = (dy[i] - s[i] * sum) / t;
    },
  };
}

/** Log-softmax with temperature T (default 1). */
export const logSoftmax = defineVector(info, defaultValues(params), methods);
