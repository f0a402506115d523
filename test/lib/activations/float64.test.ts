import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as fp from '../../../src/lib/activations/float64.ts';
import { add, mul, productIsExact, rational, round, sumIsExact } from './exact.ts';
import { ulps } from './ulp.ts';

const moderate = fc.double({ min: -1e150, max: 1e150, noNaN: true, noDefaultInfinity: true });

describe('error-free transformations', () => {
  it('productError(a, b, fl(a·b)) is the exact rounding error of the product', () => {
    fc.assert(
      fc.property(moderate, moderate, (a, b) => {
        const p = a * b;
        fc.pre(Number.isFinite(p) && (a === 0 || b === 0 || Math.abs(p) > 1e-290));
        expect(productIsExact(a, b, p, fp.productError(a, b, p))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('squareError(a, fl(a²)) is the exact rounding error of the square', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e150, max: 1e150, noNaN: true }), (a) => {
        const p = a * a;
        fc.pre(a === 0 || p > 1e-290);
        expect(productIsExact(a, a, p, fp.squareError(a, p))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('sumError(a, b, fl(a + b)) is the exact rounding error of the sum, in either order', () => {
    fc.assert(
      fc.property(moderate, moderate, (a, b) => {
        const s = a + b;
        expect(sumIsExact(a, b, s, fp.sumError(a, b, s))).toBe(true);
        expect(sumIsExact(b, a, s, fp.sumError(b, a, s))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('productError(0.1, 3, 0.30000000000000004) is −2.7755575615628914e−17, not 0', () => {
    expect(fp.productError(0.1, 3, 0.1 * 3)).toBe(-2.7755575615628914e-17);
  });
});

describe('logistic(u)', () => {
  it('logistic(−745) is 5e−324 and logistic(−750) is 0, not NaN (e^750 overflows)', () => {
    expect(fp.logistic(-745)).toBe(5e-324);
    expect(fp.logistic(-750)).toBe(0);
    expect(fp.logistic(1000)).toBe(1);
    expect(fp.logistic(Number.POSITIVE_INFINITY)).toBe(1);
    expect(fp.logistic(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(fp.logistic(Number.NaN)).toBeNaN();
  });

  it('logistic(u) is correctly rounded to within 2 ulps of exact values', () => {
    // σ(0.5) and σ(−40) from mpmath (scripts/reference/activations.py).
    expect(ulps(fp.logistic(0.5), 0.6224593312018546)).toBeLessThanOrEqual(2);
    expect(ulps(fp.logistic(-40), 4.248354255291589e-18)).toBeLessThanOrEqual(2);
  });

  it('logisticSlope(±40) is 4.248354255291589e−18, where σ(1 − σ) gives 0 at +40', () => {
    expect(ulps(fp.logisticSlope(40), 4.248354255291589e-18)).toBeLessThanOrEqual(2);
    expect(ulps(fp.logisticSlope(-40), 4.248354255291589e-18)).toBeLessThanOrEqual(2);
    const s = 1 / (1 + Math.exp(-40));
    expect(s * (1 - s)).toBe(0);
  });
});

describe('overOnePlusSquared(a, e)', () => {
  it('overOnePlusSquared(a, e) is a/(1 + e)² within 2 ulps, checked exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1, noNaN: true }), (e) => {
        const got = fp.overOnePlusSquared(e, e);
        const q = add({ n: 1n, d: 1n }, rational(e));
        const want = round({ n: rational(e).n * q.d * q.d, d: rational(e).d * q.n * q.n });
        expect(ulps(got, want)).toBeLessThanOrEqual(2);
      }),
      { numRuns: 500 },
    );
  });
});

describe('timesTinyExp(a, v)', () => {
  it('timesTinyExp(−745, −745) rounds −745·e^−745 once to the subnormal grid', () => {
    // −745·e^−745 = −2.105e−321 (426 subnormal units, mpmath); −745·Math.exp(−745) first
    // rounds e^−745 to 5e−324 and gives −3.68e−321.
    expect(ulps(fp.timesTinyExp(-745, -745), -2.105e-321)).toBeLessThanOrEqual(1);
    expect(ulps(-745 * Math.exp(-745), -2.105e-321)).toBeGreaterThan(100);
  });

  it('timesTinyExp(a, v) is a zero of a’s sign once e^{v/2} underflows, even for infinite a', () => {
    expect(Object.is(fp.timesTinyExp(Number.NEGATIVE_INFINITY, -3000), -0)).toBe(true);
    expect(Object.is(fp.timesTinyExp(5, -3000), 0)).toBe(true);
  });
});

describe('nanOr(x, v)', () => {
  it('nanOr(x, v) is v for every number x, ±∞ included, and NaN for NaN', () => {
    for (const x of [0, -0, 1, -1e308, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(fp.nanOr(x, 0.25)).toBe(0.25);
    }
    expect(fp.nanOr(Number.NaN, 0.25)).toBeNaN();
  });
});

describe('finite(x)', () => {
  it('finite(±∞) is ±MAX and finite(NaN) is NaN; finiteBelow and finiteAbove clamp one side', () => {
    expect(fp.finite(Number.POSITIVE_INFINITY)).toBe(Number.MAX_VALUE);
    expect(fp.finite(Number.NEGATIVE_INFINITY)).toBe(-Number.MAX_VALUE);
    expect(fp.finite(Number.NaN)).toBeNaN();
    expect(Object.is(fp.finite(-0), -0)).toBe(true);
    expect(fp.finiteBelow(Number.NEGATIVE_INFINITY)).toBe(-Number.MAX_VALUE);
    expect(fp.finiteBelow(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(fp.finiteAbove(Number.POSITIVE_INFINITY)).toBe(Number.MAX_VALUE);
    expect(fp.finiteAbove(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('nearRoot(d, c1, c2, c3) and inRootWindow(d)', () => {
  it('nearRoot(d, …) is the cubic d(c1 + d(c2 + d·c3)), used only for |d| < 1e−6', () => {
    expect(fp.nearRoot(1e-7, 2, 3, 4)).toBe(1e-7 * (2 + 1e-7 * (3 + 1e-7 * 4)));
    expect(fp.inRootWindow(9.9e-7)).toBe(true);
    expect(fp.inRootWindow(-1e-6)).toBe(false);
    expect(fp.inRootWindow(Number.NaN)).toBe(false);
  });
});

describe('exact.ts (the oracle of these tests)', () => {
  it('round(rational(x)) is x, and round(1/3) is the double nearest 1/3', () => {
    for (const x of [1, -2.5, 0.1, 5e-324, 1e-310, 1.7976931348623157e308, -3e-300]) {
      expect(round(rational(x))).toBe(x);
    }
    expect(round({ n: 1n, d: 3n })).toBe(1 / 3);
    expect(round(mul(rational(0.1), rational(3)))).toBe(0.30000000000000004);
  });
});
