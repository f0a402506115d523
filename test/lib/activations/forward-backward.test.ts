import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationIds, activations } from '../../../src/lib/activations/index.ts';
import type { Activation } from '../../../src/lib/activations/types.ts';
import { randomNormal, seeded } from '../../../src/lib/random/index.ts';

/** Every entry with its defaults, and the variants whose code paths differ. */
const variants: Activation[] = [
  ...activationIds.map((id) => activations[id]),
  activations['leaky-relu'].with({ alpha: 0.2 }),
  activations['leaky-relu'].with({ alpha: 0 }),
  activations.prelu.with({ alpha: -0.5 }),
  activations.rrelu.with({ lower: 0, upper: 0 }),
  activations['hard-tanh'].with({ min: -2, max: 3 }),
  activations.elu.with({ alpha: 0.5 }),
  activations.celu.with({ alpha: 2 }),
  activations.softplus.with({ beta: 0.5 }),
  activations.swish.with({ beta: 0 }),
  activations.swish.with({ beta: 2 }),
];

const label = (a: Activation) => `${a.id}${JSON.stringify(a.values)}`;

const special = [
  0,
  -0,
  5e-324,
  -5e-324,
  1e-300,
  -1e-300,
  1e-8,
  -1e-8,
  0.5,
  -0.5,
  1,
  -1,
  1.5,
  -1.5,
  3,
  -3,
  6,
  -6,
  20,
  -20,
  37.5,
  -37.5,
  40,
  -40,
  710,
  -710,
  750,
  -750,
  1e154,
  -1e154,
  1e308,
  -1e308,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
];

/** The special values, then normal numbers (σ = 5) and a spread of magnitudes. */
function inputs(n: number, seed: number): Float64Array {
  const normal = randomNormal(seeded(seed), 0, 5);
  const uniform = seeded(seed + 1);
  const xs = new Float64Array(special.length + 2 * n);
  xs.set(special);
  for (let i = 0; i < n; i++) xs[special.length + i] = normal();
  for (let i = 0; i < n; i++) {
    xs[special.length + n + i] = (uniform() < 0.5 ? -1 : 1) * 10 ** (40 * uniform() - 20);
  }
  return xs;
}

const same = (a: number, b: number) => Object.is(a, b);

function firstMismatch(got: ArrayLike<number>, want: (i: number) => number): string | null {
  for (let i = 0; i < got.length; i++) {
    if (!same(got[i], want(i))) return `index ${i}: got ${got[i]}, want ${want(i)}`;
  }
  return null;
}

describe('forward(xs, out) and backward(xs, dy, dx)', () => {
  const xs = inputs(500, 11);
  const dy = inputs(500, 12).map((v) => (Number.isFinite(v) ? v : 0.5));
  for (const a of variants) {
    it(`${label(a)}.forward(Float64Array) is f(x) bit for bit, backward is dy·f′(x)`, () => {
      const out = new Float64Array(xs.length);
      a.forward(xs, out);
      expect(firstMismatch(out, (i) => a.f(xs[i]))).toBeNull();
      const dx = new Float64Array(xs.length);
      a.backward(xs, dy, dx);
      expect(firstMismatch(dx, (i) => dy[i] * a.df(xs[i]))).toBeNull();
    });

    it(`${label(a)}.forward(Float32Array) is Math.fround(f(x)) for the float32 input x`, () => {
      const xs32 = Float32Array.from(xs);
      const dy32 = Float32Array.from(dy);
      const out32 = new Float32Array(xs.length);
      a.forward(xs32, out32);
      expect(firstMismatch(out32, (i) => Math.fround(a.f(xs32[i])))).toBeNull();
      const dx32 = new Float32Array(xs.length);
      a.backward(xs32, dy32, dx32);
      expect(firstMismatch(dx32, (i) => Math.fround(dy32[i] * a.df(xs32[i])))).toBeNull();
      // Mixed: float32 inputs, float64 outputs keep the float64 value.
      const out64 = new Float64Array(xs.length);
      a.forward(xs32, out64);
      expect(firstMismatch(out64, (i) => a.f(xs32[i]))).toBeNull();
    });
  }

  it('forward and backward agree with f and df on any Float64Array (fast-check)', () => {
    fc.assert(
      fc.property(fc.float64Array({ maxLength: 40 }), fc.constantFrom(...variants), (x, a) => {
        const out = new Float64Array(x.length);
        a.forward(x, out);
        const ones = new Float64Array(x.length).fill(1);
        const dx = new Float64Array(x.length);
        a.backward(x, ones, dx);
        for (let i = 0; i < x.length; i++) {
          expect(same(out[i], a.f(x[i]))).toBe(true);
          expect(same(dx[i], a.df(x[i]))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('forward(xs, out) with out of another length throws a RangeError', () => {
    const gelu = activations.gelu;
    expect(() => gelu.forward(new Float64Array(3), new Float64Array(2))).toThrow(
      'gelu: out has length 2, expected 3',
    );
    expect(() =>
      gelu.backward(new Float64Array(3), new Float64Array(2), new Float64Array(3)),
    ).toThrow('gelu: dy has length 2, expected 3');
    expect(() =>
      gelu.backward(new Float64Array(3), new Float64Array(3), new Float64Array(4)),
    ).toThrow('gelu: dx has length 4, expected 3');
  });

  it('forward(xs, xs) works in place', () => {
    const x = Float64Array.of(-2, -0.5, 0, 0.5, 2);
    const want = x.map((v) => activations.silu.f(v));
    activations.silu.forward(x, x);
    expect(x).toEqual(want);
  });
});

describe('rrelu', () => {
  const rrelu = activations.rrelu;
  const xs = Float64Array.of(-4, -1, -0.25, 0, 0.5, 3, -2, -8);

  it('rrelu.f(−1) is −(1/8 + 1/3)/2 = −11/48, the evaluation slope', () => {
    expect(rrelu.f(-1)).toBe(-(1 / 8 + 1 / 3) / 2);
    expect(rrelu.df(-1)).toBe(11 / 48);
    expect(rrelu.df(0)).toBe(11 / 48);
    expect(rrelu.df(2)).toBe(1);
  });

  it('rrelu.forward(xs, out, { training: true, source }) samples slopes in [lower, upper]', () => {
    const out = new Float64Array(xs.length);
    rrelu.forward(xs, out, { training: true, source: seeded(1) });
    const slopes = new Set<number>();
    xs.forEach((x, i) => {
      if (x > 0) {
        expect(out[i]).toBe(x);
      } else if (x < 0) {
        const a = out[i] / x;
        expect(a).toBeGreaterThanOrEqual(1 / 8);
        expect(a).toBeLessThanOrEqual(1 / 3);
        slopes.add(a);
      }
    });
    expect(slopes.size).toBe(5); // one slope per element
  });

  it('the same seed gives the same output, another seed another one', () => {
    const run = (seed: number) => {
      const out = new Float64Array(xs.length);
      rrelu.forward(xs, out, { training: true, source: seeded(seed) });
      return out;
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('rrelu.backward after a training forward uses the sampled slopes', () => {
    const out = new Float64Array(xs.length);
    rrelu.forward(xs, out, { training: true, source: seeded(3) });
    const dy = new Float64Array(xs.length).fill(2);
    const dx = new Float64Array(xs.length);
    rrelu.backward(xs, dy, dx);
    xs.forEach((x, i) => {
      if (x !== 0) expect(dx[i]).toBe(2 * (out[i] / x));
    });
    // An evaluation forward clears the samples: back to the mean slope.
    rrelu.forward(xs, out);
    rrelu.backward(xs, dy, dx);
    expect(dx[0]).toBe(2 * (11 / 48));
  });

  it('a training forward needs a source, and backward needs the forward’s length', () => {
    const out = new Float64Array(xs.length);
    expect(() => rrelu.forward(xs, out, { training: true })).toThrow(TypeError);
    rrelu.forward(xs, out, { training: true, source: seeded(1) });
    const short = new Float64Array(3);
    expect(() => rrelu.backward(short, short, short)).toThrow(
      'rrelu: backward has 3 elements but the training forward had 8',
    );
    rrelu.forward(xs, out);
  });

  it('another rrelu entry (with()) has its own samples', () => {
    const other = rrelu.with({ lower: 0.1, upper: 0.2 });
    const out = new Float64Array(xs.length);
    other.forward(xs, out, { training: true, source: seeded(5) });
    const dx = new Float64Array(xs.length);
    rrelu.backward(xs, new Float64Array(xs.length).fill(1), dx);
    expect(dx[0]).toBe(11 / 48);
  });
});
