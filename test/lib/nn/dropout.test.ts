import { describe, expect, it } from 'vitest';
import { Dropout, SELU_SATURATION } from '../../../src/lib/nn/dropout.ts';
import { randomNormal, type Source, seeded } from '../../../src/lib/random/index.ts';
import { gradCheck, normals } from './gradcheck.ts';

/** A source that can be rewound, so that every forward draws the same mask. */
function replay(seed: number) {
  let s = seeded(seed);
  const source: Source = () => s();
  return { source, rewind: () => (s = seeded(seed)) };
}

describe('Dropout', () => {
  it('dropout.forward(X, false) is the identity', () => {
    const x = normals(8, 1);
    const layer = new Dropout('dropout', 4, 0.5, seeded(1));
    expect(layer.forward(x, false)).toEqual(x);
    expect(layer.backward(x)).toEqual(x);
  });

  it('dropout.forward(X, true) zeroes about p of the elements and scales the rest by 1/(1 − p)', () => {
    const layer = new Dropout('dropout', 100, 0.3, seeded(2));
    const y = layer.forward(new Float64Array(10000).fill(1), true);
    const zeros = y.filter((v) => v === 0).length;
    expect(zeros / y.length).toBeCloseTo(0.3, 1);
    expect(y.filter((v) => v !== 0).every((v) => Math.abs(v - 1 / 0.7) < 1e-15)).toBe(true);
  });

  it('dropout.backward(dY) matches finite differences with the mask held fixed', () => {
    const { source, rewind } = replay(3);
    const layer = new Dropout('dropout', 5, 0.4, source);
    expect(gradCheck(layer, normals(20, 4), { before: rewind }).max).toBeLessThan(1e-6);
  });

  it('dropout with p = 1 outputs zeros, as PyTorch does', () => {
    const y = new Dropout('dropout', 2, 1, seeded(1)).forward(Float64Array.of(3, 4), true);
    expect(Array.from(y)).toEqual([0, 0]);
  });

  it('new Dropout(…, p) rejects p outside [0, 1]', () => {
    expect(() => new Dropout('dropout', 2, 1.5, seeded(1))).toThrow(/\[0, 1\]/);
  });
});

describe('AlphaDropout', () => {
  it('alphaDropout.forward(X, true) gives PyTorch’s values for p = 0.5 (kept 1, kept −1, dropped)', () => {
    // a = 1/sqrt((λα)²p + 1)(1 − p)), b = a·p·λα; kept x → a·x + b, dropped → −a·λα + b.
    // PaddlePaddle's documented example for x = ±1, p = 0.5 (float32): 1.66559887, −0.10721093,
    // −0.77919382, which agree with float64 to six decimals.
    const layer = new Dropout('alpha-dropout', 2, 0.5, seeded(5));
    const y = layer.forward(
      Float64Array.from({ length: 400 }, (_, i) => (i % 2 ? -1 : 1)),
      true,
    );
    const values = [...new Set(Array.from(y, (v) => v.toFixed(6)))].sort();
    expect(values).toEqual(['-0.107211', '-0.779194', '1.665599']);
  });

  it('alphaDropout keeps zero mean and unit variance for standard normal input', () => {
    const layer = new Dropout('alpha-dropout', 100, 0.2, seeded(6));
    const draw = randomNormal(seeded(7));
    const y = layer.forward(Float64Array.from({ length: 200000 }, draw), true);
    const mean = y.reduce((s, v) => s + v, 0) / y.length;
    const variance = y.reduce((s, v) => s + (v - mean) ** 2, 0) / y.length;
    expect(mean).toBeCloseTo(0, 2);
    expect(variance).toBeCloseTo(1, 1);
    expect(SELU_SATURATION).toBeCloseTo(1.7580993408473766, 15);
  });

  it('alphaDropout.backward(dY) matches finite differences with the mask held fixed', () => {
    const { source, rewind } = replay(8);
    const layer = new Dropout('alpha-dropout', 4, 0.3, source);
    expect(gradCheck(layer, normals(12, 9), { before: rewind }).max).toBeLessThan(1e-6);
  });
});
