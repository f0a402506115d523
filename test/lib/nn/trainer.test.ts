import { describe, expect, it } from 'vitest';
import { activations } from '../../../src/lib/activations/index.ts';
import { spiral } from '../../../src/lib/data/playground.ts';
import type { ParamRef } from '../../../src/lib/nn/layer.ts';
import { mlp, Network, type NetworkConfig } from '../../../src/lib/nn/network.ts';
import type { Optimiser } from '../../../src/lib/nn/optimisers.ts';
import { Trainer } from '../../../src/lib/nn/trainer.ts';
import { seeded } from '../../../src/lib/random/index.ts';

function spiralData(n: number) {
  const points = spiral(n, 0, seeded(3));
  return {
    n,
    x: Float64Array.from(points.flatMap((p) => [p.x, p.y])),
    y: Float64Array.from(points, (p) => p.label),
  };
}

/**
 * 2-8-8-1 tanh trained on the spiral by a loop written neuron by neuron, as Playground's
 * nn.ts does: the same draws for the same initial weights, the same order of every sum.
 */
function referenceRun(
  seed: number,
  data: ReturnType<typeof spiralData>,
  batch: number,
  steps: number,
): number[] {
  const tanh = activations.tanh.f;
  const sizes = [2, 8, 8, 1];
  const source = seeded(seed);
  const W: number[][][] = [];
  const B: number[][] = [];
  for (let l = 1; l < sizes.length; l++) {
    W.push(
      Array.from({ length: sizes[l] }, () =>
        Array.from({ length: sizes[l - 1] }, () => source() - 0.5),
      ),
    );
    B.push(new Array(sizes[l]).fill(0.1));
  }
  const losses: number[] = [];
  let cursor = 0;
  for (let s = 0; s < steps; s++) {
    const count = Math.min(batch, data.n - cursor);
    const dW = W.map((layer) => layer.map((row) => row.map(() => 0)));
    const dB = B.map((layer) => layer.map(() => 0));
    let sum = 0;
    const outputs: number[][][] = [];
    for (let r = 0; r < count; r++) {
      const i = cursor + r;
      let a = [data.x[2 * i], data.x[2 * i + 1]];
      const acts = [a];
      for (let l = 0; l < W.length; l++) {
        a = W[l].map((row, o) => {
          let z = B[l][o];
          for (let k = 0; k < row.length; k++) z += row[k] * a[k];
          return tanh(z);
        });
        acts.push(a);
      }
      outputs.push(acts);
      const e = a[0] - data.y[i];
      sum += e * e;
    }
    for (let r = 0; r < count; r++) {
      const acts = outputs[r];
      let dy = [(acts[3][0] - data.y[cursor + r]) / count];
      for (let l = W.length - 1; l >= 0; l--) {
        const dz = dy.map((g, o) => g * (1 - acts[l + 1][o] * acts[l + 1][o]));
        const prev = acts[l];
        const dPrev = prev.map(() => 0);
        dz.forEach((g, o) => {
          dB[l][o] += g;
          for (let k = 0; k < prev.length; k++) {
            dW[l][o][k] += g * prev[k];
            dPrev[k] += g * W[l][o][k];
          }
        });
        dy = dPrev;
      }
    }
    W.forEach((layer, l) => {
      layer.forEach((row, o) => {
        row.forEach((_, k) => {
          row[k] -= 0.03 * dW[l][o][k];
        });
        B[l][o] -= 0.03 * dB[l][o];
      });
    });
    losses.push((0.5 * sum) / count);
    cursor = (cursor + count) % data.n;
  }
  return losses;
}

const spiralNet: NetworkConfig = mlp({
  inputs: 2,
  hidden: [8, 8],
  outputs: 1,
  activation: 'tanh',
  output: 'tanh',
  init: 'playground',
});

describe('Trainer', () => {
  it('trainer.step() on 2-8-8-1 tanh reproduces a neuron-by-neuron reference loop bitwise', () => {
    const data = spiralData(100);
    const trainer = new Trainer({
      network: new Network(spiralNet, seeded(42)),
      data,
      loss: 'half-mse',
      optimiser: { type: 'sgd', learningRate: 0.03 },
      batchSize: 10,
    });
    const ours = Array.from({ length: 60 }, () => trainer.step());
    expect(ours).toEqual(referenceRun(42, data, 10, 60));
    expect(trainer.epochs).toBe(6);
  });

  it('trainer.epoch() ends with a partial batch when the batch size does not divide n', () => {
    const data = spiralData(100);
    const trainer = new Trainer({
      network: new Network(spiralNet, seeded(42)),
      data,
      loss: 'half-mse',
      optimiser: { type: 'sgd', learningRate: 0.03 },
      batchSize: 30,
    });
    trainer.epoch();
    expect([trainer.steps, trainer.epochs]).toEqual([4, 1]);
    const losses = Array.from({ length: 8 }, () => trainer.step());
    expect([trainer.steps, trainer.epochs]).toEqual([12, 3]);
    expect(referenceRun(42, data, 30, 12).slice(4)).toEqual(losses);
  });

  it('a 2-2-1 tanh network solves XOR', () => {
    const network = new Network(
      mlp({
        inputs: 2,
        hidden: [2],
        outputs: 1,
        activation: 'tanh',
        output: 'tanh',
        init: 'glorot-uniform',
      }),
      seeded(1),
    );
    const data = {
      n: 4,
      x: Float64Array.of(-1, -1, -1, 1, 1, -1, 1, 1),
      y: Float64Array.of(1, -1, -1, 1),
    };
    const trainer = new Trainer({
      network,
      data,
      loss: 'half-mse',
      optimiser: { type: 'sgd', learningRate: 0.2, momentum: 0.9 },
      batchSize: 4,
    });
    for (let e = 0; e < 2000 && trainer.evaluate() > 1e-3; e++) trainer.epoch();
    expect(trainer.evaluate()).toBeLessThan(1e-3);
    expect(Array.from(network.predict(data.x), Math.sign)).toEqual([1, -1, -1, 1]);
  });

  it('trainer.step() reports divergence with the step and stops', () => {
    const trainer = new Trainer({
      network: new Network(
        mlp({ inputs: 2, hidden: [8], outputs: 1, activation: 'relu' }),
        seeded(2),
      ),
      data: spiralData(50),
      loss: 'mse',
      optimiser: { type: 'sgd', learningRate: 1e6 },
      batchSize: 10,
    });
    let steps = 0;
    while (!trainer.diverged && steps < 100) {
      trainer.step();
      steps++;
    }
    expect(trainer.diverged?.step).toBe(steps);
    expect(['loss', 'weights']).toContain(trainer.diverged?.reason);
    expect(Number.isNaN(trainer.step())).toBe(true);
    expect(trainer.steps).toBe(steps);
    expect(Number.isNaN(trainer.epoch())).toBe(true);
  });

  it('trainer.step() reports non-finite weights after an update with the parameter name', () => {
    const network = new Network(
      mlp({ inputs: 2, hidden: [], outputs: 1, activation: 'relu' }),
      seeded(2),
    );
    const trainer = new Trainer({
      network,
      data: spiralData(10),
      loss: 'half-mse',
      optimiser: { type: 'sgd', learningRate: Number.POSITIVE_INFINITY },
      batchSize: 10,
    });
    trainer.step();
    expect(trainer.diverged).toEqual({ step: 1, reason: 'weights', detail: '0.weight' });
  });

  it('trainer.step() checks the weights itself after an optimiser that reports nothing', () => {
    const network = new Network(
      mlp({ inputs: 2, hidden: [3], outputs: 1, activation: 'tanh' }),
      seeded(2),
    );
    let calls = 0;
    const custom = {
      type: 'sgd' as const,
      learningRate: 0,
      step(params: readonly ParamRef[]) {
        calls++;
        if (calls === 2) params[2].value[0] = Number.NaN;
      },
      reset() {},
    } as unknown as Optimiser;
    const trainer = new Trainer({
      network,
      data: spiralData(20),
      loss: 'half-mse',
      optimiser: custom,
      batchSize: 10,
    });
    trainer.step();
    expect(trainer.diverged).toBeNull();
    trainer.step();
    expect(trainer.diverged).toEqual({ step: 2, reason: 'weights', detail: '2.weight' });
  });

  it('the same seed and config give bitwise the same run, shuffling, dropout and RReLU included', () => {
    const config: NetworkConfig = {
      inputs: 2,
      layers: [
        { type: 'dense', units: 6 },
        { type: 'activation', id: 'rrelu' },
        { type: 'dropout', p: 0.2 },
        { type: 'dense', units: 6 },
        { type: 'batch-norm' },
        { type: 'activation', id: 'tanh' },
        { type: 'dense', units: 1 },
      ],
    };
    const run = (seed: number) => {
      const source = seeded(seed);
      const network = new Network(config, source);
      const trainer = new Trainer({
        network,
        data: spiralData(60),
        loss: 'half-mse',
        optimiser: { type: 'adam', learningRate: 0.01 },
        batchSize: 8,
        shuffle: true,
        source,
      });
      const losses = Array.from({ length: 40 }, () => trainer.step());
      return { losses, params: network.params().map((p) => Array.from(p.value)) };
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7).losses).not.toEqual(run(8).losses);
  });

  it('trainer.evaluate(data) is the mean loss in evaluation mode, without updating', () => {
    const network = new Network(spiralNet, seeded(5));
    const data = spiralData(40);
    const trainer = new Trainer({
      network,
      data,
      loss: 'half-mse',
      optimiser: { type: 'sgd', learningRate: 0.1 },
      batchSize: 7,
    });
    const before = network.params().map((p) => p.value.slice());
    const y = network.predict(data.x);
    const want = y.reduce((s, v, i) => s + 0.5 * (v - data.y[i]) ** 2, 0) / 40;
    expect(trainer.evaluate()).toBeCloseTo(want, 14);
    expect(network.params().map((p) => p.value)).toEqual(before);
  });

  it('new Trainer rejects a bad batch size, mismatched data, an unknown loss, or shuffling without a source', () => {
    const network = new Network(spiralNet, seeded(5));
    const data = spiralData(10);
    const base = {
      network,
      data,
      loss: 'half-mse' as const,
      optimiser: { type: 'sgd' as const, learningRate: 0.1 },
      batchSize: 5,
    };
    expect(() => new Trainer({ ...base, batchSize: 0 })).toThrow(/batch size/);
    expect(() => new Trainer({ ...base, data: { ...data, x: new Float64Array(3) } })).toThrow(
      /x has length/,
    );
    expect(() => new Trainer({ ...base, data: { ...data, y: new Float64Array(3) } })).toThrow(
      /y has length/,
    );
    expect(() => new Trainer({ ...base, loss: 'hinge' as 'mse' })).toThrow(/unknown loss/);
    expect(() => new Trainer({ ...base, shuffle: true })).toThrow(/source/);
  });
});
