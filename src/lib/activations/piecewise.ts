// Piecewise-linear pieces shared by several entries, exact (correctly rounded) and free of
// data-dependent branches: on random inputs `x > 0 ? x : 0` mispredicts half the time
// (about 5 ns an element), while a comparison turned into 0 or 1 (`+(x > 0)`) costs nothing.
// Blending two exact values as v·m + w·(1 − m) with m ∈ {0, 1} is exact, because one
// product is exactly 0 (the inputs are made finite first, so no ∞·0 appears).

import * as fp from './float64.ts';
import { range } from './scalar.ts';
import type { Properties } from './types.ts';

/**
 * x for x > 0, a·x otherwise (leaky ReLU, PReLU, RReLU at evaluation), correctly rounded:
 * one product, x·1 or x·a. `floor` is the largest negative double when a = 0 (so that −∞·0
 * does not appear) and −∞ otherwise (so that a·(−∞) keeps its limit).
 */
export function leaky(x: number, a: number, floor: number): number {
  const m = +(x > 0);
  return Math.max(x, floor) * (m + (1 - m) * a);
}

/** The floor `leaky` needs for slope a. */
export function leakyFloor(a: number): number {
  return a === 0 ? -Number.MAX_VALUE : Number.NEGATIVE_INFINITY;
}

/** 1 for x > 0, else a (PyTorch's convention: the slope at 0 is a). */
export function leakySlope(x: number, a: number): number {
  const m = +(x > 0);
  return fp.nanOr(x, m + (1 - m) * a);
}

/** The properties of x ↦ (x > 0 ? x : a·x) for a slope a ≤ 1. */
export function leakyProperties(a: number): Properties {
  if (a === 1) {
    return {
      range: range(Number.NEGATIVE_INFINITY, false, Number.POSITIVE_INFINITY, false),
      zeroCentred: true,
      monotonic: 'strict',
      smoothness: 'Cinf',
      saturation: 'none',
      sparse: false,
    };
  }
  return {
    range:
      a > 0
        ? range(Number.NEGATIVE_INFINITY, false, Number.POSITIVE_INFINITY, false)
        : range(0, true, Number.POSITIVE_INFINITY, false),
    zeroCentred: false,
    monotonic: a > 0 ? 'strict' : a === 0 ? 'weak' : 'none',
    smoothness: 'C0',
    saturation: a === 0 ? 'negative' : 'none',
    sparse: a === 0,
  };
}

/**
 * The correctly rounded (x + 3)/6 clamped to [0, 1] (PyTorch's hard sigmoid). (x + 3)/6 and
 * x/6 + 1/2 each round twice; here y = fl(x/6 + 1/2) is within one ulp, the residual
 * r = x − 6(y − 1/2) is computed exactly ((c − 4w) − 2w with w = y − 1/2: every step is exact
 * for |c| ≤ 3), and y + r/6 rounds once to the nearest double, ties to even. The tests check
 * this against exact rational arithmetic.
 */
export function hardSigmoidValue(x: number): number {
  const hi = +(x >= 3);
  const c = fp.finite(x) * (+(x > -3) - hi) + 3 * hi - 3 * +(x <= -3);
  const y = c / 6 + 0.5;
  const w = y - 0.5;
  return y + (c - 4 * w - 2 * w) / 6;
}
