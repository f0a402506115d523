import { describe, expect, it } from 'vitest';
import { confusionCounts, evaluateRows } from '../../../src/components/workers/grids.ts';
import { mlp, Network } from '../../../src/lib/nn/network.ts';
import { seeded } from '../../../src/lib/random/index.ts';

describe('evaluateRows', () => {
  const network = new Network(
    mlp({ inputs: 2, hidden: [3, 2], activation: 'tanh', outputs: 2, output: 'sigmoid' }),
    seeded(4),
  );
  const x = Float64Array.from({ length: 2 * 7 }, (_, i) => Math.sin(i) * 2);

  it('in pieces gives the outputs of one forward pass over all rows, and each hidden layer', () => {
    const whole = network.forward(x, false).slice();
    const hiddenWhole = [network.layers[1].y.slice(), network.layers[3].y.slice()];
    const { outputs, hidden } = evaluateRows(network, x, 3);
    expect(Array.from(outputs)).toEqual(Array.from(whole));
    // The sigmoid output layer is not a hidden layer: two hidden layers, named by index.
    expect(hidden.map((h) => [h.path, h.units])).toEqual([
      ['1', 3],
      ['3', 2],
    ]);
    expect(hidden.map((h) => Array.from(h.values))).toEqual(hiddenWhole.map((h) => Array.from(h)));
  });
});

describe('confusionCounts', () => {
  it('counts true class by predicted class', () => {
    expect(Array.from(confusionCounts([0, 1, 1, 2, 2, 2], [0, 1, 0, 2, 2, 1], 3))).toEqual([
      1, 0, 0, 1, 1, 0, 0, 1, 2,
    ]);
  });
});
