// Initial weights. Each scheme fills a Dense layer's weight [out][in] in row-major order and
// then its bias, drawing from the run's source, so a seed fixes the whole network.
// Normal schemes draw plain normals (PyTorch's xavier_normal_/kaiming_normal_); Keras's
// glorot_normal, he_normal and lecun_normal truncate at two standard deviations instead.

import { randomNormal, type Source } from '../random/index.ts';

export type InitScheme =
  | 'glorot-uniform'
  | 'glorot-normal'
  | 'he-uniform'
  | 'he-normal'
  | 'lecun-normal'
  | 'playground'
  | 'standard'
  | 'zeros';

export const initSchemes: readonly InitScheme[] = [
  'glorot-uniform',
  'glorot-normal',
  'he-uniform',
  'he-normal',
  'lecun-normal',
  'playground',
  'standard',
  'zeros',
];

function uniform(limit: number, source: Source): () => number {
  return () => limit * (2 * source() - 1);
}

/** A draw for weights of a layer with this fan-in and fan-out, and the bias value. */
function scheme(id: InitScheme, fanIn: number, fanOut: number, source: Source) {
  switch (id) {
    case 'glorot-uniform':
      return { draw: uniform(Math.sqrt(6 / (fanIn + fanOut)), source), bias: 0 };
    case 'glorot-normal':
      return { draw: randomNormal(source, 0, Math.sqrt(2 / (fanIn + fanOut))), bias: 0 };
    case 'he-uniform':
      return { draw: uniform(Math.sqrt(6 / fanIn), source), bias: 0 };
    case 'he-normal':
      return { draw: randomNormal(source, 0, Math.sqrt(2 / fanIn)), bias: 0 };
    case 'lecun-normal':
      return { draw: randomNormal(source, 0, Math.sqrt(1 / fanIn)), bias: 0 };
    // Playground: Math.random() − 0.5 per weight, every bias 0.1.
    case 'playground':
      return { draw: () => source() - 0.5, bias: 0.1 };
    // Glorot & Bengio's (2010) "standard" initialisation, their eq. 1, the one whose
    // saturation they show: U[−1/√n, 1/√n] with n the fan-in, biases 0.
    case 'standard':
      return { draw: uniform(1 / Math.sqrt(fanIn), source), bias: 0 };
    case 'zeros':
      return { draw: () => 0, bias: 0 };
    default:
      throw new RangeError(`unknown initialiser "${id}" (known: ${initSchemes.join(', ')})`);
  }
}

/** Fill weight (fanOut × fanIn) and bias by a scheme. */
export function initialise(
  id: InitScheme,
  weight: Float64Array,
  bias: Float64Array,
  source: Source,
): void {
  const fanOut = bias.length;
  const fanIn = weight.length / fanOut;
  const { draw, bias: b } = scheme(id, fanIn, fanOut, source);
  for (let i = 0; i < weight.length; i++) weight[i] = draw();
  bias.fill(b);
}
