// The saturation lab's figures: per hidden layer, the distribution of activation values
// (after the non-linearity) over training and at the current update, as in Glorot & Bengio
// (2010), Figures 2-4 and 6. Pure functions from the engine's probes to Plot options.
//
// The engine's probes histogram the pre-activations z; the functions here are monotonic,
// so percentiles of f(z) are f of the percentiles of z, and a histogram of f(z) follows by
// sending each fine bin of z to the bin of f(z) that holds the image of its centre.

import * as Plot from '@observablehq/plot';
import { activations } from '../../lib/activations/index.ts';
import { makeDataset, oneHot, split } from '../../lib/data/index.ts';
import { Network, type NetworkConfig } from '../../lib/nn/network.ts';
import { type Histogram, type LayerProbe, Probes } from '../../lib/nn/probes.ts';
import { Trainer } from '../../lib/nn/trainer.ts';
import { seeded } from '../../lib/random/index.ts';
import type { SessionConfig } from '../workers/training-session.ts';
import {
  activationLabel,
  initLabel,
  type SaturationActivation,
  type SaturationLabState,
  saturationLimits,
} from './saturation-lab-state.ts';

export * from './saturation-lab-state.ts';

/** Probe histogram of the pre-activations: fine bins over a wide range. */
export const satProbeOptions = { range: [-40, 40] as [number, number], bins: 1600 };
/** Bins of the activation-value histograms drawn. */
export const ACT_BINS = 20;
/** Points of history kept; beyond, every other old point is dropped. */
export const HISTORY_CAP = 600;

/** The range of each function's values. */
export function actRange(act: SaturationActivation): [number, number] {
  return act === 'sigmoid' ? [0, 1] : [-1, 1];
}

/** The data: five interleaved spiral arms in the plane, one class each (500 to train, 500 to test). */
export const satData = { name: 'spirals-5', n: 1000, noise: 0, trainFraction: 0.5, classes: 5 };

/** 2 inputs, depth hidden layers of 64 units with the activation, 5 logits. */
export function satNetwork(state: SaturationLabState): NetworkConfig {
  const layers: NetworkConfig['layers'] = [];
  for (let i = 0; i < state.depth; i++) {
    layers.push(
      { type: 'dense', units: saturationLimits.width },
      { type: 'activation', id: state.activation },
    );
  }
  layers.push({ type: 'dense', units: satData.classes });
  return { inputs: 2, init: state.init, layers };
}

/** The worker's run: the spirals, softmax cross-entropy, SGD, batches of 10 in a fixed order. */
export function satSessionConfig(state: SaturationLabState): SessionConfig {
  return {
    seed: state.seed,
    network: satNetwork(state),
    data: {
      name: satData.name,
      n: satData.n,
      noise: satData.noise,
      trainFraction: satData.trainFraction,
    },
    loss: 'softmax-cross-entropy',
    optimiser: { type: 'sgd', learningRate: state.learningRate },
    batchSize: saturationLimits.batch,
    probes: satProbeOptions,
    grid: null,
  };
}

export interface LayerSummary {
  /** 1-based hidden layer. */
  layer: number;
  /** 2nd, 50th and 98th percentiles of the activation values. */
  p02: number;
  p50: number;
  p98: number;
  /** Share of values in each of ACT_BINS equal bins over the function's range. */
  bins: number[];
  /** Share of values where |f'| < 0.05. */
  saturated: number;
  /** ‖dL/dW, dL/db‖ of the dense layer feeding this one. */
  gradNorm: number;
}

/** The q-quantile of the values a probe histogram counted, interpolated within its bin. */
export function histogramQuantile(h: Histogram, q: number): number {
  const total = h.below + h.above + h.counts.reduce((a, b) => a + b, 0);
  const target = q * total;
  if (target <= h.below) return h.lo;
  let seen = h.below;
  const width = (h.hi - h.lo) / h.counts.length;
  for (let i = 0; i < h.counts.length; i++) {
    const c = h.counts[i];
    if (c > 0 && seen + c >= target) return h.lo + width * (i + (target - seen) / c);
    seen += c;
  }
  return h.hi;
}

/** Shares of the activation values in ACT_BINS bins over the function's range. */
export function activationBins(act: SaturationActivation, h: Histogram): number[] {
  const f = activations[act].f;
  const [lo, hi] = actRange(act);
  const bins = new Array<number>(ACT_BINS).fill(0);
  const at = (a: number) =>
    Math.min(ACT_BINS - 1, Math.max(0, Math.floor(((a - lo) / (hi - lo)) * ACT_BINS)));
  const width = (h.hi - h.lo) / h.counts.length;
  let total = h.below + h.above;
  bins[at(f(h.lo))] += h.below;
  bins[at(f(h.hi))] += h.above;
  for (let i = 0; i < h.counts.length; i++) {
    if (h.counts[i] === 0) continue;
    bins[at(f(h.lo + width * (i + 0.5)))] += h.counts[i];
    total += h.counts[i];
  }
  return total > 0 ? bins.map((c) => c / total) : bins;
}

/** One summary per hidden activation layer, from a snapshot's probes. */
export function summarise(act: SaturationActivation, probes: LayerProbe[]): LayerSummary[] {
  const f = activations[act].f;
  const out: LayerSummary[] = [];
  for (let i = 0; i < probes.length; i++) {
    const a = probes[i].activation;
    if (!a) continue;
    const dense = probes[i - 1];
    out.push({
      layer: out.length + 1,
      p02: f(histogramQuantile(a.histogram, 0.02)),
      p50: f(histogramQuantile(a.histogram, 0.5)),
      p98: f(histogramQuantile(a.histogram, 0.98)),
      bins: activationBins(act, a.histogram),
      saturated: a.saturated ?? Number.NaN,
      gradNorm: dense?.gradNorm ?? Number.NaN,
    });
  }
  return out;
}

/**
 * The probes of the first update, computed here as the worker's session computes them: the
 * network and then the data from one seeded source, the first mini-batch, one step. The
 * values are those of the initial weights (the probes record the forward pass before the
 * update). A unit test checks that this equals the session's probes.
 */
export function initialProbes(state: SaturationLabState): LayerProbe[] {
  const source = seeded(state.seed);
  const network = new Network(satNetwork(state), source);
  const { train } = split(
    makeDataset(satData.name, satData.n, satData.noise, source),
    satData.trainFraction,
    source,
  );
  if (train.outputs !== satData.classes && train.labels) {
    train.y = oneHot(train.labels, satData.classes);
  }
  const probes = new Probes(network, satProbeOptions);
  const trainer = new Trainer({
    network,
    data: train,
    loss: 'softmax-cross-entropy',
    optimiser: { type: 'sgd', learningRate: state.learningRate },
    batchSize: saturationLimits.batch,
    source,
    observer: probes,
  });
  trainer.step();
  return probes.read();
}

export interface SatPoint {
  step: number;
  layers: { p02: number; p50: number; p98: number }[];
}

/** History with the new point; past the cap, every other point of the older half goes. */
export function appendPoint(history: SatPoint[], point: SatPoint, cap = HISTORY_CAP): SatPoint[] {
  const last = history[history.length - 1];
  if (last && point.step <= last.step) return history;
  const next = [...history, point];
  if (next.length <= cap) return next;
  const half = Math.floor(next.length / 2);
  return [...next.slice(0, half).filter((_, i) => i % 2 === 0), ...next.slice(half)];
}

/** The x extent of the history chart: 250 updates, doubled as often as needed. */
export function xMaxFor(step: number): number {
  let x = 250;
  while (x < step) x *= 2;
  return x;
}

/** Rows: layer k's values fill [k − 0.9, k − 0.1] of the y scale, low values at the bottom. */
export function rowY(act: SaturationActivation, layer: number, value: number): number {
  const [lo, hi] = actRange(act);
  return layer - 0.9 + (0.8 * (value - lo)) / (hi - lo);
}

const series = (layer: number) => `var(--nl-series-${((layer - 1) % 6) + 1})`;

function rowsAxis(state: SaturationLabState): Plot.Markish[] {
  const [lo, hi] = actRange(state.activation);
  const rows = Array.from({ length: state.depth }, (_, i) => i + 1);
  return [
    // The function's range in each row: its bottom, middle and top.
    ...[lo, (lo + hi) / 2, hi].map((v) =>
      Plot.ruleY(rows, {
        y: (k: number) => rowY(state.activation, k, v),
        stroke: 'var(--nl-axis)',
        strokeOpacity: v === (lo + hi) / 2 ? 0.5 : 0.25,
        strokeDasharray: v === (lo + hi) / 2 ? '3,3' : undefined,
        ariaHidden: 'true',
      }),
    ),
  ];
}

function yAxis(state: SaturationLabState): Plot.ScaleOptions {
  return {
    domain: [0, state.depth],
    ticks: Array.from({ length: state.depth }, (_, i) => i + 0.5),
    tickFormat: (t: number) => `layer ${t + 0.5}`,
    label: null,
    tickSize: 0,
  };
}

/** Per layer over training: the band from the 2nd to the 98th percentile and the median. */
export function historyFigure(
  state: SaturationLabState,
  history: SatPoint[],
  width = 400,
): Plot.PlotOptions {
  const xMax = xMaxFor(history[history.length - 1]?.step ?? 0);
  const marks: Plot.Markish[] = [...rowsAxis(state)];
  for (let k = 1; k <= state.depth; k++) {
    const pts = history.map((p) => ({ step: p.step, ...p.layers[k - 1] }));
    marks.push(
      Plot.areaY(pts, {
        x: 'step',
        y1: (p: LayerSummary) => rowY(state.activation, k, p.p02),
        y2: (p: LayerSummary) => rowY(state.activation, k, p.p98),
        fill: series(k),
        fillOpacity: 0.35,
        className: `sat-band-${k}`,
        ariaHidden: 'true',
      }),
      Plot.lineY(pts, {
        x: 'step',
        y: (p: LayerSummary) => rowY(state.activation, k, p.p50),
        stroke: series(k),
        strokeWidth: 2,
        className: `sat-median-${k}`,
        ariaHidden: 'true',
      }),
    );
  }
  const [lo, hi] = actRange(state.activation);
  return {
    width,
    height: 60 + 52 * state.depth,
    marginLeft: 56,
    marginRight: 24,
    marginBottom: 44,
    x: {
      domain: [0, xMax],
      label: 'update (mini-batches of 10)',
      labelAnchor: 'center',
      labelOffset: 38,
      ticks: 4,
    },
    y: yAxis(state),
    marks,
    ariaLabel: 'Activation values per layer over training',
    ariaDescription: `Each row spans ${state.activation}'s range, ${lo} at its bottom line to ${hi} at its top; the band holds the middle 96% of the layer's activation values, the line is the median.`,
    style: { fontSize: '12px', background: 'transparent' },
  };
}

interface Bar {
  layer: number;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** Bars of each layer's activation histogram, each row scaled to its tallest bar. */
export function histogramBars(act: SaturationActivation, layers: LayerSummary[]): Bar[] {
  const [lo, hi] = actRange(act);
  const w = (hi - lo) / ACT_BINS;
  return layers.flatMap((s) => {
    const top = Math.max(...s.bins) || 1;
    return s.bins.map((b, j) => ({
      layer: s.layer,
      x1: lo + j * w,
      x2: lo + (j + 1) * w,
      y1: s.layer - 0.9,
      y2: s.layer - 0.9 + (0.8 * b) / top,
    }));
  });
}

/** Each layer's histogram of activation values at the current update. */
export function histogramFigure(
  state: SaturationLabState,
  layers: LayerSummary[],
  width = 320,
): Plot.PlotOptions {
  const [lo, hi] = actRange(state.activation);
  return {
    width,
    height: 60 + 52 * state.depth,
    marginLeft: 56,
    marginRight: 24,
    marginBottom: 44,
    x: {
      domain: [lo, hi],
      label: `${activationLabel[state.activation]} value`,
      labelAnchor: 'center',
      labelOffset: 38,
      ticks: 5,
    },
    y: yAxis(state),
    marks: [
      Plot.rect(histogramBars(state.activation, layers), {
        x1: 'x1',
        x2: 'x2',
        y1: 'y1',
        y2: 'y2',
        fill: (b: Bar) => series(b.layer),
        fillOpacity: 0.8,
        inset: 0.5,
        className: 'sat-hist',
        ariaHidden: 'true',
      }),
      Plot.ruleY(
        Array.from({ length: state.depth }, (_, i) => i + 1),
        {
          y: (k: number) => k - 0.9,
          stroke: 'var(--nl-axis)',
          strokeOpacity: 0.5,
          ariaHidden: 'true',
        },
      ),
    ],
    ariaLabel: 'Histogram of activation values per layer now',
    ariaDescription: `Each row is one layer's histogram over ${lo} to ${hi} in ${ACT_BINS} bins, scaled to its tallest bar.`,
    style: { fontSize: '12px', background: 'transparent' },
  };
}

const fmt = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2)).replace('-', '−');
const pct = (v: number) => `${Math.round(v * 100)}%`;

/** The numbers the figures show, as sentences. */
export function describeLayers(
  state: SaturationLabState,
  step: number,
  layers: LayerSummary[],
): string {
  const head = `${activationLabel[state.activation]} network, ${state.depth} hidden layer${state.depth > 1 ? 's' : ''} of ${saturationLimits.width}, ${initLabel[state.init]} initialisation, learning rate ${state.learningRate}; update ${step}${step <= 1 ? ' (the initial weights)' : ''}.`;
  const rows = layers.map(
    (s) =>
      `Layer ${s.layer}: middle 96% from ${fmt(s.p02)} to ${fmt(s.p98)}, median ${fmt(s.p50)}, ${pct(s.saturated)} saturated, weight-gradient norm ${s.gradNorm.toPrecision(2)}.`,
  );
  return [head, ...rows].join(' ');
}

/** An SVG path through points, and a closed band between two lines (for in-place redraws). */
export function linePath(xs: number[], ys: number[]): string {
  return xs.map((x, i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${ys[i].toFixed(1)}`).join('');
}

export function bandPath(xs: number[], y1: number[], y2: number[]): string {
  if (xs.length === 0) return '';
  const back = xs.map((_, i) => xs.length - 1 - i);
  return `${linePath(xs, y2)}${back.map((i) => `L${xs[i].toFixed(1)},${y1[i].toFixed(1)}`).join('')}Z`;
}
