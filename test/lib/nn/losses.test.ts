import { describe, expect, it } from 'vitest';
import { type LossId, losses } from '../../../src/lib/nn/losses.ts';
import { normals, relativeError } from './gradcheck.ts';

function numericGradient(id: LossId, y: Float64Array, t: Float64Array, width: number) {
  const h = 1e-6;
  return Float64Array.from(y, (v, i) => {
    y[i] = v + h;
    const plus = losses[id].evaluate(y, t, width);
    y[i] = v - h;
    const minus = losses[id].evaluate(y, t, width);
    y[i] = v;
    return (plus - minus) / (2 * h);
  });
}

function targets(id: LossId, n: number, width: number): Float64Array {
  if (id === 'softmax-cross-entropy') {
    return Float64Array.from({ length: n * width }, (_, i) =>
      i % width === Math.floor(i / width) % width ? 1 : 0,
    );
  }
  if (id === 'bce-logits')
    return Float64Array.from({ length: n * width }, (_, i) =>
      i % 3 === 0 ? 1 : i % 3 === 1 ? 0 : 0.3,
    );
  return normals(n * width, 11);
}

describe('losses', () => {
  for (const id of Object.keys(losses) as LossId[]) {
    it(`losses['${id}'].evaluate(Y, T, width, dY) matches finite differences`, () => {
      const y = normals(4 * 3, 10, 2);
      const t = targets(id, 4, 3);
      const dy = new Float64Array(y.length);
      losses[id].evaluate(y, t, 3, dy);
      expect(relativeError(dy, numericGradient(id, y, t, 3))).toBeLessThan(1e-6);
    });
  }

  it("losses['half-mse'] is Playground's ½(y − t)² averaged over the batch", () => {
    const dy = new Float64Array(2);
    expect(
      losses['half-mse'].evaluate(Float64Array.of(1, 0), Float64Array.of(-1, 0.5), 1, dy),
    ).toBe((0.5 * (4 + 0.25)) / 2);
    expect(Array.from(dy)).toEqual([2 / 2, -0.5 / 2]);
  });

  it("losses['mse'] is PyTorch's MSELoss: the mean over every element", () => {
    expect(losses.mse.evaluate(Float64Array.of(1, 2, 3, 4), Float64Array.of(0, 0, 0, 0), 2)).toBe(
      30 / 4,
    );
  });

  it("losses['bce-logits'] stays finite and exact for large logits", () => {
    const loss = losses['bce-logits'];
    expect(loss.evaluate(Float64Array.of(1000), Float64Array.of(0), 1)).toBe(1000);
    expect(loss.evaluate(Float64Array.of(-1000), Float64Array.of(0), 1)).toBe(0);
    expect(loss.evaluate(Float64Array.of(0), Float64Array.of(1), 1)).toBeCloseTo(Math.LN2, 15);
    const dy = new Float64Array(2);
    loss.evaluate(Float64Array.of(-800, 800), Float64Array.of(1, 1), 1, dy);
    expect(Array.from(dy)).toEqual([-0.5, 0]);
  });

  it("losses['softmax-cross-entropy'] is log 2 for logits [1000, 1000] and has gradient p − y", () => {
    const dy = new Float64Array(2);
    const loss = losses['softmax-cross-entropy'].evaluate(
      Float64Array.of(1000, 1000),
      Float64Array.of(1, 0),
      2,
      dy,
    );
    expect(loss).toBeCloseTo(Math.LN2, 15);
    expect(Array.from(dy)).toEqual([-0.5, 0.5]);
    const far = losses['softmax-cross-entropy'].evaluate(
      Float64Array.of(0, 800),
      Float64Array.of(1, 0),
      2,
    );
    expect(far).toBe(800);
  });

  it('loss.evaluate rejects mismatched shapes', () => {
    expect(() => losses.mse.evaluate(new Float64Array(2), new Float64Array(3), 1)).toThrow(
      /length 3/,
    );
    expect(() => losses.mse.evaluate(new Float64Array(3), new Float64Array(3), 2)).toThrow(
      /width 2/,
    );
  });
});
