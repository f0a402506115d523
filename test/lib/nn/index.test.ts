import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../../src/lib/data/index.ts';
import * as nn from '../../../src/lib/nn/index.ts';
import { seeded } from '../../../src/lib/random/index.ts';

describe('src/lib/nn', () => {
  it('trains a network from a notebook cell in five lines', () => {
    const network = new nn.Network(
      nn.mlp({ inputs: 2, hidden: [4], outputs: 1, activation: 'tanh', output: 'tanh' }),
      seeded(1),
    );
    const data = {
      n: 4,
      x: Float64Array.of(0, 0, 0, 1, 1, 0, 1, 1),
      y: Float64Array.of(-1, 1, 1, -1),
    };
    const trainer = new nn.Trainer({
      network,
      data,
      loss: 'half-mse',
      optimiser: { type: 'adam', learningRate: 0.05 },
      batchSize: 4,
    });
    for (let epoch = 0; epoch < 500; epoch++) trainer.epoch();
    expect(Array.from(network.predict(data.x), Math.sign)).toEqual([-1, 1, 1, -1]);
  });

  it('trains 2-8-8-1 tanh on the spiral as the README shows', () => {
    const source = seeded(1);
    const data = makeDataset('spiral', 500, 0, source);
    const network = new nn.Network(
      nn.mlp({
        inputs: 2,
        hidden: [8, 8],
        outputs: 1,
        activation: 'tanh',
        output: 'tanh',
        init: 'playground',
      }),
      source,
    );
    const trainer = new nn.Trainer({
      network,
      data,
      loss: 'half-mse',
      optimiser: { type: 'sgd', learningRate: 0.03 },
      batchSize: 10,
      shuffle: true,
      source,
    });
    for (let epoch = 0; epoch < 500; epoch++) trainer.epoch();
    expect(trainer.evaluate()).toBeLessThan(0.15);
  });
});
