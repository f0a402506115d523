// Every f′ against central differences of f, for every entry and several parameter values,
// away from the kinks (where f′ follows PyTorch's convention, tested in piecewise.test.ts).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Activation } from '../../../src/lib/activations/types.ts';
import { kinks, label, variants } from './variants.ts';

/** (f(x + h) − f(x − h))/(2h) with h = 1e−6·max(1, |x|), and how far it may be from f′. */
function centralDifference(a: Activation, x: number): { slope: number; tolerance: number } {
  const h = 1e-6 * Math.max(1, Math.abs(x));
  const xp = x + h;
  const xm = x - h;
  const fp = a.f(xp);
  const fm = a.f(xm);
  const slope = (fp - fm) / (xp - xm);
  // Truncation (h²·f‴/6, relative) and rounding of f (a few ulps of f over 2h).
  const tolerance =
    1e-4 * Math.abs(slope) + (8e-16 * Math.max(Math.abs(fp), Math.abs(fm))) / (xp - xm) + 1e-300;
  return { slope, tolerance };
}

const points = fc.oneof(
  fc.double({ min: -12, max: 12, noNaN: true }),
  fc.double({ min: -40, max: 40, noNaN: true }),
  fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
);

describe('df against central differences', () => {
  for (const a of variants) {
    it(`${label(a)}.df(x) matches (f(x + h) − f(x − h))/2h`, () => {
      const ks = kinks(a);
      fc.assert(
        fc.property(points, (x) => {
          fc.pre(ks.every((k) => Math.abs(x - k) > 1e-4 * Math.max(1, Math.abs(k))));
          const { slope, tolerance } = centralDifference(a, x);
          const df = a.df(x);
          expect(
            Math.abs(df - slope),
            `x = ${x}: df ${df}, difference ${slope}`,
          ).toBeLessThanOrEqual(tolerance);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('the check can fail: a slope off by 0.1% at x = 1 is caught', () => {
    const a = variants[0];
    const wrong = { ...a, df: (x: number) => 1.001 * a.df(x) };
    const { slope, tolerance } = centralDifference(wrong as Activation, 1);
    expect(Math.abs(wrong.df(1) - slope)).toBeGreaterThan(tolerance);
  });
});
