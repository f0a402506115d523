import { describe, expect, it } from 'vitest';
import {
  type Curve,
  circle,
  datasetNames,
  gauss,
  makeDataset,
  moons,
  oneHot,
  regGauss,
  regPlane,
  regression1d,
  shuffled,
  spiral,
  spirals,
  split,
  xor,
} from '../../../src/lib/data/index.ts';
import { seeded } from '../../../src/lib/random/index.ts';

describe('Playground data sets', () => {
  it('spiral(500, 0) follows r = 5i/(n/2), t = 1.75·2π·i/(n/2) + Δ with Δ = 0 (+1) and π (−1)', () => {
    const points = spiral(500, 0, seeded(1));
    expect(points.length).toBe(500);
    for (const i of [0, 1, 17, 249]) {
      for (const [offset, deltaT, label] of [
        [0, 0, 1],
        [250, Math.PI, -1],
      ]) {
        const r = (5 * i) / 250;
        const t = (1.75 * 2 * Math.PI * i) / 250 + deltaT;
        const p = points[offset + i];
        expect(p.x).toBeCloseTo(r * Math.sin(t), 13);
        expect(p.y).toBeCloseTo(r * Math.cos(t), 13);
        expect(p.label).toBe(label);
      }
    }
  });

  it('spiral(n, noise) moves each coordinate by at most noise', () => {
    const clean = spiral(100, 0, seeded(2));
    const noisy = spiral(100, 0.3, seeded(2));
    const moved = noisy.map((p, i) =>
      Math.max(Math.abs(p.x - clean[i].x), Math.abs(p.y - clean[i].y)),
    );
    expect(Math.max(...moved)).toBeLessThanOrEqual(0.3);
    expect(Math.max(...moved)).toBeGreaterThan(0.2);
  });

  it('circle(n, 0) puts +1 inside radius 2.5 and −1 between 3.5 and 5', () => {
    const points = circle(400, 0, seeded(3));
    for (const p of points) {
      const r = Math.hypot(p.x, p.y);
      if (p.label === 1) expect(r).toBeLessThan(2.5);
      else expect(r >= 3.5 && r < 5).toBe(true);
    }
    expect(points.filter((p) => p.label === 1).length).toBe(200);
  });

  it('circle(n, noise) flips some labels near the boundary', () => {
    const points = circle(400, 0.5, seeded(3));
    const flipped = points.filter((p) => (Math.hypot(p.x, p.y) < 2.5 ? -1 : 1) === p.label);
    expect(flipped.length).toBeGreaterThan(0);
  });

  it('xor(n, 0) labels by the sign of x·y and keeps 0.3 from the axes', () => {
    for (const p of xor(300, 0, seeded(4))) {
      expect(p.label).toBe(p.x * p.y >= 0 ? 1 : -1);
      expect(Math.min(Math.abs(p.x), Math.abs(p.y))).toBeGreaterThanOrEqual(0.3);
    }
  });

  it('gauss(n, 0) has two clouds at (2, 2) and (−2, −2) of variance 0.5', () => {
    const points = gauss(4000, 0, seeded(5));
    const positive = points.filter((p) => p.label === 1);
    const mean = positive.reduce((s, p) => s + p.x, 0) / positive.length;
    const variance = positive.reduce((s, p) => s + (p.x - mean) ** 2, 0) / positive.length;
    expect(mean).toBeCloseTo(2, 1);
    expect(variance).toBeCloseTo(0.5, 1);
    expect(points.slice(2000).every((p) => p.label === -1)).toBe(true);
  });

  it('regPlane(n, 0) has target (x + y) / 10', () => {
    for (const p of regPlane(100, 0, seeded(6))) expect(p.label).toBeCloseTo((p.x + p.y) / 10, 15);
  });

  it('regGauss(n, 0) is the bump of largest magnitude, 1 − d/2 clamped', () => {
    const points = regGauss(2000, 0, seeded(7));
    expect(points.every((p) => p.label >= -1 && p.label <= 1)).toBe(true);
    const near = points.filter((p) => Math.hypot(p.x + 4, p.y - 2.5) < 0.5);
    expect(near.length).toBeGreaterThan(0);
    for (const p of near) expect(p.label).toBeCloseTo(1 - Math.hypot(p.x + 4, p.y - 2.5) / 2, 15);
  });
});

describe('other data sets', () => {
  it('moons(n, 0) puts the outer moon on a circle of radius scale about (−0.5, −0.25)·scale', () => {
    const points = moons(100, 0, seeded(8), 1);
    const outer = points.filter((p) => p.label === -1);
    expect(outer.length).toBe(50);
    for (const p of outer) expect(Math.hypot(p.x + 0.5, p.y + 0.25)).toBeCloseTo(1, 14);
    expect(moons(101, 0.1, seeded(9)).length).toBe(101);
  });

  it('spirals(perClass, k) makes k arms with one-hot targets', () => {
    const data = spirals(50, 3, 0.2, seeded(10));
    expect([data.n, data.outputs, data.classes]).toEqual([150, 3, 3]);
    expect(Array.from(data.labels ?? []).filter((c) => c === 2).length).toBe(50);
    expect(data.y[2 * 3 * 50 + 2]).toBe(1);
    expect(() => spirals(10, 1, 0, seeded(1))).toThrow(/k must be/);
    expect(spirals(1, 2, 0, seeded(1)).x.every((v) => v === 0)).toBe(true);
  });

  it('regression1d(curve, n, 0) samples the curve on [lo, hi)', () => {
    const f: Record<Curve, (x: number) => number> = {
      sine: Math.sin,
      step: (x) => (x >= 0 ? 1 : -1),
      abs: Math.abs,
    };
    for (const curve of ['sine', 'step', 'abs'] as const) {
      const data = regression1d(curve, 50, 0, seeded(11), [-2, 2]);
      data.x.forEach((x, i) => {
        expect(x >= -2 && x < 2).toBe(true);
        expect(data.y[i]).toBe(f[curve](x));
      });
    }
    expect(regression1d('sine', 50, 0.1, seeded(11)).y).not.toEqual(
      regression1d('sine', 50, 0, seeded(11)).y,
    );
    expect(() => regression1d('cubic' as Curve, 5, 0, seeded(1))).toThrow(/unknown curve/);
  });

  it('oneHot(labels, k) rejects a label out of range', () => {
    expect(Array.from(oneHot(Int32Array.of(1, 0), 2))).toEqual([0, 1, 1, 0]);
    expect(() => oneHot(Int32Array.of(2), 2)).toThrow(/not in 0..1/);
  });
});

describe('makeDataset and split', () => {
  it('makeDataset(name, n, noise, source) makes every named set, the same for the same seed', () => {
    for (const name of datasetNames) {
      const a = makeDataset(name, 60, 0.1, seeded(12));
      const b = makeDataset(name, 60, 0.1, seeded(12));
      expect(a.x).toEqual(b.x);
      expect(a.y).toEqual(b.y);
      expect(a.n).toBe(60);
      expect(a.x.length).toBe(a.n * a.inputs);
      expect(a.y.length).toBe(a.n * a.outputs);
    }
    expect(() => makeDataset('iris', 10, 0, seeded(1))).toThrow(/unknown data set/);
  });

  it('split(data, 0.5, source) partitions a shuffled copy, keeping rows and labels together', () => {
    const data = makeDataset('xor', 100, 0, seeded(13));
    const { train, test } = split(data, 0.7, seeded(14));
    expect([train.n, test.n]).toEqual([70, 30]);
    const rows = new Set<string>();
    for (const part of [train, test]) {
      for (let i = 0; i < part.n; i++) {
        const x = part.x[2 * i];
        const y = part.x[2 * i + 1];
        expect(part.y[i]).toBe(x * y >= 0 ? 1 : -1);
        expect(part.labels?.[i]).toBe(part.y[i] > 0 ? 1 : 0);
        rows.add(`${x},${y}`);
      }
    }
    expect(rows.size).toBe(100);
    expect(() => split(data, 0, seeded(1))).toThrow(/trainFraction/);
  });

  it('shuffled(data, source) reorders the rows', () => {
    const data = makeDataset('sine', 20, 0, seeded(15));
    const s = shuffled(data, seeded(16));
    expect(Array.from(s.x).sort()).toEqual(Array.from(data.x).sort());
    expect(s.x).not.toEqual(data.x);
  });
});
