// Every claim of `properties` checked by sampling the function: range and its open or closed
// ends, zero-centred (odd), monotonic, smoothness class, saturation side and sparsity.

import { describe, expect, it } from 'vitest';
import type { Activation } from '../../../src/lib/activations/types.ts';
import { seeded } from '../../../src/lib/random/index.ts';
import { kinks, label, variants } from './variants.ts';

const inf = Number.POSITIVE_INFINITY;

/** A grid on [−50, 50] (step 0.01), a spread of magnitudes of both signs, and ±∞. */
function samples(): number[] {
  const xs: number[] = [];
  for (let i = -5000; i <= 5000; i++) xs.push(i / 100);
  const u = seeded(99);
  for (let i = 0; i < 2000; i++) xs.push((u() < 0.5 ? -1 : 1) * 10 ** (600 * u() - 300));
  xs.push(inf, -inf, 1e308, -1e308);
  return xs;
}
const xs = samples();

/** The minimum of f near the smallest grid value: golden-section search. */
function refinedMinimum(a: Activation): number {
  let best = 0;
  for (let i = 1; i < 10000; i++) if (a.f(xs[i]) < a.f(xs[best])) best = i;
  let lo = xs[Math.max(best - 1, 0)];
  let hi = xs[best + 1];
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 200; k++) {
    const m1 = hi - g * (hi - lo);
    const m2 = lo + g * (hi - lo);
    if (a.f(m1) < a.f(m2)) hi = m2;
    else lo = m1;
  }
  return Math.min(a.f(lo), a.f(hi), a.f(xs[best]));
}

/** |f′| at ±10⁴, to tell a saturating side from a non-saturating one. */
const slopeFar = (a: Activation, sign: number) => Math.abs(a.df(sign * 1e4));

function checkRange(a: Activation): void {
  const { lo, hi } = a.properties.range;
  const values = xs.map((x) => a.f(x)).filter((v) => !Number.isNaN(v));
  const slack = (v: number) => 1e-15 * Math.abs(v);
  for (const v of values) {
    expect(v).toBeGreaterThanOrEqual(lo.value - slack(lo.value));
    expect(v).toBeLessThanOrEqual(hi.value + slack(hi.value));
  }
  const moderate = xs.filter((x) => Math.abs(x) <= 10).map((x) => a.f(x));
  // Lower end.
  if (lo.value === -inf) {
    expect(lo.closed).toBe(false);
    expect(Math.min(...values)).toBe(-inf);
  } else if (lo.closed) {
    expect(Math.abs(refinedMinimum(a) - lo.value)).toBeLessThanOrEqual(4 * slack(lo.value));
  } else {
    for (const v of moderate) expect(v).toBeGreaterThan(lo.value);
    const side = a.properties.saturation === 'positive' ? 1 : -1;
    expect(Math.abs(a.f(side * 1e8) - lo.value)).toBeLessThanOrEqual(
      1e-7 * (1 + Math.abs(lo.value)),
    );
  }
  // Upper end.
  if (hi.value === inf) {
    expect(hi.closed).toBe(false);
    expect(Math.max(...values)).toBe(inf);
  } else if (hi.closed) {
    expect(Math.max(...values)).toBe(hi.value);
  } else {
    for (const v of moderate) expect(v).toBeLessThan(hi.value);
    expect(Math.abs(a.f(1e8) - hi.value)).toBeLessThanOrEqual(1e-7 * (1 + Math.abs(hi.value)));
  }
}

function checkMonotonic(a: Activation): void {
  const grid = Array.from({ length: 20001 }, (_, i) => -10 + i / 1000);
  const f = grid.map((x) => a.f(x));
  let rises = 0;
  let flats = 0;
  let falls = 0;
  for (let i = 1; i < f.length; i++) {
    if (f[i] > f[i - 1]) rises++;
    else if (f[i] === f[i - 1]) flats++;
    else falls++;
  }
  const m = a.properties.monotonic;
  if (m === 'strict') expect([flats, falls]).toEqual([0, 0]);
  if (m === 'weak') {
    expect(falls).toBe(0);
    expect(flats).toBeGreaterThan(0);
    expect(rises).toBeGreaterThan(0);
  }
  if (m === 'none') expect(falls).toBeGreaterThan(0);
}

function checkSmoothness(a: Activation): void {
  const candidates = [...new Set([...kinks(a), 0, -1, 1, -3, 3, 6])];
  const d1 = 1e-7;
  const d2 = 1e-5;
  const jump1 = (k: number) => Math.abs(a.df(k + d1) - a.df(k - d1));
  const jump2 = (k: number) =>
    Math.abs((a.df(k + 2 * d2) - a.df(k + d2)) / d2 - (a.df(k - d2) - a.df(k - 2 * d2)) / d2);
  const s = a.properties.smoothness;
  if (s === 'C0') {
    expect(kinks(a).some((k) => jump1(k) > 1e-3)).toBe(true);
  } else {
    for (const k of candidates) expect(jump1(k), `f′ jumps at ${k}`).toBeLessThan(1e-5);
    if (s === 'C1') expect(candidates.some((k) => jump2(k) > 0.1)).toBe(true);
    else for (const k of candidates) expect(jump2(k), `f″ jumps at ${k}`).toBeLessThan(1e-2);
  }
}

function checkSaturation(a: Activation): void {
  const small = (v: number) => v < 1e-6;
  const left = small(slopeFar(a, -1));
  const right = small(slopeFar(a, 1));
  const expected = {
    none: [false, false],
    negative: [true, false],
    positive: [false, true],
    both: [true, true],
  }[a.properties.saturation];
  expect([left, right]).toEqual(expected);
  // The saturated side tends to a constant.
  if (left) expect(Math.abs(a.f(-1e8) - a.f(-2e8))).toBeLessThan(1e-7);
  if (right) expect(Math.abs(a.f(1e8) - a.f(2e8))).toBeLessThan(1e-7);
}

function checkSparse(a: Activation): void {
  const far = [5, 10, 100, 1e6];
  const zeroSide = (sign: number) => far.every((t) => a.f(sign * t) === 0);
  const sparse = zeroSide(-1) || zeroSide(1);
  expect(sparse).toBe(a.properties.sparse);
  if (!a.properties.sparse) {
    for (const t of [0.5, 1, 5, 20]) {
      expect(a.f(t)).not.toBe(0);
      expect(a.f(-t)).not.toBe(0);
    }
  }
}

function checkZeroCentred(a: Activation): void {
  const odd = xs.every((x) => {
    const p = a.f(x);
    const q = a.f(-x);
    return Number.isNaN(p) || p === -q;
  });
  expect(odd).toBe(a.properties.zeroCentred);
  if (a.properties.zeroCentred) expect(a.f(0)).toBe(0);
}

describe('properties, verified by sampling', () => {
  for (const a of variants) {
    describe(label(a), () => {
      it(`${label(a)}.properties.range holds, with its ends open or closed`, () => checkRange(a));
      it(`${label(a)}.properties.monotonic is '${a.properties.monotonic}'`, () =>
        checkMonotonic(a));
      it(`${label(a)}.properties.smoothness is '${a.properties.smoothness}'`, () =>
        checkSmoothness(a));
      it(`${label(a)}.properties.saturation is '${a.properties.saturation}'`, () =>
        checkSaturation(a));
      it(`${label(a)}.properties.sparse is ${a.properties.sparse}`, () => checkSparse(a));
      it(`${label(a)}.properties.zeroCentred is ${a.properties.zeroCentred} (f odd)`, () =>
        checkZeroCentred(a));
    });
  }

  it('the checks can fail: sigmoid claimed zero-centred, strict-monotonic relu, C∞ relu', () => {
    const sigmoid = variants.find((a) => a.id === 'sigmoid') as Activation;
    const relu = variants.find((a) => a.id === 'relu') as Activation;
    const lie = (a: Activation, p: Partial<Activation['properties']>) =>
      ({ ...a, properties: { ...a.properties, ...p } }) as Activation;
    expect(() => checkZeroCentred(lie(sigmoid, { zeroCentred: true }))).toThrow();
    expect(() => checkMonotonic(lie(relu, { monotonic: 'strict' }))).toThrow();
    expect(() => checkSmoothness(lie(relu, { smoothness: 'Cinf' }))).toThrow();
    expect(() => checkSaturation(lie(sigmoid, { saturation: 'negative' }))).toThrow();
    expect(() => checkSparse(lie(sigmoid, { sparse: true }))).toThrow();
    expect(() =>
      checkRange(
        lie(sigmoid, {
          range: { lo: { value: 0, closed: true }, hi: { value: 1, closed: false } },
        }),
      ),
    ).toThrow();
  });
});
