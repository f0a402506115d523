// Floating-point building blocks shared by the scalar entries: error-free transformations
// (JavaScript has no fused multiply-add), the logistic function and its slope without
// cancellation or overflow, and products with e^v that stay accurate when e^v is subnormal.
// Every function here is small so that V8 inlines it into the entries' loops.
//
// Entries import this module as a namespace (`import * as fp`), not by name: V8 re-reads a
// named import on every iteration when the function reading it is itself inlined into a
// loop (relu's loop ran 2.5 times slower that way); namespace members are constants to it.

/** The largest finite double. */
const MAX = Number.MAX_VALUE;

/** x, or −MAX for −∞: so that x·0 is ±0 rather than NaN. */
export function finiteBelow(x: number): number {
  return Math.max(x, -MAX);
}

/** x, or MAX for +∞. */
export function finiteAbove(x: number): number {
  return Math.min(x, MAX);
}

/** x clamped into the finite doubles (NaN stays NaN), so that x·0 is 0, never NaN. */
export function finite(x: number): number {
  return Math.min(Math.max(x, -MAX), MAX);
}

/** Veltkamp's splitter 2^27 + 1: `SPLIT * a` cuts a double into two 26-bit halves. */
const SPLIT = 134217729;

/**
 * The rounding error of the product p = fl(a·b): a·b = p + productError(a, b, p) exactly
 * (Dekker's two-product). Valid for |a|, |b| < 2^996 and a product that does not underflow.
 */
export function productError(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** The rounding error of s = fl(a + b): a + b = s + sumError(a, b, s) exactly (Knuth's two-sum). */
export function sumError(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}

/** The rounding error of p = fl(a·a), as `productError(a, a, p)`. */
export function squareError(a: number, p: number): number {
  const t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  return ah * ah - p + 2 * ah * al + al * al;
}

/**
 * σ(u) = 1 / (1 + e^−u), within 2 ulps and monotone like σ itself (e^u / (1 + e^u) is a ratio
 * of two roundings and steps down by an ulp thousands of times between 30 and 40):
 *  • u > 0: 1 − σ(−u), with σ(−u) = e/(1 + e) < ½, so it rounds to 1 only from 37.43 on,
 *    where the true value does (1/(1 + e^−u) would round 1 + e^−u to 1 from 36.04);
 *  • −708 < u ≤ 0: 1/(1 + e^−u), each step monotone;
 *  • below −708, e^−u would overflow, and σ(u) = e^u to double precision.
 */
export function logistic(u: number): number {
  if (u > 0) {
    const e = Math.exp(-u);
    return 1 - e / (1 + e);
  }
  return u > -708 ? 1 / (1 + Math.exp(-u)) : Math.exp(u);
}

/**
 * a/(1 + e)² for 0 ≤ e ≤ 1 with (1 + e) taken exactly: q = fl(1 + e) and its error l, then
 * a/q² corrected by −2l/q. Two divisions and one correction, about 1.5 ulps.
 */
export function overOnePlusSquared(a: number, e: number): number {
  const q = 1 + e;
  const l = e - (q - 1);
  const t = a / q / q;
  return t - t * ((2 * l) / q);
}

/**
 * σ'(u) = σ(u)·σ(−u) = e/(1 + e)² with e = e^−|u|. No cancellation (σ(1 − σ) returns 0
 * from |u| ≈ 37 on), and e stays subnormal rather than 0 down to |u| ≈ 745.
 */
export function logisticSlope(u: number): number {
  const e = Math.exp(-Math.abs(u));
  return overOnePlusSquared(e, e);
}

/**
 * a·e^v for v < −708, where e^v is subnormal: (a·e^{v/2})·e^{v/2} rounds to the subnormal
 * grid only once, where a·e^v would first round e^v and then scale its error by |a|.
 * Returns a zero with the sign of a once the product underflows (also for infinite a).
 */
export function timesTinyExp(a: number, v: number): number {
  const h = Math.exp(0.5 * v);
  return h === 0 ? 0 * Math.sign(a) : a * h * h;
}

/**
 * x·σ(u) (silu, swish, gelu-tanh): u is the gate's argument (x, βx, ...). Within a few ulps
 * everywhere: below u = −708 the result is x·e^u with e^u subnormal (`timesTinyExp`).
 */
export function gated(x: number, u: number): number {
  if (u < -708) return timesTinyExp(x, u);
  return x * logistic(u);
}

/**
 * σ(u)·(1 + g·σ(−u)), the derivative of x·σ(u(x)) with g = x·u'(x) (g = u for swish), as
 * one fraction over (1 + e)², e = e^−|u|, with w = 1 + g:
 *   u ≥ 0:  (1 + e·w)/(1 + e)²        u < 0:  e·(w + e)/(1 + e)²
 * Neither numerator cancels except near the root of the derivative (w + e = 0). Far left
 * the value is (1 + g)·e^u, far right 1.
 */
export function gatedSlope(u: number, g: number): number {
  if (u < -708) return timesTinyExp(1 + g, u);
  if (u > 50) return 1; // (g − 1)·e^−u < 2^−54 here (g ≤ 3u for every gate in the catalogue)
  const e = Math.exp(-Math.abs(u));
  const w = 1 + g;
  const p = +(u >= 0);
  return overOnePlusSquared(p * (1 + e * w) + (1 - p) * (e * (w + e)), e);
}

/**
 * f′ near a root x0 = X0 + X0_LO of f′ (the minimum of f), where the direct formula cancels
 * to an absolute error of about 1e−17 and so can lose the sign: the Taylor polynomial
 * c1·d + c2·d² + c3·d³ in d = x − x0, computed exactly as (x − X0) − X0_LO (Sterbenz). The
 * coefficients were computed with mpmath at 60 digits; within |d| < 1e−6 the next term is
 * below 1e−18 of the first.
 */
export function nearRoot(d: number, c1: number, c2: number, c3: number): number {
  return d * (c1 + d * (c2 + d * c3));
}

/** Whether d = x − x0 is within the window of `nearRoot`, |d| < 1e−6. */
export function inRootWindow(d: number): boolean {
  return Math.abs(d) < 1e-6;
}

/** The root of silu′ (u ≈ −1.2785, where u·σ(−u) = −1), as a double-double. */
const SILU_ROOT = -1.2784645427610737;
const SILU_ROOT_LO = -1.0946994183093437e-16;

/**
 * d/du[u·σ(u)] = σ(u)(1 + u·σ(−u)), accurate near its root too (silu′, and swish′ at u = βx).
 */
export function swishSlope(u: number): number {
  const d = u - SILU_ROOT - SILU_ROOT_LO;
  if (inRootWindow(d)) {
    return nearRoot(d, 0.2178117057198001, 0.1466487969969469, 0.018874814223782312);
  }
  return gatedSlope(u, u);
}

/**
 * v, or NaN when x is NaN: for derivatives built from comparisons (false for NaN). Written
 * as v + 0·min(|x|, MAX), which is v + 0 for every number x (±∞ included) and NaN for NaN,
 * because the branch of `Number.isNaN(x) ? NaN : v` costs about 2 ns an element in V8 even
 * when it is never taken. (A zero v comes back as +0.)
 */
export function nanOr(x: number, v: number): number {
  return v + 0 * Math.min(Math.abs(x), MAX);
}
