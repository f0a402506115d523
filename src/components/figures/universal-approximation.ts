// Figure: a target curve on [−π, π] fitted by a sum of N fixed hidden units plus a bias, the
// output weights found by linear least squares (an exact solve, no training). ReLU units are
// max(0, x − bᵢ) with knots bᵢ evenly spaced; tanh units are tanh(κ(x − bᵢ)/h) centred in N
// equal intervals of width h, so their slope is tied to the spacing. Pure: state in, Plot out.

import * as Plot from '@observablehq/plot';
import { leastSquares } from './least-squares.ts';
import {
  type UaTarget,
  type UaUnit,
  type UniversalApproximationState,
  uaTargetLabel,
  uaUnitLabel,
} from './universal-approximation-state.ts';

export * from './universal-approximation-state.ts';

/** The interval every target is drawn and fitted on. */
export const uaDomain: readonly [number, number] = [-Math.PI, Math.PI];
/** Fit and error are taken on this many evenly spaced points (odd, so x = 0 is one). */
export const uaSamples = 401;
/** tanh units are tanh(κ(x − bᵢ)/h): κ = 1.5 makes neighbouring steps overlap smoothly. */
export const uaTanhSharpness = 1.5;

/** The targets, as in src/lib/data/regression-1d.ts: sign takes +1 at 0. */
export const uaTargetFunction: Record<UaTarget, (x: number) => number> = {
  sine: Math.sin,
  step: (x) => (x >= 0 ? 1 : -1),
  abs: Math.abs,
};

export interface UaBasis {
  /** Knots (ReLU) or centres (tanh) bᵢ. */
  centres: Float64Array;
  /** Value of unit i at x. */
  unit(i: number, x: number): number;
}

/** The N fixed hidden units for `unit` on the figure's domain. */
export function uaBasis(unit: UaUnit, n: number): UaBasis {
  const [lo, hi] = uaDomain;
  const h = (hi - lo) / n;
  if (unit === 'relu') {
    const centres = Float64Array.from({ length: n }, (_, i) => lo + i * h);
    return { centres, unit: (i, x) => Math.max(0, x - centres[i]) };
  }
  const centres = Float64Array.from({ length: n }, (_, i) => lo + (i + 0.5) * h);
  const k = uaTanhSharpness / h;
  return { centres, unit: (i, x) => Math.tanh(k * (x - centres[i])) };
}

export interface UaData {
  x: Float64Array;
  target: Float64Array;
  fit: Float64Array;
  /** Output weights cᵢ, one per unit. */
  weights: Float64Array;
  bias: number;
  basis: UaBasis;
  /** Largest |fit − target| over the samples, and where it is. */
  maxError: number;
  maxErrorAt: number;
  /** Root-mean-square error over the samples. */
  rmsError: number;
}

/** Fits the target by least squares and measures the error. */
export function universalApproximationData({
  target,
  unit,
  n,
}: Pick<UniversalApproximationState, 'target' | 'unit' | 'n'>): UaData {
  const [lo, hi] = uaDomain;
  const m = uaSamples;
  const f = uaTargetFunction[target];
  const basis = uaBasis(unit, n);
  const x = Float64Array.from({ length: m }, (_, i) => lo + ((hi - lo) * i) / (m - 1));
  x[(m - 1) / 2] = 0; // exactly, so the step is sampled at its jump
  const y = x.map(f);
  // Columns: the N units, then a constant column for the output bias.
  const cols = n + 1;
  const a = new Float64Array(m * cols);
  for (let r = 0; r < m; r++) {
    for (let i = 0; i < n; i++) a[r * cols + i] = basis.unit(i, x[r]);
    a[r * cols + n] = 1;
  }
  const { coefficients } = leastSquares(a, m, cols, y);
  const fit = new Float64Array(m);
  let maxError = 0;
  let maxErrorAt = x[0];
  let sq = 0;
  for (let r = 0; r < m; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += a[r * cols + c] * coefficients[c];
    fit[r] = s;
    const e = Math.abs(s - y[r]);
    sq += e * e;
    if (e > maxError) {
      maxError = e;
      maxErrorAt = x[r];
    }
  }
  return {
    x,
    target: y,
    fit,
    weights: coefficients.slice(0, n),
    bias: coefficients[n],
    basis,
    maxError,
    maxErrorAt,
    rmsError: Math.sqrt(sq / m),
  };
}

/** One or two sentences that say what the figure shows, for the caption and screen readers. */
export function describeUniversalApproximation(
  state: UniversalApproximationState,
  data = universalApproximationData(state),
): string {
  const units = `${state.n} ${uaUnitLabel[state.unit]} unit${state.n === 1 ? '' : 's'}`;
  const placed =
    state.unit === 'relu'
      ? `knots evenly spaced on [−π, π]`
      : `smooth steps centred in ${state.n} equal interval${state.n === 1 ? '' : 's'} of [−π, π]`;
  const text =
    `${uaTargetLabel[state.target]} fitted by ${units} (${placed}) plus a bias, ` +
    `output weights solved by least squares: max error ${fmt(data.maxError)} at x = ${fmt(data.maxErrorAt)}, ` +
    `RMS error ${fmt(data.rmsError)}, over ${uaSamples} evenly spaced points.`;
  if (state.target === 'abs' && state.unit === 'relu' && data.maxError < 1e-9) {
    return `${text} The fit is exact up to rounding: a knot falls on the bend at 0, and a sum of ReLUs bends only at knots.`;
  }
  if (state.target === 'step') {
    return `${text} A sum of continuous units cannot jump, so beside the jump at 0 the error stays near 1 however many units there are.`;
  }
  return text;
}

function fmt(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  // Three decimals down to 0.01, then two significant digits, then powers of ten.
  const s =
    a >= 0.01
      ? a.toFixed(3)
      : a >= 1e-4
        ? a.toPrecision(2)
        : a.toExponential(1).replace('e', '×10^');
  return v < 0 ? `−${s}` : s;
}

/** Samples of each scaled unit cᵢ·φᵢ(x), enough points to draw each exactly or smoothly. */
export function uaScaledUnits(state: UniversalApproximationState, data: UaData) {
  const [lo, hi] = uaDomain;
  const rows: { x: number; y: number; i: number }[] = [];
  for (let i = 0; i < state.n; i++) {
    const c = data.weights[i];
    // A ReLU is straight but for its knot: three points draw it exactly.
    const xs =
      state.unit === 'relu'
        ? [lo, data.basis.centres[i], hi]
        : Array.from({ length: 121 }, (_, j) => lo + ((hi - lo) * j) / 120);
    for (const x of xs) rows.push({ x, y: c * data.basis.unit(i, x), i });
  }
  return rows;
}

/** Plot options for the figure. Colours are CSS variables, so light and dark themes both work. */
export function universalApproximationFigure(
  state: UniversalApproximationState,
  width = 640,
): Plot.PlotOptions {
  const data = universalApproximationData(state);
  const [lo, hi] = uaDomain;
  const every = 2; // 201 points per curve are plenty on screen
  const curve = (ys: Float64Array) =>
    Array.from({ length: (uaSamples - 1) / every + 1 }, (_, j) => ({
      x: data.x[j * every],
      y: ys[j * every],
    }));
  const yDomain: [number, number] = state.target === 'abs' ? [-1.2, 4] : [-1.6, 1.6];
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
    Plot.ruleX([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
  ];
  if (state.showUnits) {
    marks.push(
      Plot.line(uaScaledUnits(state, data), {
        x: 'x',
        y: 'y',
        z: 'i',
        clip: true,
        className: 'nl-units',
        ariaHidden: 'true',
        stroke: 'var(--nl-series-3)',
        strokeOpacity: 0.45,
        strokeWidth: 1,
      }),
    );
  }
  marks.push(
    Plot.lineY(curve(data.target), {
      x: 'x',
      y: 'y',
      className: 'nl-target',
      ariaHidden: 'true',
      stroke: 'var(--nl-series-1)',
      strokeWidth: 2,
      strokeDasharray: '5 4',
    }),
    Plot.lineY(curve(data.fit), {
      x: 'x',
      y: 'y',
      clip: true,
      className: 'nl-fit',
      ariaHidden: 'true',
      stroke: 'var(--nl-series-2)',
      strokeWidth: 2.5,
    }),
    Plot.dot([{ x: data.maxErrorAt, y: data.fit[data.x.indexOf(data.maxErrorAt)] }], {
      x: 'x',
      y: 'y',
      r: 4,
      clip: true,
      className: 'nl-max-error',
      ariaHidden: 'true',
      stroke: 'var(--nl-series-2)',
      fill: 'none',
      strokeWidth: 1.5,
    }),
  );
  return {
    width,
    height: Math.round(Math.max(240, Math.min(320, width * 0.5))),
    marginLeft: 44,
    marginBottom: 42,
    style: { fontSize: '13px', background: 'transparent' },
    ariaLabel: `${uaTargetLabel[state.target]} and its least-squares fit by ${state.n} ${uaUnitLabel[state.unit]} units`,
    ariaDescription: describeUniversalApproximation(state, data),
    x: {
      label: 'x',
      labelAnchor: 'center',
      labelOffset: 38,
      domain: [lo, hi],
      ticks: [-3, -2, -1, 0, 1, 2, 3],
    },
    y: { label: 'y', grid: true, domain: yDomain },
    marks,
  };
}
