import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  applyFeatures,
  checkFeatures,
  featureIds,
  features,
  isPlain,
  plainFeatures,
  pythonFeatures,
} from '../../../src/lib/data/index.ts';

describe('input features (Playground INPUTS)', () => {
  it("each feature is Playground's function of (x₁, x₂)", () => {
    const [a, b] = [1.5, -2];
    expect(featureIds.map((id) => features[id].f(a, b))).toEqual([
      1.5,
      -2,
      2.25,
      4,
      -3,
      Math.sin(1.5),
      Math.sin(-2),
    ]);
    expect(featureIds.map((id) => features[id].label)).toEqual([
      'x₁',
      'x₂',
      'x₁²',
      'x₂²',
      'x₁x₂',
      'sin x₁',
      'sin x₂',
    ]);
  });

  it('applyFeatures maps rows of points to rows of the chosen features, in order', () => {
    const x = Float64Array.of(1, 2, -3, 0.5);
    expect(Array.from(applyFeatures(x, ['x1', 'x2']))).toEqual([1, 2, -3, 0.5]);
    expect(Array.from(applyFeatures(x, ['x1sq', 'x1x2']))).toEqual([1, 2, 9, -1.5]);
    expect(Array.from(applyFeatures(x, ['sinx2']))).toEqual([Math.sin(2), Math.sin(0.5)]);
    expect(() => applyFeatures(Float64Array.of(1, 2, 3), ['x1'])).toThrow(/rows of 2/);
  });

  it('checkFeatures puts them in order and rejects unknown, repeated or no features', () => {
    expect(checkFeatures(['sinx1', 'x2', 'x1'])).toEqual(['x1', 'x2', 'sinx1']);
    expect(() => checkFeatures([])).toThrow('choose at least one input feature');
    expect(() => checkFeatures(['x3'])).toThrow('unknown input feature "x3"');
    expect(() => checkFeatures(['x1', 'x1'])).toThrow('input features repeat: x1, x1');
    expect(isPlain(plainFeatures)).toBe(true);
    expect(isPlain(['x1'])).toBe(false);
    expect(isPlain(['x1', 'x1sq'])).toBe(false);
  });

  it('pythonFeatures computes the same numbers in NumPy (python3 with numpy)', () => {
    const ids = [...featureIds];
    const code = `${pythonFeatures(ids, 'numpy')}\nimport numpy\nprint(features(numpy.array([[1.5, -2.0], [0.25, 3.0]])).tolist())`;
    const out = execFileSync('python3', ['-c', code], { encoding: 'utf8' });
    const rows = JSON.parse(out) as number[][];
    const expected = applyFeatures(Float64Array.of(1.5, -2, 0.25, 3), ids);
    expect(rows.flat()).toEqual(Array.from(expected));
    expect(pythonFeatures(['x1'], 'keras.ops')).toContain('keras.ops.stack([x1], axis=1)');
    expect(pythonFeatures(['x1', 'sinx2'], 'torch')).toContain('torch.stack([x1, sin(x2)], dim=1)');
  });
});
