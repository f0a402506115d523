// Figure: a line of inputs pushed through `depth` random layers, with or without an
// activation between them (lesson 1, "Why nonlinearity"). Pure: state in, Plot options out.

import * as Plot from '@observablehq/plot';
import { activations } from '../../lib/activations/index.ts';
import { randomMlp } from '../../lib/nn/random-mlp.ts';
import {
  activationLabel,
  type StackedLayersState,
  stackedActivations,
  stackedLayersLimits,
} from './stacked-layers-state.ts';

export * from './stacked-layers-state.ts';

const samples = 601;

export interface StackedLayersData {
  x: Float64Array;
  y: Float64Array;
  /** Number of straight pieces the sampled output is made of (1 for a line). */
  pieces: number;
}

/** The network's output on an even grid of inputs in [-3, 3]. */
export function stackedLayersData({
  activation,
  depth,
  seed,
}: StackedLayersState): StackedLayersData {
  const { width, xMax } = stackedLayersLimits;
  const x = Float64Array.from(
    { length: samples },
    (_, i) => -xMax + (2 * xMax * i) / (samples - 1),
  );
  const f = activations[activation === 'none' ? 'identity' : activation];
  const y = randomMlp({ depth, width, seed }).evaluate(x, f);
  return { x, y, pieces: countPieces(x, y) };
}

/**
 * Counts the straight pieces of a sampled curve: a new piece starts wherever the slope
 * changes by more than rounding can explain. A smooth curve counts as one piece per sample.
 */
export function countPieces(x: Float64Array, y: Float64Array): number {
  let scale = 0;
  for (const v of y) scale = Math.max(scale, Math.abs(v));
  const h = x[1] - x[0];
  const tol = (1e-9 * (scale + 1)) / h;
  let pieces = 1;
  let previous = (y[1] - y[0]) / h;
  let bent = false; // a kink between samples shows as one changed slope, not two
  for (let i = 2; i < x.length; i++) {
    const slope = (y[i] - y[i - 1]) / h;
    const changed = Math.abs(slope - previous) > tol;
    if (changed && !bent) pieces++;
    bent = changed && !bent;
    previous = slope;
  }
  return pieces;
}

/** One sentence that says what the figure shows, for screen readers and the caption. */
export function describeStackedLayers(state: StackedLayersState, data = stackedLayersData(state)) {
  const layers = `${state.depth} random layer${state.depth === 1 ? '' : 's'}`;
  const n = data.y.length - 1;
  if (state.activation === 'none') {
    const slope = (data.y[n] - data.y[0]) / (data.x[n] - data.x[0]);
    const intercept = data.y[(n / 2) | 0];
    const sign = intercept < 0 ? '−' : '+';
    return `With no activation, ${layers} collapse into one straight line: y = ${fmt(slope)}x ${sign} ${fmt(Math.abs(intercept))}.`;
  }
  if (state.activation === 'relu') {
    return `With ReLU after each of ${layers}, the output is bent: ${data.pieces} straight pieces joined at kinks.`;
  }
  return `With tanh after each of ${layers}, the output is a smooth curve that bends and flattens where units saturate.`;
}

function fmt(v: number) {
  return (Math.abs(v) < 0.005 ? 0 : v).toFixed(2);
}

/** Plot options for the figure. Colours are CSS variables, so light and dark themes both work. */
export function stackedLayersFigure(state: StackedLayersState, width = 640): Plot.PlotOptions {
  const data = stackedLayersData(state);
  const points = Array.from(data.x, (x, i) => ({ x, y: data.y[i] }));
  return {
    width,
    height: Math.round(Math.max(240, Math.min(300, width * 0.47))),
    marginLeft: 50,
    style: { fontSize: '13px', background: 'transparent' },
    ariaLabel: `Output of ${state.depth} stacked layers with ${activationLabel[state.activation]}`,
    ariaDescription: describeStackedLayers(state, data),
    marginBottom: 42,
    x: {
      label: 'input x',
      labelAnchor: 'center',
      labelOffset: 38,
      domain: [-stackedLayersLimits.xMax, stackedLayersLimits.xMax],
    },
    y: { label: 'output y', grid: true, nice: true },
    marks: [
      // Marks are hidden from assistive technology: the figure's label and description
      // (and the caption beside it) say what the picture shows.
      Plot.ruleY([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
      Plot.ruleX([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
      Plot.lineY(points, {
        x: 'x',
        y: 'y',
        className: 'nl-curve',
        ariaHidden: 'true',
        stroke: `var(--nl-series-${stackedActivations.indexOf(state.activation) + 1})`,
        strokeWidth: 2.5,
      }),
    ],
  };
}
