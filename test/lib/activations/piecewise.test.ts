// The piecewise-linear entries are exact: every value is the correctly rounded true value,
// checked against exact rational arithmetic (exact.ts), and the derivatives at the kinks
// follow PyTorch.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activations } from '../../../src/lib/activations/index.ts';
import { add, mul, rational, round } from './exact.ts';
import { ulps } from './ulp.ts';

const inf = Number.POSITIVE_INFINITY;

/** Doubles next to x: x itself and n neighbours on each side. */
function around(x: number, n: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  const step = (v: number, up: boolean) => {
    if (v === 0) return up ? 5e-324 : -5e-324;
    view.setFloat64(0, v);
    const bits = view.getBigInt64(0);
    view.setBigInt64(0, v > 0 === up ? bits + 1n : bits - 1n);
    return view.getFloat64(0);
  };
  const out = [x];
  let lo = x;
  let hi = x;
  for (let i = 0; i < n; i++) {
    lo = step(lo, false);
    hi = step(hi, true);
    out.push(lo, hi);
  }
  return out;
}

/** The exact (x + 3)/6 clamped to [0, 1], correctly rounded. */
function hardSigmoidExact(x: number): number {
  if (x <= -3) return 0;
  if (x >= 3) return 1;
  return round(mul(add(rational(x), rational(3)), { n: 1n, d: 6n }));
}

const awkward = fc.oneof(
  fc.double({ min: -3.5, max: 3.5, noNaN: true }),
  fc.double({ min: -1e-10, max: 1e-10, noNaN: true }),
  fc
    .tuple(
      fc.integer({ min: -3 * 2 ** 20, max: 3 * 2 ** 20 }),
      fc.double({ min: -1, max: 1, noNaN: true }),
    )
    .map(([k, t]) => k / 2 ** 20 + t * 2 ** -40),
);

describe('hard-sigmoid', () => {
  const hs = activations['hard-sigmoid'];

  it('hardSigmoid.f(x) is the correctly rounded (x + 3)/6 (checked with rationals)', () => {
    fc.assert(
      fc.property(awkward, (x) => {
        expect(hs.f(x)).toBe(hardSigmoidExact(x));
      }),
      { numRuns: 20000 },
    );
  });

  it('hardSigmoid.f is exact next to −3, −1.5, 0, 1.5 and 3', () => {
    for (const k of [-3, -1.5, -0.75, 0, 0.75, 1.5, 3]) {
      for (const x of around(k, 300)) expect(hs.f(x)).toBe(hardSigmoidExact(x));
    }
  });

  it('hardSigmoid.f(−0.8·2^−52) is 0.5 − 2^−54, where (x + 3)/6 rounds twice to 0.5', () => {
    const x = -0.8 * 2 ** -52;
    expect(hs.f(x)).toBe(0.5 - 2 ** -54);
    expect((x + 3) / 6).toBe(0.5);
    // The rational check can fail: it rejects both naive formulas (each is off by one ulp
    // for about an eighth and a quarter of random inputs in (−3, 3)).
    expect((1.533631933170199 + 3) / 6).not.toBe(hardSigmoidExact(1.533631933170199));
    expect(-2.2107732711410026 / 6 + 0.5).not.toBe(hardSigmoidExact(-2.2107732711410026));
    expect(hs.f(1.533631933170199)).toBe(hardSigmoidExact(1.533631933170199));
    expect(hs.f(-2.2107732711410026)).toBe(hardSigmoidExact(-2.2107732711410026));
  });

  it('hardSigmoid.df(±3) is 0 and hardSigmoid.df(0) is 1/6 (PyTorch)', () => {
    expect(hs.df(-3)).toBe(0);
    expect(hs.df(3)).toBe(0);
    expect(hs.df(2.999)).toBe(1 / 6);
    expect(hs.df(-inf)).toBe(0);
    expect(hs.f(-inf)).toBe(0);
    expect(hs.f(inf)).toBe(1);
  });
});

describe('hard-swish', () => {
  const hs = activations['hard-swish'];

  it('hardSwish.f(x) is x·hardsigmoid(x) within one rounding of the exact x(x + 3)/6', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), (x) => {
        const exact = round(mul(mul(rational(x), add(rational(x), rational(3))), { n: 1n, d: 6n }));
        expect(ulps(hs.f(x), exact)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 5000 },
    );
  });

  it('hardSwish.df follows PyTorch: −1/2 at −3, 3/2 at 3, 0 below −3, 1 above 3', () => {
    expect(hs.df(-3)).toBe(-0.5);
    expect(hs.df(3)).toBe(1.5);
    expect(hs.df(-3.000001)).toBe(0);
    expect(hs.df(3.000001)).toBe(1);
    expect(hs.df(-1.5)).toBe(0);
    expect(hs.df(-inf)).toBe(0);
    expect(hs.df(inf)).toBe(1);
    expect(hs.f(3)).toBe(3);
    expect(hs.f(-3) === 0).toBe(true);
  });

  it('hardSwish.df(x) is (x + 3/2)/3 correctly rounded around its root −3/2', () => {
    for (const x of around(-1.5, 200)) {
      const exact = round(mul(add(rational(x), { n: 3n, d: 2n }), { n: 1n, d: 3n }));
      expect(hs.df(x)).toBe(exact);
    }
  });
});

describe('rectifiers', () => {
  it('relu.f(−0) is +0 and relu.df(0) is 0 (PyTorch: relu′(0) = 0)', () => {
    const relu = activations.relu;
    expect(Object.is(relu.f(-0), 0)).toBe(true);
    expect(Object.is(relu.f(-3), 0)).toBe(true);
    expect(relu.f(2.5)).toBe(2.5);
    expect(relu.df(0)).toBe(0);
    expect(relu.df(5e-324)).toBe(1);
    expect(relu.f(inf)).toBe(inf);
  });

  it('leakyRelu.f(x) is the correctly rounded α·x, and leakyRelu.df(0) is α', () => {
    const leaky = activations['leaky-relu'];
    fc.assert(
      fc.property(fc.double({ min: -1e300, max: 0, noNaN: true }), (x) => {
        expect(leaky.f(x) === round(mul(rational(0.01), rational(x)))).toBe(true);
      }),
    );
    expect(leaky.df(0)).toBe(0.01);
    expect(leaky.df(-0)).toBe(0.01);
    expect(Object.is(leaky.f(-0), -0)).toBe(true);
    expect(leaky.f(-inf)).toBe(-inf);
  });

  it('prelu.with({ alpha: −0.5 }).f(−2) is 1: a negative slope folds the left half up', () => {
    const p = activations.prelu.with({ alpha: -0.5 });
    expect(p.f(-2)).toBe(1);
    expect(p.f(-inf)).toBe(inf);
    expect(p.df(0)).toBe(-0.5);
    expect(p.properties.monotonic).toBe('none');
  });

  it('relu6.df(0) and relu6.df(6) are 0 (PyTorch), relu6.f clamps to [0, 6]', () => {
    const r = activations.relu6;
    expect(r.df(0)).toBe(0);
    expect(r.df(6)).toBe(0);
    expect(r.df(5.999)).toBe(1);
    expect(r.f(7)).toBe(6);
    expect(Object.is(r.f(-0), 0)).toBe(true);
    expect(r.f(3.25)).toBe(3.25);
  });

  it('hardTanh.df(±1) is 0 (PyTorch) and hardTanh.f(−0) is −0', () => {
    const h = activations['hard-tanh'];
    expect(h.df(-1)).toBe(0);
    expect(h.df(1)).toBe(0);
    expect(h.df(0.999)).toBe(1);
    expect(Object.is(h.f(-0), -0)).toBe(true);
    expect(h.f(-7)).toBe(-1);
    expect(h.f(0.25)).toBe(0.25);
    const wide = h.with({ min: -2, max: 3 });
    expect(wide.f(-2.5)).toBe(-2);
    expect(wide.f(10)).toBe(3);
    expect(wide.df(3)).toBe(0);
    expect(wide.df(-1.9)).toBe(1);
  });

  it('identity.f(x) is x and identity.df(x) is 1', () => {
    expect(Object.is(activations.identity.f(-0), -0)).toBe(true);
    expect(activations.identity.df(-inf)).toBe(1);
  });
});
