import { describe, expect, it } from 'vitest';
import { randomNormal, randomUniform, seeded } from '../../../src/lib/random/index.ts';

describe('seeded(seed)', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = seeded(42);
    const b = seeded(42);
    const c = seeded(43);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(Array.from({ length: 5 }, c)).not.toEqual(xs);
  });
  it('stays in [0, 1)', () => {
    const s = seeded(1);
    for (let i = 0; i < 10_000; i++) {
      const u = s();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
  it('rejects a seed that is not an integer', () => {
    expect(() => seeded(0.5)).toThrow(/integer/);
  });
});

describe('randomUniform(source, lo, hi)', () => {
  it('maps into [lo, hi)', () => {
    const u = randomUniform(seeded(3), -2, 5);
    for (let i = 0; i < 1000; i++) {
      const v = u();
      expect(v >= -2 && v < 5).toBe(true);
    }
  });
});

describe('randomNormal(source, mu, sigma)', () => {
  it('has the requested mean and standard deviation', () => {
    const n = randomNormal(seeded(7), 3, 2);
    const k = 200_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < k; i++) {
      const v = n();
      sum += v;
      sq += v * v;
    }
    const mean = sum / k;
    const sd = Math.sqrt(sq / k - mean * mean);
    // Standard error of the mean is 2/sqrt(2e5) ≈ 0.0045; allow 5 of them.
    expect(Math.abs(mean - 3)).toBeLessThan(0.023);
    expect(Math.abs(sd - 2)).toBeLessThan(0.02);
  });
});
