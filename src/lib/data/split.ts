// Train/test split as Playground makes it: shuffle the samples once, then the first part
// trains and the rest tests.

import type { Source } from '../random/index.ts';
import { shuffle } from '../random/shuffle.ts';
import type { Dataset } from './dataset.ts';

function take(data: Dataset, order: Uint32Array, name: string): Dataset {
  const { inputs, outputs } = data;
  const n = order.length;
  const x = new Float64Array(n * inputs);
  const y = new Float64Array(n * outputs);
  order.forEach((i, r) => {
    x.set(data.x.subarray(i * inputs, (i + 1) * inputs), r * inputs);
    y.set(data.y.subarray(i * outputs, (i + 1) * outputs), r * outputs);
  });
  const part: Dataset = { ...data, name, n, x, y };
  if (data.labels) part.labels = Int32Array.from(order, (i) => data.labels?.[i] ?? 0);
  return part;
}

/** The samples in a seeded random order. */
export function shuffled(data: Dataset, source: Source): Dataset {
  return take(
    data,
    shuffle(
      Uint32Array.from({ length: data.n }, (_, i) => i),
      source,
    ),
    data.name,
  );
}

/** Shuffle, then the first ⌊n · trainFraction⌋ samples train and the rest test. */
export function split(
  data: Dataset,
  trainFraction: number,
  source: Source,
): { train: Dataset; test: Dataset } {
  if (!(trainFraction > 0 && trainFraction <= 1)) {
    throw new RangeError(`trainFraction must be in (0, 1], got ${trainFraction}`);
  }
  const order = shuffle(
    Uint32Array.from({ length: data.n }, (_, i) => i),
    source,
  );
  const cut = Math.floor(data.n * trainFraction);
  return {
    train: take(data, order.subarray(0, cut), `${data.name}-train`),
    test: take(data, order.subarray(cut), `${data.name}-test`),
  };
}
