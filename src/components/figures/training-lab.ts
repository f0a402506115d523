// Figures of the training lab (the playground): the decision map with the training and
// test points, the training and test loss over the run, and per-layer panels of the
// saturated and dead fractions the engine's probes measure. Pure: plain data in, Plot
// options out. The run itself is built here too (tlRun), exactly as the worker's
// TrainingSession builds it, so the page can show the same points, the build can draw the
// initial network, and tests can train a network synchronously.

import * as Plot from '@observablehq/plot';
import { activations } from '../../lib/activations/index.ts';
import { type Dataset, makeDataset, split } from '../../lib/data/index.ts';
import { toJSON, toKeras, toPyTorch } from '../../lib/nn/export.ts';
import { Network, type NetworkConfig } from '../../lib/nn/network.ts';
import { type LayerProbe, Probes } from '../../lib/nn/probes.ts';
import { Trainer } from '../../lib/nn/trainer.ts';
import { seeded } from '../../lib/random/index.ts';
import type { SessionConfig, Snapshot } from '../workers/training-session.ts';
import { palettePng } from './linear-regions-png.ts';
import {
  isRegression,
  type TlExportFormat,
  type TrainingLabState,
  tlDatasetLabel,
  tlLimits,
} from './training-lab-state.ts';

export * from './training-lab-state.ts';

/** The network: Dense and the layer's activation per hidden layer, then one output unit. */
export function tlNetworkConfig(state: TrainingLabState): NetworkConfig {
  const layers: NetworkConfig['layers'] = [];
  state.units.forEach((units, i) => {
    layers.push({ type: 'dense', units }, { type: 'activation', id: state.activations[i] });
  });
  layers.push({ type: 'dense', units: 1 });
  if (state.output !== 'identity') layers.push({ type: 'activation', id: state.output });
  return { inputs: 2, init: state.init, layers };
}

/** What the worker's session is configured with. */
export function tlSessionConfig(state: TrainingLabState): SessionConfig {
  return {
    seed: state.seed,
    network: tlNetworkConfig(state),
    data: {
      name: state.dataset,
      n: tlLimits.samples,
      noise: state.noise,
      trainFraction: state.trainPercent / 100,
    },
    loss: state.loss,
    optimiser: { type: state.optimiser, learningRate: state.learningRate },
    batchSize: state.batchSize,
    grid: { resolution: tlLimits.grid, extent: tlLimits.extent },
  };
}

export interface TlRun {
  network: Network;
  trainer: Trainer;
  probes: Probes;
  train: Dataset;
  /** The points as drawn: ±1 labels for classes, the target for regression. */
  points: TlPoint[];
  test: Dataset;
}

export interface TlPoint {
  x: number;
  y: number;
  value: number;
  set: 'train' | 'test';
}

function pointsOf(data: Dataset, set: TlPoint['set']): TlPoint[] {
  return Array.from({ length: data.n }, (_, i) => ({
    x: data.x[2 * i],
    y: data.x[2 * i + 1],
    value: data.labels ? (data.labels[i] ? 1 : -1) : data.y[i],
    set,
  }));
}

/**
 * The run the session makes from this state, built here synchronously: the same draws from
 * the same seed in the same order (weights, then the data, then the split), so the same
 * points and the same initial network, bit for bit.
 */
export function tlRun(state: TrainingLabState): TlRun {
  const config = tlSessionConfig(state);
  const source = seeded(config.seed);
  const network = new Network(config.network, source);
  const { train, test } = split(
    makeDataset(config.data.name, config.data.n, config.data.noise, source),
    config.data.trainFraction ?? 0.5,
    source,
  );
  const points = [...pointsOf(train, 'train'), ...pointsOf(test, 'test')];
  for (const part of [train, test]) {
    if (config.loss === 'bce-logits' && part.task === 'classification') {
      part.y = Float64Array.from(part.y, (t) => (t > 0 ? 1 : 0));
    }
  }
  const probes = new Probes(network);
  const trainer = new Trainer({
    network,
    data: train,
    loss: config.loss,
    optimiser: config.optimiser,
    batchSize: config.batchSize,
    source,
    observer: probes,
  });
  return { network, trainer, probes, train, points, test };
}

/** The network's output on the session's grid: rows from the top (y = hi), left to right. */
export function tlGrid(network: Network, resolution = tlLimits.grid): Snapshot['grid'] {
  const [lo, hi] = tlLimits.extent;
  const x = new Float64Array(2 * resolution * resolution);
  const step = (hi - lo) / (resolution - 1);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const k = r * resolution + c;
      x[2 * k] = lo + c * step;
      x[2 * k + 1] = hi - r * step;
    }
  }
  return { resolution, extent: [lo, hi], values: network.predict(x) };
}

function accuracy(run: TlRun, data: Dataset): number | null {
  if (!data.labels) return null;
  const yhat = run.network.predict(data.x);
  let right = 0;
  for (let i = 0; i < data.n; i++) right += +((yhat[i] >= 0 ? 1 : 0) === data.labels[i]);
  return right / data.n;
}

/** A snapshot of a synchronous run, shaped as the session's. */
export function tlSnapshot(run: TlRun): Snapshot {
  const { trainer } = run;
  return {
    status: trainer.diverged ? 'diverged' : trainer.steps > 0 ? 'paused' : 'idle',
    step: trainer.steps,
    epoch: trainer.epochs,
    batchLoss: trainer.lastLoss,
    trainLoss: trainer.evaluate(run.train),
    testLoss: trainer.evaluate(run.test),
    trainAccuracy: accuracy(run, run.train),
    testAccuracy: accuracy(run, run.test),
    diverged: trainer.diverged,
    error: null,
    probes: trainer.steps > 0 ? run.probes.read() : null,
    grid: tlGrid(run.network),
  };
}

// ---------------------------------------------------------------------------------------
// Export. The session keeps its network in the worker and has no export method, but a run
// is the same bit for bit from its seed: replaying its steps here gives its weights.

/**
 * Replays `steps` updates of the run, `chunk` at a time, yielding between chunks (through
 * `pause`, a promise-returning wait) so that a long replay does not block the page.
 */
export async function tlReplay(
  state: TrainingLabState,
  steps: number,
  pause: () => Promise<void> = () => Promise.resolve(),
  chunk = 2000,
): Promise<TlRun> {
  const run = tlRun(state);
  // The probes do not change the run; without them the replay is faster.
  run.trainer.observer = undefined;
  let done = 0;
  while (done < steps && !run.trainer.diverged) {
    const end = Math.min(steps, done + chunk);
    for (; done < end && !run.trainer.diverged; done++) run.trainer.step();
    if (done < steps) await pause();
  }
  return run;
}

/** The network as JSON (to load back with fromJSON), PyTorch or Keras code. */
export function tlExport(network: Network, format: TlExportFormat): string {
  if (format === 'pytorch') return toPyTorch(network);
  if (format === 'keras') return toKeras(network);
  return JSON.stringify(toJSON(network), null, 1);
}

// ---------------------------------------------------------------------------------------
// The history a run leaves: losses and the probes' fractions at each snapshot.

export interface TlLayerPoint {
  saturated: number;
  dead: number;
}

export interface TlHistoryPoint {
  step: number;
  epoch: number;
  train: number;
  test: number;
  /** Per activation layer (hidden layers, then the output's if any); empty before step 1. */
  layers: TlLayerPoint[];
}

/** The activation layers' probes, in order. */
export function activationProbes(probes: LayerProbe[] | null): TlLayerPoint[] {
  if (!probes) return [];
  return probes
    .filter((p) => p.activation && p.activation.saturated !== null)
    .map((p) => ({
      saturated: p.activation?.saturated ?? Number.NaN,
      dead: p.activation?.deadBatch ?? Number.NaN,
    }));
}

/** At most this many points are kept; beyond it every other old point is dropped. */
export const TL_HISTORY_MAX = 200;

/** The history with the snapshot appended (a new step only), thinned to TL_HISTORY_MAX. */
export function appendHistory(history: TlHistoryPoint[], s: Snapshot): TlHistoryPoint[] {
  const last = history.at(-1);
  if (last && last.step >= s.step) return history;
  const next = [
    ...history,
    {
      step: s.step,
      epoch: s.epoch,
      train: s.trainLoss,
      test: s.testLoss,
      layers: activationProbes(s.probes),
    },
  ];
  if (next.length <= TL_HISTORY_MAX) return next;
  // Keep the first and the newest, and every other one between.
  return next.filter((_, i) => i === 0 || i === next.length - 1 || i % 2 === 0);
}

// ---------------------------------------------------------------------------------------
// Colours. The map is a PNG (the same at build time and in the browser, with no canvas):
// Playground's orange for −1 through a light grey to its blue for +1, drawn semi-opaque so
// it darkens on the dark theme. The points take the theme's series colours.

const orange = [245, 147, 34] as const;
const blue = [8, 119, 189] as const;
const middle = [232, 234, 237] as const;
const levels = 101;

export const tlPalette: [number, number, number][] = Array.from({ length: levels }, (_, i) => {
  const t = (2 * i) / (levels - 1) - 1;
  const [a, b] = t < 0 ? [middle, orange] : [middle, blue];
  const u = Math.abs(t);
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * u)) as [number, number, number];
});

/** An output on the map's scale [−1, 1]: 2σ(z) − 1 = tanh(z/2) for logits, else clamped. */
export function tlScore(value: number, loss: TrainingLabState['loss']): number {
  if (Number.isNaN(value)) return 0;
  const s = loss === 'bce-logits' ? Math.tanh(value / 2) : value;
  return Math.max(-1, Math.min(1, s));
}

function hex(rgb: readonly number[]) {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The colour of a value in [−1, 1] on the map's palette. */
export const tlColour = (score: number) =>
  hex(tlPalette[Math.round(((Math.max(-1, Math.min(1, score)) + 1) / 2) * (levels - 1))]);

/** The decision map as a PNG data URL. */
export function boundaryImage(
  grid: NonNullable<Snapshot['grid']>,
  loss: TrainingLabState['loss'],
): string {
  const { resolution, values } = grid;
  const indices = new Uint8Array(values.length);
  for (let k = 0; k < values.length; k++) {
    indices[k] = Math.round(((tlScore(values[k], loss) + 1) / 2) * (levels - 1));
  }
  return palettePng(indices, resolution, resolution, tlPalette);
}

// ---------------------------------------------------------------------------------------
// Words.

export function activationName(id: string): string {
  return activations[id]?.name ?? id;
}

/** "2-4-2-1 network (tanh, tanh; tanh output)". */
export function describeNetwork(state: TrainingLabState): string {
  const shape = [2, ...state.units, 1].join('-');
  const hidden = state.units.length
    ? state.activations.map(activationName).join(', ')
    : 'no hidden layer';
  return `${shape} network (${hidden}; ${state.output} output)`;
}

const pct = (v: number | null) =>
  v === null || Number.isNaN(v) ? 'n/a' : `${Math.round(100 * v)}%`;

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 0.001 || Math.abs(v) >= 1e5)) return v.toExponential(1);
  return v.toPrecision(3).replace(/\.?0+$/, '') || '0';
}

export function describeProgress(s: Pick<Snapshot, 'step' | 'epoch' | 'diverged'>): string {
  if (s.diverged) return `diverged at step ${s.diverged.step}`;
  return `epoch ${s.epoch}, step ${s.step}`;
}

export function describeBoundary(state: TrainingLabState, s: Snapshot): string {
  const counts = `${Math.round((tlLimits.samples * state.trainPercent) / 100)} training points (discs) and ${tlLimits.samples - Math.round((tlLimits.samples * state.trainPercent) / 100)} test points (ringed)`;
  const where = `${describeNetwork(state)} on ${tlDatasetLabel[state.dataset]}, ${describeProgress(s)}`;
  if (isRegression(state.dataset)) {
    return `Output of a ${where}: orange where it is near −1, blue near +1, grey near 0; ${counts}, coloured by their targets. Test loss ${fmt(s.testLoss)}.`;
  }
  return `Decision map of a ${where}: orange where it predicts −1, blue where it predicts +1, paler near the boundary; ${counts}. Training accuracy ${pct(s.trainAccuracy)}, test accuracy ${pct(s.testAccuracy)}.`;
}

export function describeLoss(history: TlHistoryPoint[]): string {
  const first = history[0];
  const last = history.at(-1);
  if (!first || !last) return 'No losses yet.';
  const now = `Training loss ${fmt(last.train)} and test loss ${fmt(last.test)} at step ${last.step} (epoch ${last.epoch})`;
  if (first === last) return `${now}, before any training.`;
  return `${now}, from ${fmt(first.train)} and ${fmt(first.test)} at step ${first.step}.`;
}

export function layerNames(state: TrainingLabState): string[] {
  const names = state.units.map(
    (u, i) => `layer ${i + 1}: ${u} ${activationName(state.activations[i])}`,
  );
  if (state.output !== 'identity') names.push(`output: ${activationName(state.output)}`);
  return names;
}

export function describeLayers(state: TrainingLabState, history: TlHistoryPoint[]): string {
  const last = history.at(-1);
  const names = layerNames(state);
  if (names.length === 0) return 'The network has no activation layer to probe.';
  if (!last || last.layers.length === 0) {
    return 'The probes report after the first training step: for each activation layer, the share of its values that are saturated (|f′| < 0.05) and the share of its units that are dead (zero on every point of the batch).';
  }
  const parts = last.layers.map(
    (l, i) => `${names[i]}, ${pct(l.saturated)} saturated, ${pct(l.dead)} of units dead`,
  );
  return `At step ${last.step}, on the last batch: ${parts.join('; ')}. Saturated means |f′| < 0.05; dead means zero on every point of the batch.`;
}

// ---------------------------------------------------------------------------------------
// Figures.

const style = { fontSize: '12px', background: 'transparent' };

/** The decision map (or regression surface) with the training and test points. */
export function boundaryFigure(
  state: TrainingLabState,
  points: TlPoint[],
  snapshot: Snapshot,
  width = 320,
): Plot.PlotOptions {
  const margin = { top: 8, right: 8, bottom: 34, left: 34 };
  const side = Math.max(180, Math.min(360, width - margin.left - margin.right));
  const [lo, hi] = tlLimits.extent;
  const regression = isRegression(state.dataset);
  const fill = (p: TlPoint) =>
    regression ? tlColour(p.value) : p.value > 0 ? 'var(--nl-series-1)' : 'var(--nl-series-2)';
  const marks: Plot.Markish[] = [];
  if (snapshot.grid) {
    // A grid value is the output at a grid point; the image's pixels are centred on them.
    const half = (hi - lo) / (snapshot.grid.resolution - 1) / 2;
    marks.push(
      Plot.image([{ x: (lo + hi) / 2, y: (lo + hi) / 2 }], {
        x: 'x',
        y: 'y',
        width: side * (1 + (2 * half) / (hi - lo)),
        height: side * (1 + (2 * half) / (hi - lo)),
        src: boundaryImage(snapshot.grid, state.loss),
        preserveAspectRatio: 'none',
        imageRendering: 'auto',
        opacity: 0.75,
        className: 'nl-boundary',
        ariaHidden: 'true',
      }),
    );
  }
  marks.push(
    Plot.dot(
      points.filter((p) => p.set === 'train'),
      {
        x: 'x',
        y: 'y',
        r: 2.6,
        fill,
        stroke: 'var(--sl-color-black)',
        strokeWidth: 0.8,
        className: 'nl-train-points',
        ariaHidden: 'true',
      },
    ),
    Plot.dot(
      points.filter((p) => p.set === 'test'),
      {
        x: 'x',
        y: 'y',
        r: 2.6,
        fill,
        stroke: 'var(--sl-color-white)',
        strokeWidth: 1.2,
        className: 'nl-test-points',
        ariaHidden: 'true',
      },
    ),
    Plot.frame({ stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
  );
  return {
    width: side + margin.left + margin.right,
    height: side + margin.top + margin.bottom,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    style,
    ariaLabel: regression ? 'Output of the network over the data' : 'Decision map with the data',
    ariaDescription: describeBoundary(state, snapshot),
    x: { label: 'x₁', labelAnchor: 'center', labelOffset: 30, domain: [lo, hi], ticks: 5 },
    y: { label: 'x₂', labelAnchor: 'center', domain: [lo, hi], ticks: 5 },
    marks,
  };
}

/** Training and test loss over the steps so far. */
export function lossFigure(history: TlHistoryPoint[], width = 320): Plot.PlotOptions {
  const rows = history
    .flatMap((h) => [
      { step: h.step, loss: h.train, set: 'training' },
      { step: h.step, loss: h.test, set: 'test' },
    ])
    .filter((r) => Number.isFinite(r.loss));
  const last = history.at(-1);
  const ends = last
    ? [
        { step: last.step, loss: last.train, set: 'training' },
        { step: last.step, loss: last.test, set: 'test' },
      ].filter((r) => Number.isFinite(r.loss))
    : [];
  const colour = (set: string) =>
    set === 'training' ? 'var(--nl-series-1)' : 'var(--nl-series-2)';
  const maxStep = Math.max(1, last?.step ?? 1);
  return {
    width,
    height: 170,
    marginLeft: 44,
    marginRight: 64,
    marginBottom: 34,
    style,
    ariaLabel: 'Training and test loss over the run',
    ariaDescription: describeLoss(history),
    x: {
      label: 'step',
      labelAnchor: 'center',
      labelOffset: 30,
      domain: [0, maxStep],
      ticks: 4,
      tickFormat: '~s',
    },
    y: { label: 'loss', grid: true, nice: true, zero: true, ticks: 4 },
    marks: [
      Plot.ruleY([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
      ...(['training', 'test'] as const).map((set) =>
        Plot.line(
          rows.filter((r) => r.set === set),
          {
            x: 'step',
            y: 'loss',
            stroke: colour(set),
            strokeWidth: 2,
            strokeDasharray: set === 'test' ? '5 3' : undefined,
            className: `nl-loss-${set}`,
            ariaHidden: 'true',
          },
        ),
      ),
      Plot.dot(ends, {
        x: 'step',
        y: 'loss',
        r: 2.5,
        fill: (r) => colour(r.set),
        ariaHidden: 'true',
      }),
      // Labels at the ends, the training one above and the test one below, so they stay
      // apart when the curves meet.
      ...(['training', 'test'] as const).map((set) =>
        Plot.text(
          ends.filter((r) => r.set === set),
          {
            x: 'step',
            y: 'loss',
            text: 'set',
            dx: 6,
            dy: set === 'training' ? -6 : 6,
            textAnchor: 'start',
            fill: 'currentColor',
            ariaHidden: 'true',
          },
        ),
      ),
    ],
  };
}

/** One panel per activation layer: saturated and dead fractions over the steps. */
export function layersFigure(
  state: TrainingLabState,
  history: TlHistoryPoint[],
  width = 320,
): Plot.PlotOptions {
  const names = layerNames(state);
  const rows = history
    .flatMap((h) =>
      h.layers.flatMap((l, i) => [
        { step: h.step, layer: names[i], value: l.saturated, kind: 'saturated' },
        { step: h.step, layer: names[i], value: l.dead, kind: 'dead units' },
      ]),
    )
    .filter((r) => r.layer !== undefined && Number.isFinite(r.value));
  const panels = Math.max(1, names.length);
  const last = history.at(-1);
  const colour = (kind: string) =>
    kind === 'saturated' ? 'var(--nl-series-4)' : 'var(--nl-series-5)';
  const panelNames = names.length ? names : ['no activation layer'];
  const marks: Plot.Markish[] = [
    Plot.frame({ stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
    // Each panel's title above its top-left corner.
    Plot.text(panelNames, {
      fy: (d) => d,
      text: (d) => d,
      frameAnchor: 'top-left',
      lineAnchor: 'bottom',
      dy: -3,
      fill: 'currentColor',
      ariaHidden: 'true',
    }),
    ...(['saturated', 'dead units'] as const).map((kind) =>
      Plot.line(
        rows.filter((r) => r.kind === kind),
        {
          x: 'step',
          y: 'value',
          fy: 'layer',
          stroke: colour(kind),
          strokeWidth: 1.8,
          strokeDasharray: kind === 'dead units' ? '4 2' : undefined,
          className: `nl-probe-${kind.replace(' ', '-')}`,
          ariaHidden: 'true',
        },
      ),
    ),
  ];
  if (rows.length === 0) {
    marks.push(
      Plot.text([names.length ? 'no probes before the first step' : 'no activation layer'], {
        frameAnchor: 'middle',
        fill: 'currentColor',
        ariaHidden: 'true',
      }),
    );
  } else {
    // Latest values as labels at the right of each panel.
    const ends = rows.filter((r) => r.step === last?.step);
    for (const kind of ['saturated', 'dead units'] as const) {
      marks.push(
        Plot.text(
          ends.filter((r) => r.kind === kind),
          {
            x: 'step',
            y: 'value',
            fy: 'layer',
            text: (r) => `${kind} ${Math.round(100 * r.value)}%`,
            dx: 4,
            dy: kind === 'saturated' ? -5 : 5,
            textAnchor: 'start',
            fill: colour(kind),
            ariaHidden: 'true',
          },
        ),
      );
    }
  }
  return {
    width,
    height: 28 + 64 * panels,
    marginLeft: 44,
    marginRight: 108,
    marginTop: 18,
    marginBottom: 30,
    style,
    ariaLabel: 'Saturated and dead fractions per activation layer',
    ariaDescription: describeLayers(state, history),
    x: {
      label: 'step',
      labelAnchor: 'center',
      labelOffset: 28,
      domain: [0, Math.max(1, last?.step ?? 1)],
      ticks: 4,
      tickFormat: '~s',
    },
    y: { label: null, domain: [0, 1], ticks: 2, tickFormat: '.0%', grid: true },
    fy: { domain: panelNames, axis: null, padding: 0.4 },
    marks,
  };
}
