import { describe, expect, it } from 'vitest';
import type { Dense } from '../../../src/lib/nn/dense.ts';
import { mlp, Network, type NetworkConfig } from '../../../src/lib/nn/network.ts';
import { leaves, Probes } from '../../../src/lib/nn/probes.ts';
import { Trainer } from '../../../src/lib/nn/trainer.ts';
import { seeded } from '../../../src/lib/random/index.ts';
import { normals } from './gradcheck.ts';

const data = { n: 20, x: normals(40, 1), y: normals(20, 2) };

function setup(config: NetworkConfig, seed = 3) {
  const network = new Network(config, seeded(seed));
  const probes = new Probes(network, { range: [-2, 2], bins: 8, saturation: 0.05 });
  const trainer = new Trainer({
    network,
    data,
    loss: 'half-mse',
    optimiser: { type: 'sgd', learningRate: 0.01 },
    batchSize: 10,
    observer: probes,
  });
  return { network, probes, trainer };
}

describe('Probes', () => {
  it('probes.read() has pre-activation mean, std and a histogram of the last batch', () => {
    const { network, probes, trainer } = setup(
      mlp({ inputs: 2, hidden: [5], outputs: 1, activation: 'tanh' }),
    );
    trainer.step();
    const [dense, act] = probes.read();
    expect(dense.path).toBe('0');
    const z = network.layers[1].x;
    const mean = z.reduce((s, v) => s + v, 0) / z.length;
    const std = Math.sqrt(z.reduce((s, v) => s + (v - mean) ** 2, 0) / z.length);
    expect(act.activation?.mean).toBeCloseTo(mean, 14);
    expect(act.activation?.std).toBeCloseTo(std, 12);
    const h = act.activation?.histogram;
    expect((h?.counts.reduce((s, c) => s + c, 0) ?? 0) + (h?.below ?? 0) + (h?.above ?? 0)).toBe(
      z.length,
    );
    expect(h?.counts.length).toBe(8);
    expect(h?.below).toBe(z.filter((v) => v < -2).length);
  });

  it('probes count saturated elements (|f′| under the threshold) and dead units', () => {
    const { network, probes, trainer } = setup(
      mlp({ inputs: 2, hidden: [4, 4], outputs: 1, activation: 'relu' }),
    );
    const first = network.layers[0] as Dense;
    // Unit 0 never fires: a large negative bias and no weight.
    first.weight.fill(0, 0, 2);
    first.bias[0] = -100;
    trainer.step();
    const act = probes.read()[1].activation;
    expect(act?.deadBatch).toBeGreaterThanOrEqual(0.25);
    expect(act?.saturated).toBeGreaterThanOrEqual(0.25);
    expect(act?.deadEpoch).toBeNull();
    trainer.step();
    expect(probes.read()[1].activation?.deadEpoch).toBeGreaterThanOrEqual(0.25);
  });

  it('every statistic equals a plain recomputation, odd element counts and out-of-range values included', () => {
    const network = new Network(
      mlp({ inputs: 2, hidden: [3], outputs: 1, activation: 'relu' }),
      seeded(5),
    );
    const first = network.layers[0] as Dense;
    // Unit 0 is off for every sample, unit 1 only for some, unit 2 is large (off the range).
    first.weight.set([0, 0, 1, 0, 30, 30]);
    first.bias.set([-1, 0, 0]);
    const probes = new Probes(network, { range: [-2, 2], bins: 8, saturation: 0.05 });
    const x = Float64Array.from([1, 0.5, -1, 0.2, 0.3, -0.1, -2, -2, 0.7, 0.1]);
    const trainer = new Trainer({
      network,
      data: { n: 5, x, y: new Float64Array(5) },
      loss: 'half-mse',
      optimiser: { type: 'sgd', learningRate: 0 },
      batchSize: 5,
      observer: probes,
    });
    trainer.step();
    const act = probes.read()[1].activation;
    const z = Array.from(network.layers[1].x);
    expect(z).toHaveLength(15);
    const mean = z.reduce((a, v) => a + v, 0) / 15;
    expect(act?.mean).toBeCloseTo(mean, 13);
    expect(act?.std).toBeCloseTo(Math.sqrt(z.reduce((a, v) => a + (v - mean) ** 2, 0) / 15), 12);
    const counts = new Array(8).fill(0);
    for (const v of z) if (v >= -2 && v < 2) counts[Math.floor((v + 2) * 2)]++;
    expect(act?.histogram.counts).toEqual(counts);
    expect(act?.histogram.below).toBe(z.filter((v) => v < -2).length);
    expect(act?.histogram.above).toBe(z.filter((v) => v >= 2).length);
    expect(act?.saturated).toBe(z.filter((v) => v <= 0).length / 15);
    expect(act?.deadBatch).toBe(1 / 3);
    expect(act?.deadEpoch).toBe(1 / 3); // the batch was the whole epoch
  });

  it('probes record gradient norms of the weights and of each layer’s input, and the weight norm', () => {
    const { network, probes, trainer } = setup(
      mlp({ inputs: 2, hidden: [3], outputs: 1, activation: 'tanh' }),
    );
    const dense = network.layers[2] as Dense;
    trainer.network.zeroGrad();
    trainer.step();
    const p = probes.read()[2];
    expect(p.weightNorm).toBeCloseTo(Math.hypot(...dense.weight), 14);
    expect(p.gradNorm).toBeCloseTo(Math.hypot(...dense.weightGrad, ...dense.biasGrad), 14);
    expect(p.inputGradNorm).toBeCloseTo(Math.hypot(...dense.dx), 14);
    expect(probes.read()[1].gradNorm).toBeUndefined();
  });

  it('probes leave training unchanged, bitwise', () => {
    const config = mlp({
      inputs: 2,
      hidden: [6, 6],
      outputs: 1,
      activation: 'gelu',
      init: 'he-normal',
    });
    const on = setup(config);
    const off = setup(config);
    off.trainer.observer = undefined;
    for (let s = 0; s < 10; s++) expect(on.trainer.step()).toBe(off.trainer.step());
    expect(on.network.params().map((p) => p.value)).toEqual(
      off.network.params().map((p) => p.value),
    );
  });

  it('leaves(model) walks into residual blocks and vector layers get activation statistics', () => {
    const network = new Network(
      {
        inputs: 2,
        layers: [
          { type: 'dense', units: 4 },
          {
            type: 'residual',
            norm: 'pre',
            branch: [
              { type: 'dense', units: 4 },
              { type: 'activation', id: 'prelu' },
            ],
          },
          { type: 'dense', units: 4 },
          { type: 'vector', id: 'maxout', params: { k: 2 } },
          { type: 'dense', units: 1 },
        ],
      },
      seeded(1),
    );
    expect(leaves(network.model).map((l) => l.path)).toEqual([
      '0',
      '1.branch.0',
      '1.branch.1',
      '1.norm',
      '2',
      '3',
      '4',
    ]);
    const probes = new Probes(network);
    new Trainer({
      network,
      data,
      loss: 'mse',
      optimiser: { type: 'sgd', learningRate: 0.01 },
      batchSize: 5,
      observer: probes,
    }).step();
    const read = probes.read();
    expect(read[2].activation?.saturated).toBeTypeOf('number');
    expect(read[5].activation?.saturated).toBeNull();
    expect(read[5].activation?.histogram.counts.length).toBe(24);
  });
});
