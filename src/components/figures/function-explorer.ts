// Figure: catalogue functions side by side: f, f′ and optionally f″ (central finite
// differences of f′), with a crosshair, shading where the gradient (nearly) vanishes, and the
// difference f1 − f2 of the first two. Pure: state in, Plot options out (one per panel).

import * as Plot from '@observablehq/plot';
import { type Activation, activationIds, activations } from '../../lib/activations/index.ts';
import {
  type FunctionExplorerState,
  type FxCatalogue,
  fmt,
  functionExplorerLimits,
  functionExplorerMargins,
  paramValue,
  texSymbol,
} from './function-explorer-state.ts';

export * from './function-explorer-state.ts';

/** The catalogue as the explorer's state and controls see it: ids, names, parameter ranges. */
export const functionExplorerCatalogue: FxCatalogue = activationIds.map((id) => {
  const a = activations[id];
  return {
    id,
    name: a.name,
    params: a.params.map((p) => ({
      name: p.name,
      symbol: texSymbol(p.tex),
      default: p.default,
      min: p.min,
      max: p.max,
      step: p.step,
    })),
  };
});

/** Samples across [−halfWidth, halfWidth]: odd, so x = 0 is one; about one per 2 px at 640 px. */
export const functionExplorerSamples = 301;
/** Step of the central differences f″(x) ≈ (f′(x + h) − f′(x − h)) / 2h. */
export const finiteDifferenceStep = 1e-4;

/** Colour of the i-th chosen function (0-based), a CSS variable for light and dark themes. */
export const seriesColour = (i: number) => `var(--fx-series-${i + 1})`;

export interface Interval {
  lo: number;
  hi: number;
}

export interface FunctionSeries {
  id: string;
  name: string;
  colour: string;
  fn: Activation;
  f: Float64Array;
  df: Float64Array;
  /** f″ by finite differences; NaN where f′ jumps (f″ is infinite there). Only with state.d2. */
  d2?: Float64Array;
  /** Where |f′| < 0.01 within the view. */
  saturated: Interval[];
  /** Where f′ = 0 exactly within the view. */
  flat: Interval[];
}

export interface FunctionExplorerData {
  x: Float64Array;
  series: FunctionSeries[];
  /** f1 − f2 of the first two functions, with its largest magnitude (when state.diff). */
  diff?: { label: string; y: Float64Array; max: number; at: number };
  /** Parameter combinations the kernel refused (drawn with the defaults instead). */
  problems: string[];
}

/** The chosen function `id` with the state's parameter values (or its defaults, and why). */
export function resolveFunction(state: FunctionExplorerState, id: string) {
  const base = activations[id];
  const values = Object.fromEntries(base.params.map((p) => [p.name, paramValue(state, id, p)]));
  try {
    return { fn: base.params.length ? base.with(values) : base, problem: undefined };
  } catch (e) {
    return {
      fn: base,
      problem: `${(e as Error).message}; drawing ${base.name} with its default parameters.`,
    };
  }
}

/** f″(x) by central differences of f′, or NaN where f′ jumps between x − 2h and x + 2h. */
export function secondDerivative(fn: Activation, x: number, h = finiteDifferenceStep): number {
  const d1 = (fn.df(x + h) - fn.df(x - h)) / (2 * h);
  const d2 = (fn.df(x + 2 * h) - fn.df(x - 2 * h)) / (4 * h);
  // Smooth f′: the two estimates agree to O(h²). A jump J gives J/2h and J/4h.
  return Math.abs(d1 - d2) > 1e-4 * (1 + Math.abs(d1)) ? Number.NaN : d1;
}

/**
 * The intervals of [x[0], x[n−1]] where `test(x)` holds, from the samples, with each inner
 * end found by bisection between the last sample in and the first out.
 */
export function intervalsWhere(x: Float64Array, test: (x: number) => boolean): Interval[] {
  const edge = (inside: number, outside: number) => {
    let a = inside;
    let b = outside;
    for (let k = 0; k < 50 && Math.abs(b - a) > 1e-12 * (1 + Math.abs(a)); k++) {
      const m = (a + b) / 2;
      if (test(m)) a = m;
      else b = m;
    }
    const e = (a + b) / 2;
    // An end that bisection put within rounding of 0 is 0 (ReLU's kink, not 4.85e-13).
    return Math.abs(e) < 1e-9 * span ? 0 : e;
  };
  const span = Math.abs(x[x.length - 1] - x[0]);
  const out: Interval[] = [];
  const n = x.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const inside = test(x[i]);
    if (inside && start < 0) start = i;
    if (start >= 0 && (!inside || i === n - 1)) {
      const lo = start === 0 ? x[0] : edge(x[start], x[start - 1]);
      const hi = inside ? x[n - 1] : edge(x[i - 1], x[i]);
      // A run of one sample whose ends bisect onto it is a point (hard swish's f′ = 0 at −1.5).
      if (hi - lo < 1e-9 * span) out.push({ lo: x[start], hi: x[start] });
      else out.push({ lo, hi });
      start = -1;
    }
  }
  return out;
}

/** Largest |g| over the samples, refined by golden-section search around the best sample. */
export function largestMagnitude(x: Float64Array, g: (x: number) => number) {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (Math.abs(g(x[i])) > Math.abs(g(x[best]))) best = i;
  let a = x[Math.max(0, best - 1)];
  let b = x[Math.min(x.length - 1, best + 1)];
  const r = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 80; k++) {
    const c = b - r * (b - a);
    const d = a + r * (b - a);
    if (Math.abs(g(c)) >= Math.abs(g(d))) b = d;
    else a = c;
  }
  const at = (a + b) / 2;
  return Math.abs(g(at)) >= Math.abs(g(x[best]))
    ? { max: Math.abs(g(at)), at }
    : { max: Math.abs(g(x[best])), at: x[best] };
}

/** Sampled curves, saturation intervals and the difference panel's data. */
export function functionExplorerData(
  state: FunctionExplorerState,
  samples = functionExplorerSamples,
): FunctionExplorerData {
  const h = state.halfWidth;
  const x = Float64Array.from({ length: samples }, (_, i) => -h + (2 * h * i) / (samples - 1));
  x[(samples - 1) / 2] = 0;
  const problems: string[] = [];
  const { saturation } = functionExplorerLimits;
  const series = state.fns.map((id, i): FunctionSeries => {
    const { fn, problem } = resolveFunction(state, id);
    if (problem) problems.push(problem);
    const f = new Float64Array(samples);
    const df = new Float64Array(samples);
    for (let k = 0; k < samples; k++) {
      f[k] = fn.f(x[k]);
      df[k] = fn.df(x[k]);
    }
    const s: FunctionSeries = {
      id,
      name: fn.name,
      colour: seriesColour(i),
      fn,
      f,
      df,
      saturated: state.shade ? intervalsWhere(x, (v) => Math.abs(fn.df(v)) < saturation) : [],
      flat: state.shade ? intervalsWhere(x, (v) => fn.df(v) === 0) : [],
    };
    if (state.d2) s.d2 = x.map((v) => secondDerivative(fn, v));
    return s;
  });
  const data: FunctionExplorerData = { x, series, problems };
  if (state.diff && series.length >= 2) {
    const [a, b] = series;
    const g = (v: number) => a.fn.f(v) - b.fn.f(v);
    data.diff = {
      label: `${a.name} − ${b.name}`,
      y: x.map((_, k) => a.f[k] - b.f[k]),
      ...largestMagnitude(x, g),
    };
  }
  return data;
}

/** 'on [−5, −3] and at x = −1.5': an interval, or a single point where it shrinks to one. */
const fmtIntervals = (xs: Interval[]) =>
  xs
    .map(({ lo, hi }) => (lo === hi ? `at x = ${fmt(lo)}` : `on [${fmt(lo)}, ${fmt(hi)}]`))
    .join(' and ');

/** Values at the crosshair, for the readout table and the crosshair slider's valuetext. */
export function functionExplorerReadout(state: FunctionExplorerState) {
  return state.fns.map((id, i) => {
    const { fn } = resolveFunction(state, id);
    return {
      id,
      name: fn.name,
      colour: seriesColour(i),
      f: fn.f(state.x),
      df: fn.df(state.x),
      d2: secondDerivative(fn, state.x),
    };
  });
}

/** One line for assistive technology: the crosshair's x and the values there. */
export function describeReadout(state: FunctionExplorerState): string {
  const rows = functionExplorerReadout(state).map(
    (r) => `${r.name}: f = ${fmt(r.f)}, f′ = ${fmt(r.df)}${state.d2 ? `, f″ = ${fmt(r.d2)}` : ''}`,
  );
  return `x = ${fmt(state.x)}. ${rows.join('; ')}`;
}

/** What the figure shows, in numbers, for the caption and the SVG's description. */
export function describeFunctionExplorer(
  state: FunctionExplorerState,
  data = functionExplorerData(state),
): string {
  const h = fmt(state.halfWidth);
  if (data.series.length === 0) return `No function chosen: choose one or more to plot f and f′.`;
  const names = data.series.map((s) => s.name);
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const parts = [
    `${list}: f${state.d2 ? ', f′ and f″ (finite differences)' : ' and f′'} on x from −${h} to ${h}.`,
  ];
  for (const s of data.series) {
    const ps = s.fn.params.map((p) => `${texSymbol(p.tex)} = ${fmt(s.fn.values[p.name])}`);
    if (ps.length) parts.push(`${s.name} with ${ps.join(', ')}.`);
  }
  if (state.shade) {
    for (const s of data.series) {
      if (s.saturated.length === 0) {
        parts.push(`${s.name}: |f′| ≥ 0.01 everywhere in view.`);
        continue;
      }
      const flat = s.flat.length ? `; f′ = 0 exactly ${fmtIntervals(s.flat)}` : '';
      parts.push(`${s.name}: |f′| < 0.01 ${fmtIntervals(s.saturated)}${flat}.`);
    }
  }
  if (state.diff) {
    if (data.diff) {
      parts.push(
        `${data.diff.label}: largest |difference| in view is ${fmt(data.diff.max)} at x = ${fmt(data.diff.at)}.`,
      );
    } else parts.push('The difference needs two functions.');
  }
  if (state.d2) {
    const jumps = data.series.filter((s) => s.d2?.some(Number.isNaN)).map((s) => s.name);
    if (jumps.length) {
      parts.push(`f″ is left out where f′ jumps (${jumps.join(', ')}): it is infinite there.`);
    }
  }
  return parts.join(' ');
}

/** The columnar form Plot draws fast: an index and x/y arrays. */
const columns = (x: Float64Array, y: Float64Array) => ({ data: { length: x.length }, x, y });

function curve(x: Float64Array, y: Float64Array, stroke: string, className: string) {
  const c = columns(x, y);
  return Plot.line(c.data, {
    x: c.x,
    y: c.y,
    stroke,
    strokeWidth: 2,
    className,
    ariaHidden: 'true',
  });
}

/** The crosshair: a dashed rule at x and one dot per curve at its value there. */
function crosshair(x: number, points: { y: number; fill: string }[]) {
  return [
    Plot.ruleX([x], {
      stroke: 'currentColor',
      strokeOpacity: 0.6,
      strokeDasharray: '4 3',
      className: 'fx-cross',
      ariaHidden: 'true',
    }),
    ...points.map((p, i) =>
      Plot.dot([p.y], {
        x: () => x,
        y: (v: number) => v,
        r: 4,
        fill: p.fill,
        stroke: 'var(--sl-color-bg, white)',
        strokeWidth: 1.5,
        className: `fx-dot fx-dot-${i}`,
        ariaHidden: 'true',
      }),
    ),
  ];
}

export type PanelKey = 'f' | 'df' | 'd2' | 'diff';
export interface Panel {
  key: PanelKey;
  options: Plot.PlotOptions;
}

/** Plot options for each panel: f, f′, then f″ and the difference when asked for. */
export function functionExplorerFigure(
  state: FunctionExplorerState,
  width = 640,
  data = functionExplorerData(state),
): Panel[] {
  const { x, series } = data;
  const h = state.halfWidth;
  const description = describeFunctionExplorer(state, data);
  const common = (label: string, height: number, yLabel: string): Plot.PlotOptions => ({
    width,
    height,
    marginLeft: functionExplorerMargins.left,
    marginRight: functionExplorerMargins.right,
    marginBottom: 36,
    style: { fontSize: '13px', background: 'transparent', overflow: 'visible' },
    ariaLabel: label,
    x: { domain: [-h, h], label: 'x', labelAnchor: 'right', labelArrow: 'none' },
    y: { label: yLabel, grid: true, nice: true, labelArrow: 'none' },
  });
  const axes = [
    Plot.ruleY([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
    Plot.ruleX([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
  ];
  const at = (fn: Activation) => ({ f: fn.f(state.x), df: fn.df(state.x) });
  const names = series.map((s) => s.name).join(', ') || 'no function';
  const big = Math.round(Math.max(220, Math.min(300, width * 0.45)));
  const small = Math.round(Math.max(150, Math.min(190, width * 0.28)));

  const panels: Panel[] = [
    {
      key: 'f',
      options: {
        ...common(`f(x) for ${names}`, big, 'f(x)'),
        ariaDescription: description,
        marks: [
          ...axes,
          ...series.map((s, i) => curve(x, s.f, s.colour, `fx-curve fx-curve-${i}`)),
          ...crosshair(
            state.x,
            series.map((s) => ({ y: at(s.fn).f, fill: s.colour })),
          ),
        ],
      },
    },
    {
      key: 'df',
      options: {
        ...common(`f′(x) for ${names}`, small, 'f′(x)'),
        marks: [
          ...series.flatMap((s) => [
            Plot.rect(s.saturated, {
              x1: 'lo',
              x2: 'hi',
              fill: s.colour,
              fillOpacity: 0.12,
              className: 'fx-saturated',
              ariaHidden: 'true',
            }),
            Plot.rect(s.flat, {
              x1: 'lo',
              x2: 'hi',
              fill: s.colour,
              fillOpacity: 0.22,
              className: 'fx-flat',
              ariaHidden: 'true',
            }),
          ]),
          ...axes,
          ...series.map((s, i) => curve(x, s.df, s.colour, `fx-curve fx-curve-${i}`)),
          ...crosshair(
            state.x,
            series.map((s) => ({ y: at(s.fn).df, fill: s.colour })),
          ),
        ],
      },
    },
  ];
  if (state.d2) {
    panels.push({
      key: 'd2',
      options: {
        ...common(`f″(x) by finite differences for ${names}`, small, 'f″ (finite differences)'),
        marks: [
          ...axes,
          ...series.map((s, i) =>
            curve(x, s.d2 as Float64Array, s.colour, `fx-curve fx-curve-${i}`),
          ),
          ...crosshair(
            state.x,
            series.map((s) => ({ y: secondDerivative(s.fn, state.x), fill: s.colour })),
          ),
        ],
      },
    });
  }
  if (data.diff) {
    const [a, b] = series;
    panels.push({
      key: 'diff',
      options: {
        ...common(`Difference ${data.diff.label}`, small, 'f1 − f2'),
        marks: [
          ...axes,
          curve(x, data.diff.y, 'currentColor', 'fx-curve fx-curve-diff'),
          ...crosshair(state.x, [{ y: a.fn.f(state.x) - b.fn.f(state.x), fill: 'currentColor' }]),
        ],
      },
    });
  }
  return panels;
}
