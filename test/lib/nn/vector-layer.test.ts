import { describe, expect, it } from 'vitest';
import { logSoftmax } from '../../../src/lib/activations/log-softmax.ts';
import { maxout } from '../../../src/lib/activations/maxout.ts';
import { softmax } from '../../../src/lib/activations/softmax.ts';
import { VectorLayer } from '../../../src/lib/nn/vector-layer.ts';
import { gradCheck, normals } from './gradcheck.ts';

describe('VectorLayer', () => {
  it('new VectorLayer(maxout k=3, 6).forward(X) takes the maximum of each group of 3 per row', () => {
    const layer = new VectorLayer(maxout.with({ k: 3 }), 6);
    expect(layer.outputSize).toBe(2);
    const y = layer.forward(Float64Array.of(1, 5, 2, -1, -3, -2, 0, 0, 9, 4, 4, 4), false);
    expect(Array.from(y)).toEqual([5, -1, 9, 4]);
  });

  for (const [name, f, width] of [
    ['maxout', maxout.with({ k: 2 }), 6],
    ['softmax', softmax, 4],
    ['log-softmax', logSoftmax, 4],
  ] as const) {
    it(`vectorLayer(${name}).backward(dY) matches finite differences`, () => {
      const layer = new VectorLayer(f, width);
      expect(gradCheck(layer, normals(3 * width, 21)).max).toBeLessThan(1e-6);
      expect([layer.params(), layer.buffers()]).toEqual([[], []]);
    });
  }
});
