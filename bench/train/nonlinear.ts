// The benchmark adapter for this course's engine (src/lib/nn), per engine-api.d.ts.
// options.probes = true attaches the probes the course's figures read every step.

import { Dense } from '../../src/lib/nn/dense.ts';
import { mlp, Network } from '../../src/lib/nn/network.ts';
import { Probes } from '../../src/lib/nn/probes.ts';
import { Trainer } from '../../src/lib/nn/trainer.ts';
import { seeded } from '../../src/lib/random/index.ts';
import type { Trainer as BenchTrainer, TrainConfig } from './engine-api.d.ts';

export function describe(options: Record<string, unknown> = {}) {
  return {
    name: options.probes ? 'nonlinear + probes' : 'nonlinear',
    notes: 'src/lib/nn, Float64Array, in process',
  };
}

function denseLayers(network: Network): Dense[] {
  return network.layers.filter((l): l is Dense => l instanceof Dense);
}

export function createTrainer(
  config: TrainConfig,
  options: Record<string, unknown> = {},
): BenchTrainer {
  const [inputs, ...rest] = config.layers;
  const network = new Network(
    mlp({
      inputs,
      hidden: rest.slice(0, -1),
      outputs: rest[rest.length - 1],
      activation: config.hidden,
      output: config.output === 'linear' ? 'identity' : 'tanh',
      init: 'zeros',
    }),
    seeded(0),
  );
  denseLayers(network).forEach((dense, l) => {
    dense.weight.set(config.init[l].W);
    dense.bias.set(config.init[l].b);
  });
  const data = { n: config.data.n, x: config.data.x, y: config.data.y };
  const trainer = new Trainer({
    network,
    data,
    loss: 'half-mse',
    optimiser: { type: 'sgd', learningRate: config.learningRate },
    batchSize: config.batchSize,
    observer: options.probes ? new Probes(network) : undefined,
  });
  return {
    trainEpoch: () => {
      trainer.epoch();
    },
    loss: () => trainer.evaluate(),
    params: () => denseLayers(network).map((d) => ({ W: d.weight.slice(), b: d.bias.slice() })),
  };
}
