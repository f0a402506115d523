import { describe, expect, it } from 'vitest';
import { activations } from '../../../src/lib/activations/index.ts';
import { randomMlp } from '../../../src/lib/nn/random-mlp.ts';

describe('randomMlp({depth, width, seed})', () => {
  it('draws the same weights for the same seed and others for another', () => {
    const a = randomMlp({ depth: 2, width: 4, seed: 9 });
    const b = randomMlp({ depth: 2, width: 4, seed: 9 });
    const c = randomMlp({ depth: 2, width: 4, seed: 10 });
    expect(a.hidden[1].w).toEqual(b.hidden[1].w);
    expect(a.hidden[1].w).not.toEqual(c.hidden[1].w);
  });

  it('has the requested shapes', () => {
    const net = randomMlp({ depth: 3, width: 5, seed: 1 });
    expect(net.hidden.map((l) => [l.fanIn, l.fanOut])).toEqual([
      [1, 5],
      [5, 5],
      [5, 5],
    ]);
    expect([net.readout.fanIn, net.readout.fanOut]).toEqual([5, 1]);
  });

  it('computes readout(f(W x + b)) for one layer', () => {
    const net = randomMlp({ depth: 1, width: 3, seed: 4 });
    const x = 0.7;
    const { w, b } = net.hidden[0];
    const relu = activations.relu;
    let want = net.readout.b[0];
    for (let j = 0; j < 3; j++) want += net.readout.w[j] * relu.f(w[j] * x + b[j]);
    const got = net.evaluate(Float64Array.of(x), relu)[0];
    expect(got).toBeCloseTo(want, 14);
  });

  it('rejects a depth or width below 1', () => {
    expect(() => randomMlp({ depth: 0, width: 3, seed: 1 })).toThrow(/depth/);
    expect(() => randomMlp({ depth: 1, width: 0, seed: 1 })).toThrow(/width/);
  });
});
