// The vector functions (softmax, log-softmax, maxout) tested like a numerics library: the
// backward against the analytic Jacobian and against central differences of the forward,
// the identities they satisfy, the extremes of float64, float32 storage, and the checked
// parameters. Reference values are accuracy.test.ts's job; these tests need none.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vectorIds, vectors } from '../../../src/lib/activations/index.ts';
import type { VectorActivation } from '../../../src/lib/activations/types.ts';
import { ulps } from './ulp.ts';

const softmax = vectors.softmax;
const logSoftmax = vectors['log-softmax'];
const maxout = vectors.maxout;

const EPS = Number.EPSILON;
const LN2 = Math.LN2;
/** An absolute floor for tolerances: products of subnormals round to multiples of 5e-324. */
const TINY = 1e-300;

/** Temperatures across the parameter range [0.05, 10], its ends included. */
const temperature = fc.oneof(
  fc.constantFrom(0.05, 0.1, 0.5, 1, 2, 10),
  fc.double({ min: 0.05, max: 10, noNaN: true }),
);

/** Runs f forward on a float64 copy of xs. */
function run(f: VectorActivation, xs: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(xs);
  const out = new Float64Array(f.outputLength(x.length));
  f.forward(x, out);
  return out;
}

/** dx = backward(xs, dy) in float64, into a dx filled with NaN (every element must be written). */
function vjp(f: VectorActivation, xs: ArrayLike<number>, dy: ArrayLike<number>): Float64Array {
  const dx = new Float64Array(xs.length).fill(Number.NaN);
  f.backward(Float64Array.from(xs), Float64Array.from(dy), dx);
  return dx;
}

const maxAbs = (a: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
};

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

/** Σ a with Neumaier's compensation, so the test's own sum adds no rounding worth counting. */
function exactishSum(a: ArrayLike<number>): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < a.length; i++) {
    const s = sum + a[i];
    c += Math.abs(sum) >= Math.abs(a[i]) ? sum - s + a[i] : a[i] - s + sum;
    sum = s;
  }
  return sum + c;
}

/** Row-major n×n Jacobian J[i][j] = ∂f_i/∂x_j. */
type Matrix = number[][];

/** Jᵀ · dy: (Jᵀdy)_j = Σ_i J_ij dy_i, summed in the obvious order. */
function transposeTimes(J: Matrix, dy: ArrayLike<number>): Float64Array {
  const n = J[0]?.length ?? 0;
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < J.length; i++) s += J[i][j] * dy[i];
    out[j] = s;
  }
  return out;
}

/** The analytic softmax Jacobian (1/T)(diag(s) − s sᵀ). */
function softmaxJacobian(s: ArrayLike<number>, t: number): Matrix {
  return Array.from({ length: s.length }, (_, i) =>
    Array.from({ length: s.length }, (_, j) => ((i === j ? s[i] : 0) - s[i] * s[j]) / t),
  );
}

/** The analytic log-softmax Jacobian (1/T)(I − 1 sᵀ): ∂y_i/∂x_j = (δ_ij − s_j)/T. */
function logSoftmaxJacobian(s: ArrayLike<number>, t: number): Matrix {
  return Array.from({ length: s.length }, (_, i) =>
    Array.from({ length: s.length }, (_, j) => ((i === j ? 1 : 0) - s[j]) / t),
  );
}

/**
 * Central differences of L(x) = dy · f(x): g_j ≈ (L(x + h e_j) − L(x − h e_j)) / (x⁺ − x⁻),
 * dividing by the step actually taken (x ± h is rounded).
 */
function centralDifference(
  f: VectorActivation,
  xs: ArrayLike<number>,
  dy: ArrayLike<number>,
  h: number,
): Float64Array {
  const x = Float64Array.from(xs);
  const out = new Float64Array(f.outputLength(x.length));
  const loss = (): number => {
    f.forward(x, out);
    let s = 0;
    for (let i = 0; i < out.length; i++) s += dy[i] * out[i];
    return s;
  };
  const g = new Float64Array(x.length);
  for (let j = 0; j < x.length; j++) {
    const x0 = x[j];
    const plus = x0 + h;
    const minus = x0 - h;
    x[j] = plus;
    const lp = loss();
    x[j] = minus;
    const lm = loss();
    x[j] = x0;
    g[j] = (lp - lm) / (plus - minus);
  }
  return g;
}

/**
 * Well-conditioned logits for temperature T: x = T·z + c with z in [−4, 4], so x/T spans at
 * most 8 units whatever T is (no output underflows to a gradient too small to difference),
 * and c moves them off the origin.
 */
const conditionedCase = fc
  .record({
    z: fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 1, maxLength: 12 }),
    t: temperature,
    c: fc.double({ min: -50, max: 50, noNaN: true }),
    // dy on a grid of 1/1024 in [−1, 1]: no subnormal cotangent below what a difference resolves.
    seed: fc.array(
      fc.integer({ min: -1024, max: 1024 }).map((k) => k / 1024),
      { minLength: 12, maxLength: 12 },
    ),
  })
  .map(({ z, t, c, seed }) => ({
    xs: z.map((v) => t * v + c),
    dy: z.map((_, i) => seed[i]),
    t,
  }));

/** Any moderate logits (outputs may be tiny), with a cotangent dy. */
const generalCase = fc
  .record({
    xs: fc.array(fc.double({ min: -40, max: 40, noNaN: true }), { minLength: 1, maxLength: 16 }),
    t: temperature,
    seed: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 16, maxLength: 16 }),
  })
  .map(({ xs, t, seed }) => ({ xs, dy: xs.map((_, i) => seed[i]), t }));

describe('softmax and log-softmax: backward is the vector-Jacobian product', () => {
  it('softmax backward equals Jᵀ·dy with J = (1/T)(diag(s) − s sᵀ)', () => {
    fc.assert(
      fc.property(generalCase, ({ xs, dy, t }) => {
        const f = softmax.with({ temperature: t });
        const s = run(f, xs);
        const expected = transposeTimes(softmaxJacobian(s, t), dy);
        const dx = vjp(f, xs, dy);
        // Both sums are of n terms bounded by |dy|·s/T: a few n·ε of that scale (plus an
        // absolute TINY where the products are subnormal and round absolutely).
        expect(maxAbsDiff(dx, expected)).toBeLessThanOrEqual(
          (8 * xs.length * EPS * maxAbs(dy)) / t + TINY,
        );
      }),
    );
  });

  it('log-softmax backward equals Jᵀ·dy with J = (1/T)(I − 1 sᵀ)', () => {
    fc.assert(
      fc.property(generalCase, ({ xs, dy, t }) => {
        const f = logSoftmax.with({ temperature: t });
        const s = run(softmax.with({ temperature: t }), xs);
        const expected = transposeTimes(logSoftmaxJacobian(s, t), dy);
        const dx = vjp(f, xs, dy);
        expect(maxAbsDiff(dx, expected)).toBeLessThanOrEqual(
          (8 * xs.length * EPS * maxAbs(dy)) / t + TINY,
        );
      }),
    );
  });

  it('backward with dy = e_i returns row i of the Jacobian (softmax: symmetric; log-softmax)', () => {
    const xs = [0.3, -1.2, 2.5, 0.3, -7];
    for (const t of [0.05, 0.7, 1, 3, 10]) {
      const s = run(softmax.with({ temperature: t }), xs);
      const Js = softmaxJacobian(s, t);
      const Jl = logSoftmaxJacobian(s, t);
      for (let i = 0; i < xs.length; i++) {
        const e = xs.map((_, j) => (j === i ? 1 : 0));
        const rowS = vjp(softmax.with({ temperature: t }), xs, e);
        const rowL = vjp(logSoftmax.with({ temperature: t }), xs, e);
        for (let j = 0; j < xs.length; j++) {
          // Jᵀ e_i is column i of J, which is row i for the symmetric softmax Jacobian.
          expect(Math.abs(rowS[j] - Js[j][i])).toBeLessThanOrEqual((4 * EPS) / t);
          expect(Math.abs(rowL[j] - Jl[i][j])).toBeLessThanOrEqual((4 * EPS) / t);
        }
      }
    }
  });

  for (const f of [softmax, logSoftmax]) {
    it(`${f.id} backward matches central differences of forward (relative error < 1e-6)`, () => {
      fc.assert(
        fc.property(conditionedCase, ({ xs, dy, t }) => {
          const g = f.with({ temperature: t });
          const dx = vjp(g, xs, dy);
          const scale = maxAbs(dx);
          // A gradient that nearly cancels (dy ≈ constant for softmax, Σdy·s ≈ dy for
          // log-softmax) has no relative accuracy to test; such draws are skipped.
          fc.pre(scale > 0 && scale >= (1e-2 * maxAbs(dy)) / t);
          const fd = centralDifference(g, xs, dy, 1e-5 * t);
          expect(maxAbsDiff(dx, fd) / scale).toBeLessThan(1e-6);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('is linear in dy and writes dx without reading it', () => {
    const xs = [1, -2, 0.5, 3];
    const dy1 = [0.2, -1, 0.7, 0.1];
    const dy2 = [-0.4, 0.3, 0.9, -2];
    for (const f of [softmax.with({ temperature: 0.5 }), logSoftmax.with({ temperature: 2 })]) {
      const a = vjp(f, xs, dy1);
      const b = vjp(f, xs, dy2);
      const sum = vjp(
        f,
        xs,
        dy1.map((v, i) => 2 * v + dy2[i]),
      );
      for (let i = 0; i < xs.length; i++) expect(sum[i]).toBeCloseTo(2 * a[i] + b[i], 14);
      const dx = new Float64Array(xs.length).fill(Number.NaN);
      f.backward(Float64Array.from(xs), Float64Array.from(dy1), dx);
      expect(Array.from(dx)).toEqual(Array.from(a));
    }
  });

  it('softmax backward of a constant dy is 0 (the outputs always sum to 1)', () => {
    fc.assert(
      fc.property(generalCase, fc.double({ min: -5, max: 5, noNaN: true }), ({ xs, t }, c) => {
        const dx = vjp(
          softmax.with({ temperature: t }),
          xs,
          xs.map(() => c),
        );
        expect(maxAbs(dx)).toBeLessThanOrEqual((4 * xs.length * EPS * Math.abs(c)) / t + TINY);
      }),
    );
  });
});

describe('softmax and log-softmax: identities', () => {
  it('softmax outputs lie in [0, 1] and sum to 1 within a few ulps', () => {
    fc.assert(
      fc.property(generalCase, ({ xs, t }) => {
        const s = run(softmax.with({ temperature: t }), xs);
        for (const v of s) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        expect(Math.abs(exactishSum(s) - 1)).toBeLessThanOrEqual(4 * EPS);
      }),
    );
  });

  it('the largest logit gets the largest probability, and the order of logits is kept', () => {
    fc.assert(
      fc.property(generalCase, ({ xs, t }) => {
        const s = run(softmax.with({ temperature: t }), xs);
        for (let i = 0; i < xs.length; i++) {
          for (let j = 0; j < xs.length; j++)
            if (xs[i] < xs[j]) expect(s[i]).toBeLessThanOrEqual(s[j]);
        }
      }),
    );
  });

  it('adding a constant to every logit changes nothing (exact shifts: within 2 ulps)', () => {
    // Logits on a grid of 2^-10 and shifts up to 2^40 on the same grid: x + c is exact, so
    // any difference is the function's, not the shift's rounding.
    const grid = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((k) => k / 1024);
    fc.assert(
      fc.property(
        fc.array(grid(-40 * 1024, 40 * 1024), { minLength: 1, maxLength: 12 }),
        grid(-(2 ** 50), 2 ** 50),
        temperature,
        (xs, c, t) => {
          const shifted = xs.map((v) => v + c);
          for (const f of [softmax.with({ temperature: t }), logSoftmax.with({ temperature: t })]) {
            const a = run(f, xs);
            const b = run(f, shifted);
            for (let i = 0; i < xs.length; i++) expect(ulps(a[i], b[i])).toBeLessThanOrEqual(2);
          }
        },
      ),
    );
  });

  it('a shift of 1e6 or 1e300 still gives no NaN and sums to 1', () => {
    for (const c of [1e6, -1e6, 1e300, -1e300]) {
      const s = run(softmax, [c, c, c, c]);
      expect(Array.from(s)).toEqual([0.25, 0.25, 0.25, 0.25]);
      const l = run(logSoftmax, [c, c, c]);
      for (const v of l) expect(ulps(v, -Math.log(3))).toBeLessThanOrEqual(1);
    }
  });

  it('log-softmax equals log(softmax) where softmax does not underflow', () => {
    fc.assert(
      fc.property(generalCase, ({ xs, t }) => {
        const s = run(softmax.with({ temperature: t }), xs);
        const l = run(logSoftmax.with({ temperature: t }), xs);
        for (let i = 0; i < xs.length; i++) {
          if (s[i] < 1e-300) continue;
          // Both carry the rounding of (x − m)/T amplified by its size: a few ε·max(1, |l|).
          expect(Math.abs(l[i] - Math.log(s[i]))).toBeLessThanOrEqual(
            8 * EPS * Math.max(1, Math.abs(l[i])),
          );
        }
      }),
    );
  });

  it('log-sum-exp of log-softmax is 0, and every output is ≤ 0', () => {
    fc.assert(
      fc.property(generalCase, ({ xs, t }) => {
        const l = run(logSoftmax.with({ temperature: t }), xs);
        for (const v of l) expect(v).toBeLessThanOrEqual(0);
        const m = Math.max(...l);
        const lse = m + Math.log(exactishSum(Array.from(l, (v) => Math.exp(v - m))));
        expect(Math.abs(lse)).toBeLessThanOrEqual(8 * EPS * Math.max(1, Math.log(xs.length)));
      }),
    );
  });

  it('temperature T divides the logits: f_T(x) = f_1(x/T) (T a power of 2, exact)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(0.0625, 0.125, 0.25, 0.5, 2, 4, 8),
        (xs, t) => {
          for (const id of ['softmax', 'log-softmax'] as const) {
            const a = run(vectors[id].with({ temperature: t }), xs);
            const b = run(
              vectors[id],
              xs.map((v) => v / t),
            );
            for (let i = 0; i < xs.length; i++) expect(ulps(a[i], b[i])).toBeLessThanOrEqual(2);
          }
        },
      ),
    );
  });

  it('as T → 0 softmax approaches one-hot at the arg-max: 1 − s_k ≤ (n − 1)e^(−gap/T)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -20, max: 20 }), { minLength: 2, maxLength: 10 }),
        (ints) => {
          const xs = ints.map((v) => v / 4);
          const k = xs.indexOf(Math.max(...xs));
          const gap = xs[k] - Math.max(...xs.filter((_, i) => i !== k));
          let previous = 0;
          for (const t of [10, 2, 1, 0.5, 0.2, 0.1, 0.05]) {
            const s = run(softmax.with({ temperature: t }), xs);
            expect(s.indexOf(Math.max(...s))).toBe(k);
            // s_k = 1/(1 + Σ_{j≠k} e^((x_j − x_k)/T)) ≥ 1/(1 + (n − 1)e^(−gap/T)).
            const bound = (xs.length - 1) * Math.exp(-gap / t);
            expect(1 - s[k]).toBeLessThanOrEqual(bound * (1 + 1e-12) + 2 * EPS);
            expect(s[k]).toBeGreaterThanOrEqual(previous);
            previous = s[k];
          }
          // At T = 0.05 and a gap of at least 1/4, the others share less than (n − 1)e^(−5).
          const s = run(softmax.with({ temperature: 0.05 }), xs);
          expect(s[k]).toBeGreaterThan(1 - (xs.length - 1) * Math.exp(-5) - EPS);
        },
      ),
    );
  });

  it('large T flattens softmax toward uniform', () => {
    const xs = [3, -1, 0.5, 2];
    const s = run(softmax.with({ temperature: 10 }), xs);
    const t1 = run(softmax, xs);
    expect(Math.max(...s) - Math.min(...s)).toBeLessThan(Math.max(...t1) - Math.min(...t1));
    expect(Math.max(...s)).toBeLessThan(0.35);
    expect(Math.min(...s)).toBeGreaterThan(0.17);
  });
});

describe('softmax and log-softmax: extremes', () => {
  it('[1000, 1000] gives [½, ½] and [−ln 2, −ln 2]', () => {
    expect(Array.from(run(softmax, [1000, 1000]))).toEqual([0.5, 0.5]);
    for (const v of run(logSoftmax, [1000, 1000])) expect(ulps(v, -LN2)).toBeLessThanOrEqual(1);
    expect(Array.from(run(softmax, [-1000, -1000]))).toEqual([0.5, 0.5]);
  });

  it('|x| > 710 (where e^x overflows or underflows) gives finite values, no NaN', () => {
    const cases = [
      [800, -800],
      [710, 711, 709],
      [-750, -800, -745],
      [1e5, 1e5 - 1],
      [-1e5, -1e5 - 1],
    ];
    for (const xs of cases) {
      for (const t of [0.05, 1, 10]) {
        const s = run(softmax.with({ temperature: t }), xs);
        const l = run(logSoftmax.with({ temperature: t }), xs);
        for (const v of s) expect(Number.isFinite(v)).toBe(true);
        for (const v of l) expect(Number.isFinite(v)).toBe(true);
        expect(Math.abs(exactishSum(s) - 1)).toBeLessThanOrEqual(4 * EPS);
      }
    }
    // [1e5, 1e5 − 1]: exactly the values of [1, 0].
    const s = run(softmax, [1e5, 1e5 - 1]);
    expect(ulps(s[0], 1 / (1 + Math.exp(-1)))).toBeLessThanOrEqual(2);
    const l = run(logSoftmax, [-1e5, -1e5 - 1]);
    expect(ulps(l[1], -1 - Math.log1p(Math.exp(-1)))).toBeLessThanOrEqual(2);
    // [800, −800]: log-softmax keeps the −1600 softmax cannot represent.
    expect(Array.from(run(logSoftmax, [800, -800]))).toEqual([0, -1600]);
  });

  it('[1e308, −1e308]: x − m overflows, the answer does not', () => {
    expect(Array.from(run(softmax, [1e308, -1e308]))).toEqual([1, 0]);
    expect(Array.from(run(softmax, [-1e308, 1e308]))).toEqual([0, 1]);
    expect(Array.from(run(logSoftmax, [1e308, -1e308]))).toEqual([0, -Infinity]);
    // At T = 10 the true second output, −2e307, is finite.
    const l = run(logSoftmax.with({ temperature: 10 }), [1e308, -1e308]);
    expect(l[0]).toBe(0);
    expect(ulps(l[1], -2e307)).toBeLessThanOrEqual(1);
    const s = run(softmax.with({ temperature: 10 }), [1e308, -1e308]);
    expect(Array.from(s)).toEqual([1, 0]);
  });

  it('huge logits of one sign at small T: (x − m)/T overflows to −∞, never NaN', () => {
    // (1e308 − 1.7e308)/0.05 = −1.4e309: the true log-softmax is below −MAX_VALUE.
    for (const xs of [
      [1.7e308, 1e308],
      [-1e307, -1.7e308],
      [1e308, 1.7e308, -1e308],
    ]) {
      const t = 0.05;
      const s = run(softmax.with({ temperature: t }), xs);
      const l = run(logSoftmax.with({ temperature: t }), xs);
      const k = xs.indexOf(Math.max(...xs));
      for (let i = 0; i < xs.length; i++) {
        expect(s[i]).toBe(i === k ? 1 : 0);
        expect(l[i]).toBe(i === k ? 0 : -Infinity);
      }
    }
  });

  it('a single +∞ entry gives one-hot (log-softmax: 0 there, −∞ elsewhere)', () => {
    for (const xs of [
      [Infinity, 0, -1],
      [3, 1e308, Infinity],
      [-Infinity, Infinity, -Infinity],
      [Infinity],
    ]) {
      const k = xs.indexOf(Infinity);
      for (const t of [0.05, 1, 10]) {
        const s = run(softmax.with({ temperature: t }), xs);
        const l = run(logSoftmax.with({ temperature: t }), xs);
        expect(Array.from(s)).toEqual(xs.map((_, i) => (i === k ? 1 : 0)));
        expect(Array.from(l)).toEqual(xs.map((_, i) => (i === k ? 0 : -Infinity)));
      }
    }
  });

  it('−∞ entries get probability 0 (log-softmax −∞) beside finite ones', () => {
    const s = run(softmax, [-Infinity, 0, 0, -Infinity]);
    expect(Array.from(s)).toEqual([0, 0.5, 0.5, 0]);
    const l = run(logSoftmax, [-Infinity, 0, 0, -Infinity]);
    expect(l[0]).toBe(-Infinity);
    expect(ulps(l[1], -LN2)).toBeLessThanOrEqual(1);
    expect(l[3]).toBe(-Infinity);
  });

  it('NaN in gives NaN out, in every position, forward and backward', () => {
    for (const xs of [
      [Number.NaN, 1, 2],
      [1, Number.NaN, 2],
      [Infinity, 0, Number.NaN],
      [Number.NaN],
    ]) {
      for (const f of [softmax, logSoftmax]) {
        for (const v of run(f, xs)) expect(v).toBeNaN();
        for (const v of vjp(
          f,
          xs,
          xs.map(() => 1),
        ))
          expect(v).toBeNaN();
      }
    }
  });

  it('all entries −∞, or two +∞, give NaN (the limit is undefined; documented)', () => {
    for (const xs of [[-Infinity, -Infinity], [-Infinity], [Infinity, 0, Infinity]]) {
      for (const f of [softmax, logSoftmax]) for (const v of run(f, xs)) expect(v).toBeNaN();
    }
    expect(softmax.notes).toMatch(/−∞/);
    expect(logSoftmax.notes).toMatch(/−∞/);
  });

  it('−0 and 0 are the same logit', () => {
    expect(Array.from(run(softmax, [-0, 0]))).toEqual([0.5, 0.5]);
    expect(Array.from(run(softmax, [0, -0, 0, -0]))).toEqual([0.25, 0.25, 0.25, 0.25]);
    const l = run(logSoftmax, [-0, 0]);
    expect(ulps(l[0], -LN2)).toBe(0);
    expect(ulps(l[1], -LN2)).toBe(0);
    expect(run(softmax, [-0])[0]).toBe(1);
    expect(run(logSoftmax, [-0])[0]).toBe(0); // +0, as log(1) is
  });

  it('a length-1 input gives [1] (log-softmax [+0]) and a zero gradient', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }).filter((v) => v !== -Infinity),
        temperature,
        (x, t) => {
          expect(run(softmax.with({ temperature: t }), [x])[0]).toBe(1);
          expect(run(logSoftmax.with({ temperature: t }), [x])[0]).toBe(0);
          expect(vjp(softmax.with({ temperature: t }), [x], [3])[0]).toBe(0);
          expect(vjp(logSoftmax.with({ temperature: t }), [x], [3])[0]).toBe(0);
        },
      ),
    );
  });

  it('an empty input gives an empty output', () => {
    for (const f of [softmax, logSoftmax, maxout]) {
      expect(f.outputLength(0)).toBe(0);
      expect(run(f, []).length).toBe(0);
    }
  });
});

describe('storage: float32, views, aliasing', () => {
  const f32 = fc.array(fc.float({ min: -100, max: 100, noNaN: true }), {
    minLength: 2,
    maxLength: 12,
  });

  it('a Float32Array forward equals Math.fround of the float64 result', () => {
    fc.assert(
      fc.property(f32, temperature, (values, t) => {
        const cut = values.length - (values.length % 2);
        const cases: [VectorActivation, number[]][] = [
          [softmax.with({ temperature: t }), values],
          [logSoftmax.with({ temperature: t }), values],
          [maxout, values.slice(0, cut)],
        ];
        for (const [f, v] of cases) {
          const x32 = Float32Array.from(v);
          const out32 = new Float32Array(f.outputLength(v.length));
          f.forward(x32, out32);
          const ref = run(f, x32);
          expect(Array.from(out32)).toEqual(Array.from(ref, Math.fround));
          // A float64 input into a float32 output rounds once too.
          const mixed = new Float32Array(out32.length);
          f.forward(Float64Array.from(x32), mixed);
          expect(Array.from(mixed)).toEqual(Array.from(out32));
        }
      }),
    );
  });

  it('a Float32Array backward equals Math.fround of the float64 backward', () => {
    fc.assert(
      fc.property(f32, f32, temperature, (xs, dys, t) => {
        const n = Math.min(xs.length, dys.length);
        for (const f of [softmax.with({ temperature: t }), logSoftmax.with({ temperature: t })]) {
          const x32 = Float32Array.from(xs.slice(0, n));
          const dy32 = Float32Array.from(dys.slice(0, n));
          const dx32 = new Float32Array(n);
          f.backward(x32, dy32, dx32);
          expect(Array.from(dx32)).toEqual(Array.from(vjp(f, x32, dy32), Math.fround));
        }
      }),
    );
  });

  it('forward and backward work on subarray views and touch nothing outside them', () => {
    const buffer = new Float64Array([9, 9, 1, 2, 3, 4, 9, 9]);
    const xs = buffer.subarray(2, 6);
    for (const f of [softmax, logSoftmax, maxout]) {
      const big = new Float64Array(10).fill(-5);
      const out = big.subarray(3, 3 + f.outputLength(4));
      f.forward(xs, out);
      expect(Array.from(out)).toEqual(Array.from(run(f, [1, 2, 3, 4])));
      expect(big[2]).toBe(-5);
      expect(big[3 + out.length]).toBe(-5);
      const dy = new Float64Array([7, 0.5, -1, 2, 0.25, 7]).subarray(1, 1 + out.length);
      const dxBig = new Float64Array(8).fill(-5);
      const dx = dxBig.subarray(2, 6);
      f.backward(xs, dy, dx);
      expect(Array.from(dx)).toEqual(Array.from(vjp(f, [1, 2, 3, 4], Array.from(dy))));
      expect([dxBig[1], dxBig[6]]).toEqual([-5, -5]);
    }
    expect(Array.from(buffer)).toEqual([9, 9, 1, 2, 3, 4, 9, 9]);
  });

  // types.ts does not promise aliasing; the code reads every x it needs before it writes, so
  // forward(xs, xs) works today. This pins that (the engine may rely on it for memory).
  it('forward in place (out === xs) gives the same values, float64 and float32', () => {
    const values = [0.5, -3, 2, 2, 10, -0];
    for (const f of [softmax.with({ temperature: 0.3 }), logSoftmax.with({ temperature: 3 })]) {
      const expected = run(f, values);
      const x64 = Float64Array.from(values);
      f.forward(x64, x64);
      expect(Array.from(x64)).toEqual(Array.from(expected));
      const x32 = Float32Array.from(values);
      const expected32 = new Float32Array(values.length);
      f.forward(Float32Array.from(values), expected32);
      f.forward(x32, x32);
      expect(Array.from(x32)).toEqual(Array.from(expected32));
    }
    const m = maxout.with({ k: 3 });
    const x = Float64Array.from(values);
    m.forward(x, x.subarray(0, 2));
    expect(Array.from(x.subarray(0, 2))).toEqual([2, 10]);
  });

  it('mismatched lengths throw a RangeError that names the array', () => {
    const xs = new Float64Array(4);
    for (const f of [softmax, logSoftmax]) {
      expect(() => f.forward(xs, new Float64Array(3))).toThrow(RangeError);
      expect(() => f.forward(xs, new Float64Array(5))).toThrow(/out has length 5, expected 4/);
      expect(() => f.backward(xs, new Float64Array(3), new Float64Array(4))).toThrow(/dy/);
      expect(() => f.backward(xs, new Float64Array(4), new Float64Array(3))).toThrow(/dx/);
    }
    expect(() => maxout.forward(xs, new Float64Array(4))).toThrow(/out has length 4, expected 2/);
    expect(() => maxout.backward(xs, new Float64Array(4), new Float64Array(4))).toThrow(/dy/);
    expect(() => maxout.backward(xs, new Float64Array(2), new Float64Array(2))).toThrow(/dx/);
  });
});

describe('maxout', () => {
  const kArb = fc.integer({ min: 2, max: 8 });

  /** k pieces per unit and m units, with values distinct within each group. */
  const groups = kArb.chain((k) =>
    fc
      .array(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: k, maxLength: k }),
        { minLength: 1, maxLength: 6 },
      )
      .map((gs) => ({ k, xs: gs.flat().map((v) => v / 8), m: gs.length })),
  );

  it('outputLength(n) = n/k for every multiple of k', () => {
    for (let k = 2; k <= 8; k++) {
      const f = maxout.with({ k });
      for (let m = 0; m <= 10; m++) expect(f.outputLength(m * k)).toBe(m);
    }
  });

  it('a length not divisible by k throws a RangeError that names the length and k', () => {
    for (let k = 2; k <= 8; k++) {
      const f = maxout.with({ k });
      for (const n of [1, k + 1, 3 * k - 1]) {
        expect(() => f.outputLength(n)).toThrow(RangeError);
        expect(() => f.outputLength(n)).toThrow(
          `maxout: the input length ${n} is not a multiple of k = ${k}`,
        );
        expect(() => f.forward(new Float64Array(n), new Float64Array(1))).toThrow(RangeError);
        expect(() =>
          f.backward(new Float64Array(n), new Float64Array(1), new Float64Array(n)),
        ).toThrow(/not a multiple of k/);
      }
    }
  });

  it('forward is the maximum of each consecutive group of k', () => {
    fc.assert(
      fc.property(groups, ({ k, xs, m }) => {
        const out = run(maxout.with({ k }), xs);
        expect(out.length).toBe(m);
        for (let i = 0; i < m; i++) expect(out[i]).toBe(Math.max(...xs.slice(i * k, i * k + k)));
      }),
    );
  });

  it('backward routes each dy_i to the arg-max of group i, zero elsewhere', () => {
    fc.assert(
      fc.property(
        groups,
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 6, maxLength: 6 }),
        ({ k, xs, m }, seed) => {
          const dy = seed.slice(0, m);
          const dx = vjp(maxout.with({ k }), xs, dy);
          for (let i = 0; i < m; i++) {
            const group = xs.slice(i * k, i * k + k);
            const a = i * k + group.indexOf(Math.max(...group));
            for (let j = i * k; j < i * k + k; j++) expect(dx[j]).toBe(j === a ? dy[i] : 0);
          }
        },
      ),
    );
  });

  it('backward matches central differences of forward (relative error < 1e-6)', () => {
    fc.assert(
      fc.property(
        groups,
        fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: 6, maxLength: 6 }),
        ({ k, xs, m }, seed) => {
          // Values differ by at least 1/8 within a group, so a step of 1e-4 crosses no kink.
          const dy = seed.slice(0, m).map((v, i) => (i % 2 ? -v : v));
          const f = maxout.with({ k });
          const dx = vjp(f, xs, dy);
          const fd = centralDifference(f, xs, dy, 1e-4);
          expect(maxAbsDiff(dx, fd) / maxAbs(dx)).toBeLessThan(1e-6);
        },
      ),
    );
  });

  it('ties go to the first piece (value and gradient), as PyTorch max does', () => {
    const f = maxout.with({ k: 3 });
    expect(Array.from(vjp(f, [1, 5, 5, 2, 2, 2], [10, 20]))).toEqual([0, 10, 0, 20, 0, 0]);
    // −0 and 0 tie: the first is returned, sign included.
    const m = maxout;
    expect(Object.is(run(m, [-0, 0])[0], -0)).toBe(true);
    expect(Object.is(run(m, [0, -0])[0], 0)).toBe(true);
    expect(Array.from(vjp(m, [-0, 0], [1]))).toEqual([1, 0]);
  });

  it('NaN wins its group only (value NaN, gradient to the first NaN); ±∞ are ordinary', () => {
    const f = maxout.with({ k: 2 });
    const xs = [1, Number.NaN, Number.NaN, Number.NaN, 3, 4, -Infinity, Infinity, -Infinity, -1];
    const out = run(f, xs);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBeNaN();
    expect(Array.from(out.slice(2))).toEqual([4, Infinity, -1]);
    const dx = vjp(f, xs, [1, 2, 3, 4, 5]);
    expect(Array.from(dx)).toEqual([0, 1, 2, 0, 0, 3, 0, 4, 0, 5]);
    expect(Array.from(run(f, [-Infinity, -Infinity]))).toEqual([-Infinity]);
  });

  it('extreme and tiny magnitudes come through unchanged', () => {
    const xs = [1e308, -1e308, 5e-324, -5e-324, -Number.MAX_VALUE, -1e308];
    expect(Array.from(run(maxout, xs))).toEqual([1e308, 5e-324, -1e308]);
  });
});

describe('parameters: with()', () => {
  it('temperature out of [0.05, 10] or not a number throws a RangeError naming the range', () => {
    for (const f of [softmax, logSoftmax]) {
      for (const t of [0, 0.04, -1, 10.01, 1e9, Number.NaN, Infinity, -Infinity]) {
        expect(() => f.with({ temperature: t })).toThrow(RangeError);
        expect(() => f.with({ temperature: t })).toThrow(
          `${f.id}: temperature must be a number in [0.05, 10], got ${t}`,
        );
      }
      expect(() => f.with({ temperature: '2' as unknown as number })).toThrow(RangeError);
      expect(f.with({ temperature: 0.05 }).values.temperature).toBe(0.05);
      expect(f.with({ temperature: 10 }).values.temperature).toBe(10);
    }
  });

  it('an unknown parameter throws a RangeError listing the real ones', () => {
    expect(() => softmax.with({ tau: 2 })).toThrow(
      'softmax has no parameter "tau" (its parameters: temperature)',
    );
    expect(() => logSoftmax.with({ k: 2 })).toThrow(RangeError);
    expect(() => maxout.with({ temperature: 2 })).toThrow(
      'maxout has no parameter "temperature" (its parameters: k)',
    );
  });

  it('maxout k must be an integer in [2, 8]', () => {
    const k = maxout.params.find((p) => p.name === 'k');
    expect(k).toMatchObject({ default: 2, min: 2, max: 8, step: 1 });
    for (const bad of [2.5, 7.999, 3.0000001]) {
      expect(() => maxout.with({ k: bad })).toThrow(RangeError);
      expect(() => maxout.with({ k: bad })).toThrow(`maxout: k must be an integer, got ${bad}`);
    }
    for (const bad of [1, 0, -2, 9, Number.NaN, Infinity]) {
      expect(() => maxout.with({ k: bad })).toThrow(
        `maxout: k must be a number in [2, 8], got ${bad}`,
      );
    }
    for (let v = 2; v <= 8; v++)
      expect(maxout.with({ k: v }).outputLength(8 * 7 * 5 * 3)).toBe((8 * 7 * 5 * 3) / v);
  });

  it('with() returns a new entry and leaves the original (and its defaults) alone', () => {
    const hot = softmax.with({ temperature: 0.5 });
    expect(hot).not.toBe(softmax);
    expect(softmax.values).toEqual({ temperature: 1 });
    expect(hot.values).toEqual({ temperature: 0.5 });
    expect(hot.with({}).values).toEqual({ temperature: 0.5 });
    expect(hot.with({ temperature: 2 }).values).toEqual({ temperature: 2 });
    const xs = [0, 1];
    expect(run(hot, xs)[1]).not.toBe(run(softmax, xs)[1]);
    expect(maxout.with({ k: 4 }).values).toEqual({ k: 4 });
    expect(maxout.values).toEqual({ k: 2 });
    expect(hot.id).toBe('softmax');
    expect(hot.kind).toBe('vector');
  });
});

describe('metadata', () => {
  it('the three entries carry their ids, kind, family and non-empty tex', () => {
    expect(vectorIds).toEqual(['softmax', 'log-softmax', 'maxout']);
    expect([softmax.id, logSoftmax.id, maxout.id]).toEqual(['softmax', 'log-softmax', 'maxout']);
    for (const id of vectorIds) {
      const f = vectors[id];
      expect(f.kind).toBe('vector');
      expect(f.family).toBe('vector');
      expect(f.name.trim()).not.toBe('');
      expect(f.tex.f.trim()).not.toBe('');
      expect(f.tex.df.trim()).not.toBe('');
      expect(f.year).toBeGreaterThan(1980);
      expect(f.citation?.year).toBe(f.year);
      for (const p of f.params) {
        expect(p.tex.trim()).not.toBe('');
        expect(p.min).toBeLessThanOrEqual(p.default);
        expect(p.default).toBeLessThanOrEqual(p.max);
        expect(f.values[p.name]).toBe(p.default);
      }
    }
  });

  it('softmax and log-softmax take a temperature T (default 1), shown in their tex', () => {
    for (const f of [softmax, logSoftmax]) {
      expect(f.params.map((p) => p.name)).toEqual(['temperature']);
      expect(f.params[0]).toMatchObject({ tex: 'T', default: 1, min: 0.05, max: 10 });
      expect(f.tex.f).toMatch(/\/T|\{T\}/);
      expect(f.tex.df).toContain('\\frac{1}{T}');
    }
    expect(maxout.tex.f).toContain('\\max');
  });
});
