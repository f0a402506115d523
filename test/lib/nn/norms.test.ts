import { describe, expect, it } from 'vitest';
import { BatchNorm } from '../../../src/lib/nn/batch-norm.ts';
import { LayerNorm } from '../../../src/lib/nn/layer-norm.ts';
import { gradCheck, normals } from './gradcheck.ts';

function withAffine<T extends BatchNorm | LayerNorm>(layer: T, seed: number): T {
  layer.gamma.set(normals(layer.gamma.length, seed, 0.5).map((g) => 1 + g));
  layer.beta.set(normals(layer.beta.length, seed + 1));
  return layer;
}

describe('BatchNorm', () => {
  it('batchNorm.forward(X, true) standardises each feature over the batch', () => {
    const layer = new BatchNorm(2);
    const y = layer.forward(Float64Array.of(1, 10, 3, 20, 5, 60), true);
    // Feature 0: mean 3, biased variance 8/3.
    const s = 1 / Math.sqrt(8 / 3 + 1e-5);
    expect(y[0]).toBeCloseTo(-2 * s, 14);
    expect(y[2]).toBeCloseTo(0, 14);
    expect(y[4]).toBeCloseTo(2 * s, 14);
  });

  it('batchNorm.forward(X, true) updates running statistics with momentum 0.1 and the unbiased variance', () => {
    const layer = new BatchNorm(1);
    layer.forward(Float64Array.of(1, 3, 5), true);
    expect(layer.runningMean[0]).toBeCloseTo(0.9 * 0 + 0.1 * 3, 15);
    // Unbiased variance of 1, 3, 5 is 4.
    expect(layer.runningVar[0]).toBeCloseTo(0.9 * 1 + 0.1 * 4, 15);
    expect(layer.buffers().map((b) => b.name)).toEqual([
      'running_mean',
      'running_var',
      'num_batches_tracked',
    ]);
    expect(layer.batchesTracked[0]).toBe(1);
  });

  it('batchNorm.forward(X, false) uses the running statistics and leaves them alone', () => {
    const layer = new BatchNorm(1);
    layer.runningMean[0] = 2;
    layer.runningVar[0] = 4;
    const y = layer.forward(Float64Array.of(4, 0), false);
    expect(y[0]).toBeCloseTo(2 / Math.sqrt(4 + 1e-5), 15);
    expect(layer.runningMean[0]).toBe(2);
  });

  it('batchNorm.backward(dY) matches finite differences in training mode', () => {
    const layer = withAffine(new BatchNorm(3), 2);
    expect(gradCheck(layer, normals(6 * 3, 3, 2), { training: true }).max).toBeLessThan(1e-6);
  });

  it('batchNorm.backward(dY) matches finite differences in evaluation mode', () => {
    const layer = withAffine(new BatchNorm(3), 4);
    layer.runningMean.set([0.5, -1, 2]);
    layer.runningVar.set([2, 0.5, 3]);
    expect(gradCheck(layer, normals(4 * 3, 5), { training: false }).max).toBeLessThan(1e-6);
  });

  it('batchNorm.forward(X, true) refuses a batch of one, as PyTorch does', () => {
    expect(() => new BatchNorm(2).forward(Float64Array.of(1, 2), true)).toThrow(/more than one/);
  });
});

describe('LayerNorm', () => {
  it('layerNorm.forward(X) standardises each sample over its features', () => {
    const y = new LayerNorm(3).forward(Float64Array.of(1, 2, 3, -5, 0, 5), false);
    const s = 1 / Math.sqrt(2 / 3 + 1e-5);
    expect(Array.from(y.subarray(0, 3))).toEqual([-s, 0, s]);
    expect(y[3]).toBeCloseTo(-5 / Math.sqrt(50 / 3 + 1e-5), 14);
  });

  it('layerNorm.backward(dY) matches finite differences', () => {
    const layer = withAffine(new LayerNorm(4), 6);
    expect(gradCheck(layer, normals(3 * 4, 7, 3)).max).toBeLessThan(1e-6);
    expect(layer.buffers()).toEqual([]);
  });
});
