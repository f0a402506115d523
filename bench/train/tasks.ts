// The four training tasks of the benchmark contract (engine-api.d.ts), made afresh from
// seeds in every process, so that each engine starts from the same data and weights.

import { spiral } from '../../src/lib/data/playground.ts';
import { seeded } from '../../src/lib/random/index.ts';
import { shuffle } from '../../src/lib/random/shuffle.ts';
import type { TrainConfig } from './engine-api.d.ts';

const DATA_SEED = 20160414;
const INIT_SEED = 7;

interface Task {
  id: string;
  title: string;
  layers: number[];
  hidden: 'tanh' | 'relu';
  output: 'tanh' | 'linear';
  batchSize: number;
  initScheme: 'playground' | 'he-uniform';
}

export const tasks: Task[] = [
  {
    id: 'pg-8-8',
    title: '2-8-8-1 tanh, batch 10',
    layers: [2, 8, 8, 1],
    hidden: 'tanh',
    output: 'tanh',
    batchSize: 10,
    initScheme: 'playground',
  },
  {
    id: 'pg-4-2',
    title: '2-4-2-1 tanh, batch 10',
    layers: [2, 4, 2, 1],
    hidden: 'tanh',
    output: 'tanh',
    batchSize: 10,
    initScheme: 'playground',
  },
  {
    id: 'pg-8-8-full',
    title: '2-8-8-1 tanh, batch 500',
    layers: [2, 8, 8, 1],
    hidden: 'tanh',
    output: 'tanh',
    batchSize: 500,
    initScheme: 'playground',
  },
  {
    id: 'relu-64x3',
    title: '2-64-64-64-1 ReLU, tanh out, batch 32',
    layers: [2, 64, 64, 64, 1],
    hidden: 'relu',
    output: 'tanh',
    batchSize: 32,
    initScheme: 'he-uniform',
  },
];

export function makeConfig(id: string): TrainConfig {
  const task = tasks.find((t) => t.id === id);
  if (!task)
    throw new RangeError(`unknown task "${id}" (known: ${tasks.map((t) => t.id).join(', ')})`);
  const n = 500;
  const points = shuffle(spiral(n, 0, seeded(DATA_SEED)), seeded(DATA_SEED + 1));
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  points.forEach((p, i) => {
    x[2 * i] = p.x;
    x[2 * i + 1] = p.y;
    y[i] = p.label;
  });
  const source = seeded(INIT_SEED);
  const init = task.layers.slice(1).map((out, l) => {
    const fanIn = task.layers[l];
    const limit = Math.sqrt(6 / fanIn);
    const W = Float64Array.from({ length: out * fanIn }, () =>
      task.initScheme === 'playground' ? source() - 0.5 : limit * (2 * source() - 1),
    );
    const b = new Float64Array(out).fill(task.initScheme === 'playground' ? 0.1 : 0);
    return { W, b };
  });
  return {
    ...task,
    loss: 'half-mse',
    optimizer: 'sgd',
    learningRate: 0.03,
    init,
    data: { n, x, y },
    dataset: { name: 'spiral', n, noise: 0, seed: String(DATA_SEED) },
  };
}
