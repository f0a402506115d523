import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leastSquares } from '../../src/components/figures/least-squares.ts';

/** Solves the normal equations AᵀA c = Aᵀy by Gaussian elimination: an independent oracle. */
function normalEquations(a: Float64Array, rows: number, cols: number, y: Float64Array) {
  const g = Array.from({ length: cols }, () => new Float64Array(cols + 1));
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j < cols; j++) {
      for (let r = 0; r < rows; r++) g[i][j] += a[r * cols + i] * a[r * cols + j];
    }
    for (let r = 0; r < rows; r++) g[i][cols] += a[r * cols + i] * y[r];
  }
  for (let k = 0; k < cols; k++) {
    for (let i = k + 1; i < cols; i++) {
      const f = g[i][k] / g[k][k];
      for (let j = k; j <= cols; j++) g[i][j] -= f * g[k][j];
    }
  }
  const c = new Float64Array(cols);
  for (let k = cols - 1; k >= 0; k--) {
    let s = g[k][cols];
    for (let j = k + 1; j < cols; j++) s -= g[k][j] * c[j];
    c[k] = s / g[k][k];
  }
  return c;
}

describe('leastSquares(A, rows, cols, y)', () => {
  it('recovers the exact coefficients of a quadratic sampled without noise', () => {
    const xs = [-2, -1, -0.5, 0, 0.5, 1, 2, 3];
    const a = new Float64Array(xs.flatMap((x) => [1, x, x * x]));
    const y = new Float64Array(xs.map((x) => 1 + 2 * x - 3 * x * x));
    const { coefficients, dropped } = leastSquares(a, xs.length, 3, y);
    expect(dropped).toEqual([]);
    expect(coefficients[0]).toBeCloseTo(1, 12);
    expect(coefficients[1]).toBeCloseTo(2, 12);
    expect(coefficients[2]).toBeCloseTo(-3, 12);
  });

  it('matches the textbook formula for a straight-line fit', () => {
    // y ≈ c₀ + c₁x: c₁ = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)² = 5 / 10, c₀ = ȳ − c₁x̄ = 2.6 − 1.
    const xs = [0, 1, 2, 3, 4];
    const ys = [1, 3, 2, 4, 3];
    const a = new Float64Array(xs.flatMap((x) => [1, x]));
    const { coefficients } = leastSquares(a, 5, 2, ys);
    expect(coefficients[1]).toBeCloseTo(0.5, 14);
    expect(coefficients[0]).toBeCloseTo(1.6, 14);
  });

  it('agrees with the normal equations on random well-posed problems', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        (cols, extra, seed) => {
          const rows = cols + extra;
          let s = seed;
          const rand = () => {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            return s / 2 ** 32 - 0.5;
          };
          const a = Float64Array.from({ length: rows * cols }, rand);
          for (let i = 0; i < cols; i++) a[i * cols + i] += 2; // keep it well conditioned
          const y = Float64Array.from({ length: rows }, rand);
          const got = leastSquares(a, rows, cols, y).coefficients;
          const want = normalEquations(a, rows, cols, y);
          for (let i = 0; i < cols; i++) expect(got[i]).toBeCloseTo(want[i], 9);
        },
      ),
    );
  });

  it('leaves a residual orthogonal to every column', () => {
    const rows = 40;
    const cols = 5;
    const a = Float64Array.from({ length: rows * cols }, (_, k) => Math.sin(k * k * 0.37));
    const y = Float64Array.from({ length: rows }, (_, r) => Math.cos(r));
    const c = leastSquares(a, rows, cols, y).coefficients;
    for (let j = 0; j < cols; j++) {
      let dot = 0;
      for (let r = 0; r < rows; r++) {
        let fit = 0;
        for (let k = 0; k < cols; k++) fit += a[r * cols + k] * c[k];
        dot += a[r * cols + j] * (y[r] - fit);
      }
      expect(Math.abs(dot)).toBeLessThan(1e-12);
    }
  });

  it('adds a ridge penalty: (AᵀA + λI) c = Aᵀy', () => {
    // One column of ones: c = Σy / (rows + λ).
    const { coefficients } = leastSquares([1, 1, 1], 3, 1, [1, 2, 6], { ridge: 1 });
    expect(coefficients[0]).toBeCloseTo(9 / 4, 14);
  });

  it('gives a repeated column coefficient 0 instead of failing', () => {
    const a = new Float64Array([1, 1, 0, 1, 1, 1, 1, 1, 2]); // columns 0 and 1 equal
    const { coefficients, dropped } = leastSquares(a, 3, 3, [1, 2, 3]);
    expect(dropped).toEqual([1]);
    expect(coefficients[0] + coefficients[1]).toBeCloseTo(1, 12);
    expect(coefficients[2]).toBeCloseTo(1, 12);
  });

  it('solves within the span when the columns span only a plane', () => {
    // Every column is a mix of sin(8.5r) and cos(8.5r): rank 2, so three columns drop.
    const rows = 40;
    const a = Float64Array.from({ length: rows * 5 }, (_, k) => Math.sin(k * 1.7 + (k % 5)));
    const y = Float64Array.from(
      { length: rows },
      (_, r) => 2 * Math.sin(8.5 * r) - Math.cos(8.5 * r),
    );
    const { coefficients, dropped } = leastSquares(a, rows, 5, y);
    expect(dropped).toHaveLength(3);
    for (let r = 0; r < rows; r++) {
      let fit = 0;
      for (let k = 0; k < 5; k++) fit += a[r * 5 + k] * coefficients[k];
      expect(fit).toBeCloseTo(y[r], 9);
    }
  });

  it('handles an all-zero column and more columns than rows', () => {
    expect(leastSquares([0, 1, 0, 1], 2, 2, [3, 3])).toEqual({
      coefficients: new Float64Array([0, 3]),
      dropped: [0],
    });
    const wide = leastSquares([1, 0, 0, 0, 1, 0], 2, 3, [4, 5]);
    expect(Array.from(wide.coefficients)).toEqual([4, 5, 0]);
    expect(wide.dropped).toEqual([2]);
  });

  it('rejects shapes that do not fit', () => {
    expect(() => leastSquares([1, 2], 0, 2, [])).toThrow(RangeError);
    expect(() => leastSquares([1, 2, 3], 2, 2, [1, 2])).toThrow(/3 entries, expected 4/);
    expect(() => leastSquares([1, 2], 2, 1, [1])).toThrow(/y has 1 entries/);
    expect(() => leastSquares([1, 2], 2, 1, [1, 2], { ridge: -1 })).toThrow(/ridge/);
  });
});
