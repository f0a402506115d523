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

  it("a dense layer's bias sets every starting bias and leaves the weights as drawn", () => {
    const plain = new Network(
      mlp({ inputs: 2, hidden: [4, 3], outputs: 1, activation: 'relu', init: 'he-normal' }),
      seeded(7),
    );
    const config = mlp({
      inputs: 2,
      hidden: [4, 3],
      outputs: 1,
      activation: 'relu',
      init: 'he-normal',
      hiddenBias: -1,
    });
    expect(config.layers[0]).toEqual({ type: 'dense', units: 4, bias: -1 });
    expect(config.layers[4]).toEqual({ type: 'dense', units: 1 });
    const shifted = new Network(config, seeded(7));
    const [d0, , d1, , out] = shifted.layers as Dense[];
    expect(Array.from(d0.bias)).toEqual([-1, -1, -1, -1]);
    expect(Array.from(d1.bias)).toEqual([-1, -1, -1]);
    expect(Array.from(out.bias)).toEqual([0]);
    expect(d0.startingBias).toBe(-1);
    expect(out.startingBias).toBeUndefined();
    // The same draws: only the biases differ.
    const p = plain.params();
    shifted.params().forEach((q, i) => {
      if (q.name.endsWith('weight')) expect(q.value).toEqual(p[i].value);
    });
    // It overrides Playground's 0.1 too, and a residual branch's dense layers take it.
    const nested = new Network(
      {
        inputs: 2,
        init: 'playground',
        layers: [
          { type: 'dense', units: 2, bias: 0.5 },
          { type: 'residual', norm: 'none', branch: [{ type: 'dense', units: 2, bias: -2 }] },
        ],
      },
      seeded(1),
    );
    expect(nested.params().map((q) => Array.from(q.value))).toContainEqual([0.5, 0.5]);
    expect(nested.params().find((q) => q.name === '1.branch.0.bias')?.value).toEqual(
      new Float64Array([-2, -2]),
    );
  });

  it('new Network rejects a starting bias that is not a finite number', () => {
    const build = (bias: unknown) => () =>
      new Network(
        { inputs: 2, layers: [{ type: 'dense', units: 3, bias } as LayerSpec] },
        seeded(1),
      );
    expect(build(Number.NaN)).toThrow(
      'dense layer of 3 units: bias must be a finite number, got NaN',
    );
    expect(build(Number.POSITIVE_INFINITY)).toThrow(/got Infinity/);
    expect(build('-1')).toThrow(/got the string "-1"/);
    expect(build(null)).toThrow(/got null/);
    expect(build([1])).toThrow(/got object/);
    expect(build(0)).not.toThrow();
  });

  it('new Network rejects unknown activations and layer types', () => {
    const build = (layers: LayerSpec[]) => () => new Network({ inputs: 2, layers }, seeded(1));
    expect(build([{ type: 'activation', id: 'swishy' }])).toThrow(/unknown activation/);
    expect(build([{ type: 'vector', id: 'sparsemax' }])).toThrow(/unknown vector/);
    expect(build([{ type: 'conv' } as unknown as LayerSpec])).toThrow(/unknown layer type/);
  });
});
