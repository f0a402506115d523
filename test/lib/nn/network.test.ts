import { describe, expect, it } from 'vitest';
import type { Dense } from '../../../src/lib/nn/dense.ts';
import { type LayerSpec, mlp, Network } from '../../../src/lib/nn/network.ts';
import { seeded } from '../../../src/lib/random/index.ts';

describe('Network', () => {
  it('mlp({...}) alternates dense layers and activations, with an optional output activation', () => {
    expect(
      mlp({ inputs: 2, hidden: [4], outputs: 1, activation: 'relu', output: 'sigmoid' }).layers,
    ).toEqual([
      { type: 'dense', units: 4 },
      { type: 'activation', id: 'relu' },
      { type: 'dense', units: 1 },
      { type: 'activation', id: 'sigmoid' },
    ]);
    expect(
      mlp({ inputs: 2, hidden: [], outputs: 3, activation: 'relu', output: 'identity' }).layers,
    ).toHaveLength(1);
  });

  it('new Network(config, source) names parameters as nn.Sequential does and draws them from the seed', () => {
    const config = mlp({
      inputs: 2,
      hidden: [3],
      outputs: 1,
      activation: 'tanh',
      init: 'he-uniform',
    });
    const a = new Network(config, seeded(1));
    expect(a.params().map((p) => p.name)).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
    expect([a.inputs, a.outputs]).toEqual([2, 1]);
    expect(new Network(config, seeded(1)).params()[0].value).toEqual(a.params()[0].value);
    expect(new Network(config, seeded(2)).params()[0].value).not.toEqual(a.params()[0].value);
  });

  it('a dense layer may name its own initialiser', () => {
    const network = new Network(
      {
        inputs: 2,
        init: 'zeros',
        layers: [
          { type: 'dense', units: 2, init: 'playground' },
          { type: 'dense', units: 1 },
        ],
      },
      seeded(1),
    );
    const [first, second] = network.layers as Dense[];
    expect(Array.from(first.bias)).toEqual([0.1, 0.1]);
    expect(second.weight.every((w) => w === 0)).toBe(true);
  });

  it('network.predict(X) copies the evaluation-mode output; zeroGrad() clears every gradient', () => {
    const network = new Network(
      mlp({ inputs: 1, hidden: [3], outputs: 1, activation: 'elu' }),
      seeded(3),
    );
    const y = network.predict(Float64Array.of(0.5, -0.5));
    network.forward(Float64Array.of(1, 1), true);
    expect(y[0]).not.toBe(y[1]);
    network.backward(Float64Array.of(1, 1));
    expect(network.params().some((p) => p.grad.some((g) => g !== 0))).toBe(true);
    network.zeroGrad();
    expect(network.params().every((p) => p.grad.every((g) => g === 0))).toBe(true);
  });

  it('new Network builds every layer type with the widths chained', () => {
    const layers: LayerSpec[] = [
      { type: 'dense', units: 6 },
      { type: 'batch-norm', momentum: 0.2 },
      { type: 'activation', id: 'leaky-relu', params: { alpha: 0.2 } },
      { type: 'layer-norm' },
      { type: 'alpha-dropout', p: 0.1 },
      {
        type: 'residual',
        norm: 'post',
        normType: 'batch-norm',
        branch: [{ type: 'dense', units: 6 }],
      },
      { type: 'residual', norm: 'none', branch: [{ type: 'dense', units: 6 }] },
      { type: 'vector', id: 'maxout', params: { k: 3 } },
      { type: 'vector', id: 'softmax' },
    ];
    const network = new Network({ inputs: 2, layers }, seeded(4));
    expect(network.layers.map((l) => l.outputSize)).toEqual([6, 6, 6, 6, 6, 6, 6, 2, 2]);
    const y = network.forward(new Float64Array(8).fill(0.3), true);
    expect(y[0] + y[1]).toBeCloseTo(1, 15);
    expect(network.buffers().map((b) => b.name)).toContain('5.norm.running_var');
  });

  it('new Network rejects unknown activations and layer types', () => {
    const build = (layers: LayerSpec[]) => () => new Network({ inputs: 2, layers }, seeded(1));
    expect(build([{ type: 'activation', id: 'swishy' }])).toThrow(/unknown activation/);
    expect(build([{ type: 'vector', id: 'sparsemax' }])).toThrow(/unknown vector/);
    expect(build([{ type: 'conv' } as unknown as LayerSpec])).toThrow(/unknown layer type/);
  });
});
