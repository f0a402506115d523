// Accuracy in ulps against correctly rounded reference values (reference.json, written by
// scripts/reference/activations.py with mpmath). The targets of the kernel:
//   - piecewise-linear entries: exact, f and f′ (0 ulp);
//   - every other entry: at most 4 ulps, or 4·(1 + cond) where the function itself is
//     ill-conditioned (cond = |x g′(x) / g(x)|, given per point by the reference);
//   - a finite true value never comes out NaN or ±Infinity; NaN in gives NaN out;
//   - the sign of a zero f is kept where the reference gives one ("±0" accepts either).
// The sign of a zero f′ is not checked: no caller can tell it apart.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activations, isActivationId, vectors } from '../../../src/lib/activations/index.ts';
import type { ParamValues } from '../../../src/lib/activations/types.ts';
import { ulps } from './ulp.ts';

type Token = number | string;

interface ScalarEntry {
  id: string;
  params: ParamValues;
  exact: boolean;
  points: Token[][];
}

interface VectorCase {
  id: 'softmax' | 'log-softmax';
  params: { temperature: number };
  x: Token[];
  y: Token[];
  cond: Token[];
}

const reference: { scalars: ScalarEntry[]; vectors: VectorCase[] } = JSON.parse(
  readFileSync(new URL('./reference.json', import.meta.url), 'utf8'),
);

/** A reference token as a number ("±0" reads as +0; its sign is checked separately). */
function value(t: Token): number {
  if (typeof t === 'number') return t;
  switch (t) {
    case 'NaN':
      return Number.NaN;
    case 'Infinity':
      return Number.POSITIVE_INFINITY;
    case '-Infinity':
      return Number.NEGATIVE_INFINITY;
    case '-0':
      return -0;
    case '±0':
      return 0;
    default:
      throw new Error(`reference.json: unknown token ${t}`);
  }
}

const MAX_ULPS = 4;

/** The largest error allowed at one point: 0 when exact, else 4 ulps scaled by the condition. */
function tolerance(exact: boolean, cond: Token | undefined): number {
  if (exact) return 0;
  return MAX_ULPS * (1 + value(cond ?? 0));
}

/**
 * What is wrong with `got` as an approximation of the reference token `want`, or '' when
 * nothing is. `signed` says whether the sign of a zero matters.
 */
function fault(got: number, want: Token, allowed: number, signed: boolean): string {
  const w = value(want);
  if (Number.isFinite(w) && !Number.isFinite(got)) return `${got} where the true value is ${w}`;
  const e = ulps(got, w);
  if (e > allowed) return `${got}, want ${w}: ${e} ulps > ${allowed}`;
  if (signed && w === 0 && want !== '±0' && !Object.is(got, w)) {
    return `${Object.is(got, -0) ? '-0' : '+0'}, want ${Object.is(w, -0) ? '-0' : '+0'}`;
  }
  return '';
}

const label = (e: { id: string; params: object }) => `${e.id} ${JSON.stringify(e.params)}`;

describe('reference.json', () => {
  it('covers every scalar id and both softmax functions, with test points in the tails', () => {
    const ids = new Set(reference.scalars.map((e) => e.id));
    for (const id of Object.keys(activations)) expect(ids, id).toContain(id);
    expect(new Set(reference.vectors.map((c) => c.id))).toEqual(
      new Set(['softmax', 'log-softmax']),
    );
    const xs = reference.scalars[0].points.map((r) => value(r[0]));
    for (const x of [0, -0, 5e-324, 1e-300, -1e-20, 710, -710, 1e308, -1e308]) {
      expect(xs.some((v) => Object.is(v, x))).toBe(true);
    }
    expect(xs).toContain(Number.POSITIVE_INFINITY);
    expect(xs).toContain(Number.NEGATIVE_INFINITY);
    expect(xs.some(Number.isNaN)).toBe(true);
  });
});

describe('scalar accuracy against mpmath', () => {
  for (const entry of reference.scalars) {
    const kind = entry.exact ? 'exactly (0 ulp)' : `within ${MAX_ULPS}·(1 + cond) ulps`;
    it(`${label(entry)}: f and f′ ${kind} at ${entry.points.length} points`, () => {
      if (!isActivationId(entry.id)) throw new Error(`unknown id ${entry.id}`);
      const a = activations[entry.id].with(entry.params);
      const faults: string[] = [];
      for (const [x, f, df, condF, condDf] of entry.points) {
        const xv = value(x);
        const ef = fault(a.f(xv), f, tolerance(entry.exact, condF), true);
        const ed = fault(a.df(xv), df, tolerance(entry.exact, condDf), false);
        if (ef) faults.push(`f(${x}): ${ef}`);
        if (ed) faults.push(`f′(${x}): ${ed}`);
      }
      expect(faults).toEqual([]);
    });
  }
});

describe('softmax and log-softmax accuracy against mpmath', () => {
  for (const c of reference.vectors) {
    const xs = Float64Array.from(c.x, value);
    it(`${label(c)} of [${c.x.length > 6 ? `${c.x.length} values` : c.x.join(', ')}]`, () => {
      const out = new Float64Array(xs.length);
      vectors[c.id].with(c.params).forward(xs, out);
      const faults: string[] = [];
      c.y.forEach((want, i) => {
        const e = fault(out[i], want, tolerance(false, c.cond[i]), false);
        if (e) faults.push(`y[${i}]: ${e}`);
      });
      expect(faults).toEqual([]);
    });
  }
});
