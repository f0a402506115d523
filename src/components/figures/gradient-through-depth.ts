// Figure: the product of f′(z_l) across L layers, for random pre-activations z_l ~ N(μ, σ²)
// (lesson "Vanishing gradients"). The backward pass through a chain of units multiplies one
// f′ per layer; this figure shows that product alone (the weights are left out) for several
// activations at once, per depth, over 200 seeded paths. Pure: state in, Plot options out.

import * as Plot from '@observablehq/plot';
import erf from '@stdlib/math-base-special-erf';
import { activations } from '../../lib/activations/index.ts';
import { randomNormal, seeded } from '../../lib/random/index.ts';
import {
  type DepthFunction,
  type DepthPrecision,
  depthFunctionColour,
  depthFunctionLabel,
  type GradientDepthState,
  gradientDepthLimits,
} from './gradient-through-depth-state.ts';

export * from './gradient-through-depth-state.ts';

const fround = Math.fround;
const INV_SQRT_2PI = 0.3989422804014327;

/**
 * f′ as float32 arithmetic computes it (PyTorch's formulas on float32 tensors): the input is
 * rounded to float32 and every operation's result too. Sigmoid and tanh use their outputs,
 * s(1 − s) and 1 − t², so once s or t rounds to 1 the derivative is exactly 0.
 */
export const derivative32: Record<DepthFunction, (z: number) => number> = {
  sigmoid(z) {
    const s = fround(activations.sigmoid.f(fround(z)));
    return fround(s * fround(1 - s));
  },
  tanh(z) {
    const t = fround(Math.tanh(fround(z)));
    return fround(1 - fround(t * t));
  },
  relu: (z) => (fround(z) > 0 ? 1 : 0),
  'leaky-relu': (z) => (fround(z) > 0 ? 1 : fround(0.01)),
  elu: (z) => (fround(z) > 0 ? 1 : fround(Math.exp(fround(z)))),
  gelu(z) {
    const x = fround(z);
    const cdf = fround(0.5 * fround(1 + fround(erf(fround(x * Math.SQRT1_2)))));
    const pdf = fround(fround(Math.exp(fround(-0.5 * fround(x * x)))) * fround(INV_SQRT_2PI));
    return fround(cdf + fround(x * pdf));
  },
};

/** f′ in the chosen precision (float64: the catalogue's derivative). */
export function derivative(fn: DepthFunction, precision: DepthPrecision): (z: number) => number {
  return precision === 'float32' ? derivative32[fn] : activations[fn].df;
}

let cachedNormals: { seed: number; values: Float64Array } | undefined;

/** paths × max depth standard normal numbers for `seed` (the same for every function). */
export function standardNormals(seed: number): Float64Array {
  if (cachedNormals?.seed === seed) return cachedNormals.values;
  const { paths, depth } = gradientDepthLimits;
  const normal = randomNormal(seeded(seed));
  const values = Float64Array.from({ length: paths * depth.max }, normal);
  cachedNormals = { seed, values };
  return values;
}

/** Quantile q of sorted numbers, interpolating linearly between neighbours. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  return i + 1 < n ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[n - 1];
}

/** Quantile q, in log10, of sorted positive numbers (interpolated between the logs). */
export function logQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const i = Math.floor(h);
  const lo = Math.log10(sorted[i]);
  return i + 1 < n ? lo + (h - i) * (Math.log10(sorted[i + 1]) - lo) : lo;
}

/** What one function's products look like at one depth. */
export interface DepthPoint {
  fn: DepthFunction;
  depth: number;
  /** log10 of the median and the 10th and 90th percentiles of |∏ f′| over the nonzero paths. */
  median: number;
  q10: number;
  q90: number;
  /** Paths whose product is exactly 0 (a zero factor, or underflow), as a share of all. */
  zeroShare: number;
  /** Paths whose product is not 0. */
  alive: number;
}

export interface GradientDepthData {
  points: DepthPoint[];
  /** log10 of sigmoid's best case 0.25^l, per depth l = 1..L. */
  reference: { depth: number; value: number }[];
}

/** One function's products, layer by layer, for one seed, μ, σ and precision. */
interface Run {
  key: string;
  /** |f′(z_1)·…·f′(z_l)| per path at the last layer l computed (l = points.length). */
  products: Float64Array;
  points: DepthPoint[];
}

/**
 * The last run of each function. Layer l's products depend only on layers 1..l, so a change
 * of depth alone extends a run or takes a prefix of it; any other change starts it again.
 */
const runs = new Map<DepthFunction, Run>();

/** Forgets the runs (for tests: the next call computes from layer 1). */
export function clearGradientDepthCache() {
  runs.clear();
}

/** Extends `fn`'s run for `state` to `state.depth` layers; returns the first `depth` points. */
function functionPoints(fn: DepthFunction, state: GradientDepthState): DepthPoint[] {
  const { paths, depth: limits } = gradientDepthLimits;
  const key = `${state.seed} ${state.precision} ${state.mu} ${state.sigma}`;
  let run = runs.get(fn);
  if (run?.key !== key) {
    run = { key, products: new Float64Array(paths).fill(1), points: [] };
    runs.set(fn, run);
  }
  const { products, points } = run;
  const n = standardNormals(state.seed);
  const df = derivative(fn, state.precision);
  const round = state.precision === 'float32' ? fround : (v: number) => v;
  const positive = new Float64Array(paths);
  for (let l = points.length + 1; l <= state.depth; l++) {
    let alive = 0;
    for (let s = 0; s < paths; s++) {
      const p = round(
        products[s] * Math.abs(df(state.mu + state.sigma * n[s * limits.max + l - 1])),
      );
      products[s] = p;
      if (p > 0) positive[alive++] = p;
    }
    const sorted = positive.subarray(0, alive).sort();
    points.push({
      fn,
      depth: l,
      median: logQuantile(sorted, 0.5),
      q10: logQuantile(sorted, 0.1),
      q90: logQuantile(sorted, 0.9),
      zeroShare: 1 - alive / paths,
      alive,
    });
  }
  return points.slice(0, state.depth);
}

/**
 * For each chosen function and each depth l = 1..L, the distribution of |f′(z_1)·…·f′(z_l)|
 * over the paths, the product formed in the chosen precision (so float32 underflows to 0
 * below 1.4e−45 and float64 below 4.9e−324). Percentiles are over the nonzero products (a
 * log scale has no 0); the zeros are counted apart. Runs are kept per function (see `runs`),
 * so moving the depth alone computes only the layers not seen yet.
 */
export function gradientDepthData(state: GradientDepthState): GradientDepthData {
  const L = state.depth;
  const points = state.fns.flatMap((fn) => functionPoints(fn, state));
  const reference = Array.from({ length: L }, (_, i) => ({
    depth: i + 1,
    value: (i + 1) * Math.log10(0.25),
  }));
  return { points, reference };
}

const superscript: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** 10^k written as "10⁻²⁰" (an axis tick of the log10 scale). */
export function powerOfTen(k: number): string {
  if (k === 0) return '1';
  return `10${String(k).replace(/./g, (c) => superscript[c] ?? c)}`;
}

/** A value given by its log10, in words: "0.23", "1", "3.1×10⁻¹⁴". */
export function formatLog10(log: number): string {
  if (!Number.isFinite(log)) return '0';
  const v = 10 ** log;
  if (log >= -2 && log < 3) return String(Number(v.toPrecision(2)));
  let k = Math.floor(log);
  let m = Number((10 ** (log - k)).toFixed(1));
  if (m >= 10) {
    m /= 10;
    k += 1;
  }
  return `${m}×${powerOfTen(k)}`;
}

const percent = (share: number) => {
  const p = share * 100;
  return p === 0 || p === 100 || p >= 1 ? `${Math.round(p)}%` : `${p.toFixed(1)}%`;
};

/** The sentence about one function at the deepest layer. */
function describeFunction(fn: DepthFunction, points: DepthPoint[], L: number): string {
  const name = depthFunctionLabel[fn];
  const last = points[points.length - 1];
  const { paths } = gradientDepthLimits;
  if (last.alive === 0) {
    const lastAlive = points.findLast((p) => p.alive > 0);
    const when = lastAlive
      ? `the last nonzero ones, at layer ${lastAlive.depth}, had median ${formatLog10(lastAlive.median)}`
      : 'every one is 0 from the first layer';
    return `${name}: all ${paths} products are exactly 0 by layer ${L} (${when})`;
  }
  const spread = `10–90%: ${formatLog10(last.q10)} to ${formatLog10(last.q90)}`;
  if (last.zeroShare === 0) return `${name} ${formatLog10(last.median)} (${spread})`;
  return `${name} ${formatLog10(last.median)} over the ${last.alive} nonzero products (${spread}), while ${percent(last.zeroShare)} of products are exactly 0`;
}

/** What the figure shows, in numbers, for the caption and screen readers. */
export function describeGradientDepth(
  state: GradientDepthState,
  data = gradientDepthData(state),
): string {
  const L = state.depth;
  const setting = `Over ${L} layer${L === 1 ? '' : 's'} with z ~ N(${fmt(state.mu)}, ${fmt(state.sigma)}²), ${gradientDepthLimits.paths} seeded paths, ${state.precision}`;
  if (state.fns.length === 0) return `${setting}: no function chosen.`;
  const parts = state.fns.map((fn) =>
    describeFunction(
      fn,
      data.points.filter((p) => p.fn === fn),
      L,
    ),
  );
  const best = formatLog10(data.reference[L - 1].value);
  return `${setting}, the median |∏ f′| at layer ${L} is: ${parts.join('; ')}. Sigmoid's best case, 0.25^${L}, is ${best}.`;
}

function fmt(v: number) {
  return String(v).replace('-', '−');
}

const curveDefined = (d: DepthPoint) => d.alive > 0;

/** The main figure: log10 |∏ f′| against depth, median lines and 10–90% bands. */
export function gradientDepthFigure(
  state: GradientDepthState,
  width = 640,
  data = gradientDepthData(state),
): Plot.PlotOptions {
  const alive = data.points.filter(curveDefined);
  const ends = state.fns
    .map((fn) => alive.filter((p) => p.fn === fn).at(-1))
    .filter((p): p is DepthPoint => p !== undefined);
  return {
    width,
    height: Math.round(Math.max(260, Math.min(340, width * 0.52))),
    marginLeft: 56,
    marginRight: 84,
    marginBottom: 42,
    style: { fontSize: '13px', background: 'transparent' },
    ariaLabel: `Product of the activation's derivative across ${state.depth} layers, log scale`,
    ariaDescription: describeGradientDepth(state, data),
    x: {
      label: 'layer l',
      labelAnchor: 'center',
      labelOffset: 36,
      domain: [1, Math.max(2, state.depth)],
    },
    color: { type: 'identity' },
    y: {
      label: '|f′(z₁)·…·f′(z_l)| (log scale)',
      grid: true,
      nice: true,
      tickFormat: (k: number) => (Number.isInteger(k) ? powerOfTen(k) : ''),
    },
    marks: [
      Plot.ruleY([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
      Plot.lineY(data.reference, {
        x: 'depth',
        y: 'value',
        stroke: 'var(--nl-axis)',
        strokeDasharray: '5 4',
        className: 'gtd-reference',
        ariaHidden: 'true',
      }),
      Plot.text(data.reference.slice(-1), {
        x: 'depth',
        y: 'value',
        text: () => '0.25ˡ',
        dx: 6,
        textAnchor: 'start',
        fill: 'var(--nl-axis)',
        ariaHidden: 'true',
      }),
      // One mark per kind, the functions told apart by z: fewer marks draw faster.
      Plot.areaY(alive, {
        x: 'depth',
        y1: 'q10',
        y2: 'q90',
        z: 'fn',
        fill: (d: DepthPoint) => depthFunctionColour[d.fn],
        fillOpacity: 0.15,
        ariaHidden: 'true',
      }),
      Plot.lineY(data.points, {
        x: 'depth',
        y: (d: DepthPoint) => (d.alive > 0 ? d.median : Number.NaN),
        z: 'fn',
        stroke: (d: DepthPoint) => depthFunctionColour[d.fn],
        strokeWidth: 2.5,
        className: 'gtd-line',
        ariaHidden: 'true',
      }),
      Plot.text(ends, {
        x: 'depth',
        y: 'median',
        text: (d: DepthPoint) => depthFunctionLabel[d.fn],
        fill: (d: DepthPoint) => depthFunctionColour[d.fn],
        dx: 6,
        textAnchor: 'start',
        fontWeight: 600,
        ariaHidden: 'true',
      }),
    ],
  };
}

/** The small figure under it: the share of paths whose product is exactly 0, per depth. */
export function zeroShareFigure(
  state: GradientDepthState,
  width = 640,
  data = gradientDepthData(state),
): Plot.PlotOptions {
  const shares = state.fns.map((fn) => {
    const points = data.points.filter((p) => p.fn === fn);
    return `${depthFunctionLabel[fn]} ${percent(points[points.length - 1].zeroShare)}`;
  });
  return {
    width,
    height: 150,
    marginLeft: 56,
    marginRight: 84,
    marginBottom: 38,
    style: { fontSize: '13px', background: 'transparent' },
    ariaLabel: 'Share of paths whose product is exactly zero, per layer',
    ariaDescription:
      state.fns.length === 0
        ? 'No function chosen.'
        : `Products exactly 0 at layer ${state.depth}: ${shares.join(', ')}.`,
    x: {
      label: 'layer l',
      labelAnchor: 'center',
      labelOffset: 32,
      domain: [1, Math.max(2, state.depth)],
    },
    color: { type: 'identity' },
    y: { label: 'exactly 0 (%)', domain: [0, 100], grid: true, ticks: [0, 50, 100] },
    marks: [
      Plot.ruleY([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
      Plot.lineY(data.points, {
        x: 'depth',
        y: (d: DepthPoint) => d.zeroShare * 100,
        z: 'fn',
        stroke: (d: DepthPoint) => depthFunctionColour[d.fn],
        strokeWidth: 2,
        className: 'gtd-zero',
        ariaHidden: 'true',
      }),
    ],
  };
}

/** The smallest x at which `f(x)` rounds to exactly 1 in float32 (bisection in float64). */
export function float32OneThreshold(f: (x: number) => number, lo = 0, hi = 64): number {
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (fround(f(mid)) === 1) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Where sigmoid and tanh round to 1 in float32 (their s(1 − s), 1 − t² become exactly 0). */
export function float32Thresholds() {
  return {
    sigmoid: float32OneThreshold(activations.sigmoid.f),
    tanh: float32OneThreshold(activations.tanh.f),
  };
}

/** Sigmoid's derivative on [0, 20] in float64 and as float32 computes it, s(1 − s). */
export function float32Data(samples = 801) {
  return Array.from({ length: samples }, (_, i) => {
    const x = (20 * i) / (samples - 1);
    const d32 = derivative32.sigmoid(x);
    return {
      x,
      f64: Math.log10(activations.sigmoid.df(x)),
      f32: d32 > 0 ? Math.log10(d32) : Number.NaN,
      zero: d32 === 0,
    };
  });
}

/** The bottom of the float32 figure, where exact zeros are drawn (a log scale has no 0). */
const zeroRow = -9.6;

export function describeFloat32() {
  const { sigmoid, tanh } = float32Thresholds();
  const at = activations.sigmoid.df(sigmoid);
  return `In float32, σ(x) rounds to exactly 1 from x ≈ ${sigmoid.toFixed(2)} (= ln(2²⁵ − 1)), so its derivative computed as s(1 − s) is exactly 0 there, although the true σ′(${sigmoid.toFixed(2)}) is ${formatLog10(Math.log10(at))}. Before that, 1 − s can only be a multiple of 2⁻²⁴, so the float32 derivative goes down in steps. tanh rounds to 1 from x ≈ ${tanh.toFixed(2)}, where 1 − t² becomes 0.`;
}

/** The float32 view: σ′ in float64 against s(1 − s) in float32, the zeros drawn on a row. */
export function float32Figure(width = 640): Plot.PlotOptions {
  const data = float32Data();
  const { sigmoid } = float32Thresholds();
  const zeros = data.filter((d) => d.zero);
  return {
    width,
    height: 220,
    marginLeft: 56,
    marginRight: 20,
    marginBottom: 40,
    style: { fontSize: '13px', background: 'transparent' },
    ariaLabel: "Sigmoid's derivative in float64 and in float32",
    ariaDescription: describeFloat32(),
    x: { label: 'x', labelAnchor: 'center', labelOffset: 32, domain: [0, 20] },
    y: {
      label: 'σ′(x) (log scale)',
      domain: [-10, 0],
      grid: true,
      ticks: [0, -2, -4, -6, -8],
      tickFormat: powerOfTen,
    },
    marks: [
      Plot.ruleX([sigmoid], {
        stroke: 'var(--nl-axis)',
        strokeDasharray: '4 3',
        ariaHidden: 'true',
      }),
      // float64 wide underneath, float32 thin on top: where they agree both stay visible.
      Plot.lineY(data, {
        x: 'x',
        y: 'f64',
        stroke: 'var(--nl-series-1)',
        strokeWidth: 4,
        className: 'gtd-f64',
        ariaHidden: 'true',
      }),
      Plot.lineY(data, {
        x: 'x',
        y: 'f32',
        stroke: 'var(--nl-series-2)',
        strokeWidth: 1.5,
        className: 'gtd-f32',
        ariaHidden: 'true',
      }),
      Plot.dot(
        zeros.filter((_, i) => i % 8 === 0),
        {
          x: 'x',
          y: () => zeroRow,
          symbol: 'times',
          r: 3,
          stroke: 'var(--nl-series-2)',
          ariaHidden: 'true',
        },
      ),
      Plot.text([{ x: sigmoid, y: zeroRow }], {
        x: 'x',
        y: 'y',
        text: () => 'float32: exactly 0 →',
        textAnchor: 'end',
        dx: -6,
        fill: 'var(--nl-series-2)',
        ariaHidden: 'true',
      }),
      Plot.text([{ x: 19.8, y: -7.4 }], {
        x: 'x',
        y: 'y',
        text: () => 'float64',
        textAnchor: 'end',
        fill: 'var(--nl-series-1)',
        ariaHidden: 'true',
      }),
      Plot.text([{ x: 9, y: -5.6 }], {
        x: 'x',
        y: 'y',
        text: () => 'float32: s(1 − s)',
        textAnchor: 'end',
        fill: 'var(--nl-series-2)',
        ariaHidden: 'true',
      }),
      Plot.text([{ x: sigmoid, y: -1.2 }], {
        x: 'x',
        y: 'y',
        text: () => `x ≈ ${sigmoid.toFixed(2)}: σ(x) = 1 in float32`,
        textAnchor: 'end',
        dx: -6,
        fill: 'var(--nl-axis)',
        ariaHidden: 'true',
      }),
    ],
  };
}
