// The kernel's tanh is computed from +, −, ×, ÷ only (src/lib/activations/tanh.ts), so that a
// tanh run is the same to the bit in Node and in the reader's browser. It promises more than
// the general 4-ulp target: at most 1 ulp, on a dense set of points where its method changes
// (tanh-reference.json, from scripts/reference/tanh.py with mpmath).

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activations } from '../../../src/lib/activations/index.ts';
import { ulps } from './ulp.ts';

const { f } = activations.tanh;
const reference: { points: [number | string, number | string][] } = JSON.parse(
  readFileSync(new URL('./tanh-reference.json', import.meta.url), 'utf8'),
);

describe('tanh from arithmetic alone', () => {
  it('is within 1 ulp of the correctly rounded value at every reference point', () => {
    const counts = [0, 0];
    const worse: string[] = [];
    for (const [x, want] of reference.points) {
      const e = ulps(f(Number(x)), Number(want));
      if (e > 1) worse.push(`tanh(${x}) = ${f(Number(x))}, want ${want}: ${e} ulps`);
      else counts[e]++;
    }
    expect(worse).toEqual([]);
    expect(reference.points.length).toBeGreaterThan(10_000);
    // Most are exact: the 1-ulp bound is not met by being loose everywhere.
    expect(counts[0] / reference.points.length).toBeGreaterThan(0.9);
  });

  it('keeps the extremes: ±0, NaN, tiny values, ±1 far out', () => {
    expect(Object.is(f(0), 0)).toBe(true);
    expect(Object.is(f(-0), -0)).toBe(true);
    expect(f(Number.NaN)).toBeNaN();
    for (const x of [5e-324, 1e-300, 2 ** -29]) {
      expect(f(x)).toBe(x);
      expect(f(-x)).toBe(-x);
    }
    for (const x of [19.1, 22, 710, 1e308, Number.POSITIVE_INFINITY]) {
      expect(f(x)).toBe(1);
      expect(f(-x)).toBe(-1);
    }
  });

  it('is odd to the bit, bounded by 1 and non-decreasing', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
        expect(Object.is(f(-a), -f(a))).toBe(true);
        expect(Math.abs(f(a))).toBeLessThanOrEqual(1);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(f(lo)).toBeLessThanOrEqual(f(hi));
      }),
      { numRuns: 20_000 },
    );
  });

  it('is non-decreasing across the seams, where the method changes, neighbour by neighbour', () => {
    for (const seam of [2 ** -28, 0.625, 22]) {
      let x = seam;
      for (let i = 0; i < 40; i++) x = nextDown(x);
      for (let i = 0; i < 80; i++) {
        const next = nextUp(x);
        expect(f(next)).toBeGreaterThanOrEqual(f(x));
        x = next;
      }
    }
  });
});

const view = new DataView(new ArrayBuffer(8));
function step(x: number, by: bigint): number {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + by);
  return view.getFloat64(0);
}
/** The next double up and down (for positive x). */
const nextUp = (x: number) => step(x, 1n);
const nextDown = (x: number) => step(x, -1n);
