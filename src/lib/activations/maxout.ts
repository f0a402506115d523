// maxout with k pieces: the input (the k·m pre-activations of a layer with m units) is read
// as m consecutive groups of k, and each unit outputs the maximum of its group. The
// gradient goes to the arg-max piece only: on ties the first, as PyTorch's max does; a NaN
// piece counts as the maximum (so NaN propagates, and its gradient goes to the first NaN).

import { defaultValues } from './params.ts';
import type { Param, ParamValues } from './types.ts';
import {
  argmax,
  checkLength,
  defineVector,
  type VectorInfo,
  type VectorMethods,
} from './vector.ts';

const params: Param[] = [{ name: 'k', tex: 'k', default: 2, min: 2, max: 8, step: 1 }];

const info: VectorInfo = {
  id: 'maxout',
  name: 'Maxout',
  aliases: [],
  family: 'vector',
  params,
  tex: {
    f: 'h_i = \\max_{1 \\le j \\le k} z_{(i-1)k + j}',
    df: '\\frac{\\partial h_i}{\\partial z_{(i-1)k + j}} = \\begin{cases} 1 & j = \\text{the first arg-max} \\\\ 0 & \\text{otherwise} \\end{cases}',
  },
  defaults: {
    note: 'No built-in layer in PyTorch or Keras: reshape to (…, m, k) and take the max over the last axis (TensorFlow Addons had tfa.layers.Maxout(num_units)).',
  },
  citation: {
    authors: ['I. J. Goodfellow', 'D. Warde-Farley', 'M. Mirza', 'A. Courville', 'Y. Bengio'],
    title: 'Maxout Networks',
    venue: 'ICML 2013 (PMLR 28(3))',
    year: 2013,
    arxiv: '1302.4389',
  },
  year: 2013,
  notes:
    'The gradient goes to the first maximal piece of each group (PyTorch’s max convention); a NaN piece wins, so NaN propagates.',
};

function checkK(values: ParamValues): void {
  if (!Number.isInteger(values.k)) {
    throw new RangeError(`maxout: k must be an integer, got ${values.k}`);
  }
}

function methods(values: ParamValues): VectorMethods {
  const k = values.k;
  const outputLength = (n: number): number => {
    if (!Number.isInteger(n / k)) {
      throw new RangeError(`maxout: the input length ${n} is not a multiple of k = ${k}`);
    }
    return n / k;
  };
  return {
    outputLength,
    forward(xs, out) {
      const m = outputLength(xs.length);
      checkLength(info.id, 'out', out, m);
      for (let i = 0; i < m; i++) out[i] = xs[argmax(xs, i * k, i * k + k)];
    },
    // dx is zero except at each group's arg-max, which receives that group's dy.
    backward(xs, dy, dx) {
      const m = outputLength(xs.length);
      checkLength(info.id, 'dy', dy, m);
      checkLength(info.id, 'dx', dx, xs.length);
      for (let i = 0; i < m; i++) {
        const g = dy[i];
        const a = argmax(xs, i * k, i * k + k);
        for (let j = i * k; j < i * k + k; j++) dx[j] = j === a ? g : 0;
      }
    },
  };
}

/** Maxout with k pieces per unit (default 2). */
export const maxout = defineVector(info, defaultValues(params), methods, checkK);
