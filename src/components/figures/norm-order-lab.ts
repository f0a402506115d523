// Figures of the normalisation-order lab: five deep networks trained side by side on the
// same data from the same initial weights (a plain MLP, BatchNorm before and after the
// activation, residual blocks with post- and pre-norm). The training loss of each over the
// steps; per layer, the standard deviation of the activations' inputs and the norm of the
// dense layers' gradients, at initialisation and now. Pure: plain data in, Plot options
// out. Each run is built here too (nolRun), exactly as the worker's TrainingSession builds
// it, so the build can draw the initial state and tests can train synchronously.

import * as Plot from '@observablehq/plot';
import { type Dataset, makeDataset, split } from '../../lib/data/index.ts';
import type { LayerSpec, NetworkConfig } from '../../lib/nn/network.ts';
import { Network } from '../../lib/nn/network.ts';
import { type LayerProbe, Probes } from '../../lib/nn/probes.ts';
import { Trainer } from '../../lib/nn/trainer.ts';
import { seeded } from '../../lib/random/index.ts';
import type { SessionConfig, Snapshot } from '../workers/training-session.ts';
import {
  hiddenLayers,
  type NolRun,
  type NormOrderLabState,
  nolActivationLabel,
  nolDatasetLabel,
  nolInitLabel,
  nolLimits,
  nolRuns,
  runLabel,
} from './norm-order-lab-state.ts';

export * from './norm-order-lab-state.ts';

/**
 * The network of one run. Every run has the same dense layers in the same order (2 → 16,
 * then 2·blocks of 16 → 16, then 16 → 1), so one seed draws the same initial weights for
 * all five; norms draw nothing.
 *   plain:  [Linear, act] × L
 *   bn-act: [Linear, BN, act] × L
 *   act-bn: [Linear, act, BN] × L
 *   post:   Linear, then blocks y = norm(x + F(x)), F = Linear, act, Linear
 *   pre:    Linear, then blocks y = x + F(norm(x)), then a final norm (as Pre-LN
 *           Transformers have), F the same
 * and a last Linear to one logit.
 */
export function nolNetworkConfig(state: NormOrderLabState, run: NolRun): NetworkConfig {
  const { width } = nolLimits;
  const act: LayerSpec = { type: 'activation', id: state.activation };
  const layers: LayerSpec[] = [];
  if (run === 'plain' || run === 'bn-act' || run === 'act-bn') {
    for (let i = 0; i < hiddenLayers(state.blocks); i++) {
      layers.push({ type: 'dense', units: width });
      if (run === 'bn-act') layers.push({ type: 'batch-norm' });
      layers.push(act);
      if (run === 'act-bn') layers.push({ type: 'batch-norm' });
    }
  } else {
    layers.push({ type: 'dense', units: width });
    for (let b = 0; b < state.blocks; b++) {
      layers.push({
        type: 'residual',
        norm: run,
        normType: state.residualNorm,
        branch: [{ type: 'dense', units: width }, act, { type: 'dense', units: width }],
      });
    }
    if (run === 'pre') layers.push({ type: state.residualNorm });
  }
  layers.push({ type: 'dense', units: 1 });
  return { inputs: 2, init: state.init, layers };
}

/** What a worker's session is configured with for one run. */
export function nolSessionConfig(state: NormOrderLabState, run: NolRun): SessionConfig {
  return {
    seed: state.seed,
    network: nolNetworkConfig(state, run),
    data: {
      name: state.dataset,
      n: nolLimits.samples,
      noise: nolLimits.noise,
      trainFraction: 0.5,
    },
    loss: 'bce-logits',
    optimiser: {
      type: 'sgd',
      learningRate: state.learningRate,
      momentum: nolLimits.momentum,
    },
    batchSize: state.batchSize,
    shuffle: true,
    grid: null,
  };
}

export interface NolSyncRun {
  network: Network;
  trainer: Trainer;
  probes: Probes;
  train: Dataset;
  test: Dataset;
}

/**
 * One run built synchronously, as the session builds it: the network from the seed's
 * source, then the data, the split and the shuffles from the same source, so the same
 * weights, points and batches, bit for bit.
 */
export function nolRun(state: NormOrderLabState, run: NolRun): NolSyncRun {
  const config = nolSessionConfig(state, run);
  const source = seeded(config.seed);
  const network = new Network(config.network, source);
  const { train, test } = split(
    makeDataset(config.data.name, config.data.n, config.data.noise, source),
    config.data.trainFraction ?? 0.5,
    source,
  );
  for (const part of [train, test]) part.y = Float64Array.from(part.y, (t) => (t > 0 ? 1 : 0));
  const probes = new Probes(network);
  const trainer = new Trainer({
    network,
    data: train,
    loss: config.loss,
    optimiser: config.optimiser,
    batchSize: config.batchSize,
    shuffle: config.shuffle,
    source,
    observer: probes,
  });
  return { network, trainer, probes, train, test };
}

function accuracy(run: NolSyncRun, data: Dataset): number | null {
  if (!data.labels) return null;
  const yhat = run.network.predict(data.x);
  let right = 0;
  for (let i = 0; i < data.n; i++) right += +((yhat[i] >= 0 ? 1 : 0) === data.labels[i]);
  return right / data.n;
}

/** A snapshot of a synchronous run, shaped as the session's. */
export function nolSnapshot(run: NolSyncRun): Snapshot {
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
    grid: null,
  };
}

// ---------------------------------------------------------------------------------------
// Per-layer statistics from the probes.

export interface NolPoint {
  /** Position in depth: the index (1-based) of the dense layer, or of the dense layer that
   * feeds the activation. */
  layer: number;
  value: number;
}

export interface NolLayerStats {
  /** Standard deviation of each activation layer's input over the batch. */
  std: NolPoint[];
  /** ‖∂L/∂θ‖ of each dense layer (weights and bias) on the batch. */
  grad: NolPoint[];
}

/** The probes as per-layer points; positions count dense layers in forward order. */
export function layerStats(probes: LayerProbe[] | null): NolLayerStats {
  const stats: NolLayerStats = { std: [], grad: [] };
  if (!probes) return stats;
  let dense = 0;
  for (const p of probes) {
    if (p.type === 'dense') {
      dense++;
      if (p.gradNorm !== undefined) stats.grad.push({ layer: dense, value: p.gradNorm });
    } else if (p.type === 'activation' && p.activation) {
      stats.std.push({ layer: dense, value: p.activation.std });
    }
  }
  return stats;
}

/** One run at its start: the losses before any update and the probes of its first step,
 * which the engine records on the initial weights before the update. */
export interface NolInitial {
  trainLoss: number;
  testLoss: number;
  stats: NolLayerStats;
}

export function nolInitial(state: NormOrderLabState, run: NolRun): NolInitial {
  const r = nolRun(state, run);
  const trainLoss = r.trainer.evaluate(r.train);
  const testLoss = r.trainer.evaluate(r.test);
  r.trainer.step();
  return { trainLoss, testLoss, stats: layerStats(r.probes.read()) };
}

// ---------------------------------------------------------------------------------------
// The history of the five runs, advanced in lockstep.

export interface NolRunStatus {
  train: number;
  test: number;
  testAccuracy: number | null;
  diverged: number | null;
}

export interface NolHistoryPoint {
  step: number;
  /** Training loss of each run (NaN once diverged), in nolRuns order. */
  train: number[];
}

export const NOL_HISTORY_MAX = 240;

/** The history with the snapshots of a round appended (a new step only), thinned. */
export function appendHistory(
  history: NolHistoryPoint[],
  step: number,
  snapshots: Snapshot[],
): NolHistoryPoint[] {
  const last = history.at(-1);
  if (last && last.step >= step) return history;
  const next = [
    ...history,
    { step, train: snapshots.map((s) => (s.diverged ? Number.NaN : s.trainLoss)) },
  ];
  if (next.length <= NOL_HISTORY_MAX) return next;
  return next.filter((_, i) => i === 0 || i === next.length - 1 || i % 2 === 0);
}

export function runStatus(s: Snapshot): NolRunStatus {
  return {
    train: s.trainLoss,
    test: s.testLoss,
    testAccuracy: s.testAccuracy,
    diverged: s.diverged ? s.diverged.step : null,
  };
}

// ---------------------------------------------------------------------------------------
// Words.

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 0.001 || Math.abs(v) >= 1e4)) return v.toExponential(1);
  return v
    .toPrecision(3)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

const pct = (v: number | null) =>
  v === null || Number.isNaN(v) ? 'n/a' : `${Math.round(100 * v)}%`;

export function describeSetup(state: NormOrderLabState): string {
  const L = hiddenLayers(state.blocks);
  return `${L} hidden layers of ${nolLimits.width} ${nolActivationLabel[state.activation]} units (${state.blocks} residual blocks), ${nolInitLabel[state.init]} initialisation, SGD with momentum ${nolLimits.momentum} at learning rate ${state.learningRate}, batches of ${state.batchSize}, on ${nolDatasetLabel[state.dataset]}`;
}

export function describeRuns(
  state: NormOrderLabState,
  step: number,
  status: NolRunStatus[],
): string {
  const parts = nolRuns.map((run, i) => {
    const s = status[i];
    if (!s) return `${runLabel(run, state)}: not started`;
    if (s.diverged !== null) return `${runLabel(run, state)}: diverged at step ${s.diverged}`;
    return `${runLabel(run, state)}: training loss ${fmt(s.train)}, test accuracy ${pct(s.testAccuracy)}`;
  });
  return `At step ${step}: ${parts.join('; ')}.`;
}

export function describeLoss(state: NormOrderLabState, history: NolHistoryPoint[]): string {
  const first = history[0];
  const last = history.at(-1);
  if (!first || !last) return 'No losses yet.';
  const parts = nolRuns.map((run, i) => {
    const now = last.train[i];
    return `${runLabel(run, state)} ${Number.isNaN(now) ? 'diverged' : fmt(now)}`;
  });
  const when = first === last ? 'before any training' : `at step ${last.step}`;
  return `Training loss (binary cross-entropy over the ${nolLimits.samples / 2} training points, in evaluation mode) ${when}: ${parts.join(', ')}. All five start at about ${fmt(first.train[0])}, the loss of a guess.`;
}

function range(points: NolPoint[]): string {
  const v = points.map((p) => p.value).filter(Number.isFinite);
  if (v.length === 0) return 'n/a';
  return `${fmt(Math.min(...v))} to ${fmt(Math.max(...v))}`;
}

function ends(points: NolPoint[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 'n/a';
  return `${fmt(first.value)} at layer ${first.layer}, ${fmt(last.value)} at layer ${last.layer}`;
}

export type NolKind = keyof NolLayerStats;

const kindWords: Record<NolKind, string> = {
  std: 'Standard deviation of each activation’s input',
  grad: 'Gradient norm of each dense layer’s weights and bias',
};

export function describeLayers(
  state: NormOrderLabState,
  kind: NolKind,
  initial: NolLayerStats[],
  now: { step: number; stats: NolLayerStats[] } | null,
): string {
  const part = (stats: NolLayerStats[]) =>
    nolRuns
      .map((run, i) => {
        const points = stats[i]?.[kind] ?? [];
        return `${runLabel(run, state)} ${kind === 'grad' ? ends(points) : range(points)}`;
      })
      .join('; ');
  const at = `${kindWords[kind]} on one batch, at initialisation: ${part(initial)}.`;
  if (!now) return `${at} Press Play to see it during training.`;
  return `${at} At step ${now.step}: ${part(now.stats)}.`;
}

// ---------------------------------------------------------------------------------------
// Plots.

const style = { fontSize: '12px', background: 'transparent' };
const dashes = [undefined, '6 3', '2 3', '8 3 2 3', '1 0'];
export const nolColour = (i: number) => `var(--nl-series-${i + 1})`;
const symbols = ['circle', 'square', 'triangle', 'diamond', 'star'] as const;

/** Training loss of the five runs over the steps, on a log scale. */
export function lossFigure(
  state: NormOrderLabState,
  history: NolHistoryPoint[],
  width = 480,
): Plot.PlotOptions {
  const floor = 1e-4;
  const rows = history.flatMap((h) =>
    h.train.map((loss, i) => ({ step: h.step, loss: Math.max(floor, loss), run: i })),
  );
  const finite = rows.filter((r) => Number.isFinite(r.loss));
  const last = history.at(-1);
  const maxStep = Math.max(10, last?.step ?? 0);
  return {
    width,
    height: 220,
    marginLeft: 48,
    marginRight: 12,
    marginBottom: 36,
    style,
    ariaLabel: 'Training loss of the five networks over the steps',
    ariaDescription: describeLoss(state, history),
    x: {
      label: 'step',
      labelAnchor: 'center',
      labelOffset: 32,
      domain: [0, maxStep],
      ticks: 5,
      tickFormat: '~s',
    },
    y: { type: 'log', label: 'training loss', grid: true, domain: [floor, 2], ticks: 4 },
    marks: [
      ...nolRuns.map((_, i) =>
        Plot.line(
          finite.filter((r) => r.run === i),
          {
            x: 'step',
            y: 'loss',
            stroke: nolColour(i),
            strokeWidth: 2,
            strokeDasharray: dashes[i],
            className: `nol-loss-${i}`,
            ariaHidden: 'true',
          },
        ),
      ),
      Plot.dot(last ? last.train.map((loss, i) => ({ step: last.step, loss, run: i })) : [], {
        filter: (d) => Number.isFinite(d.loss),
        x: 'step',
        y: (d) => Math.max(floor, d.loss),
        symbol: (d: { run: number }) => symbols[d.run],
        fill: (d: { run: number }) => nolColour(d.run),
        r: 3.5,
        ariaHidden: 'true',
      }),
    ],
  };
}

/**
 * Per layer, at initialisation and now, side by side: the activations' input standard
 * deviation or the dense layers' gradient norms of the five runs, on a log scale.
 */
export function layersFigure(
  state: NormOrderLabState,
  kind: NolKind,
  initial: NolLayerStats[],
  now: { step: number; stats: NolLayerStats[] } | null,
  width = 480,
): Plot.PlotOptions {
  const panels = ['at initialisation', now ? `at step ${now.step}` : 'now: press Play'];
  const rows = [
    ...initial.flatMap((s, run) => s[kind].map((p) => ({ ...p, run, panel: panels[0] }))),
    ...(now?.stats ?? []).flatMap((s, run) =>
      s[kind].map((p) => ({ ...p, run, panel: panels[1] })),
    ),
  ].filter((r) => Number.isFinite(r.value) && r.value > 0);
  const values = rows.map((r) => r.value);
  const lo = values.length ? Math.min(...values) : 0.1;
  const hi = values.length ? Math.max(...values) : 10;
  const layers = hiddenLayers(state.blocks) + 1;
  return {
    width,
    height: 230,
    marginLeft: 52,
    marginRight: 12,
    marginBottom: 36,
    marginTop: 22,
    style,
    ariaLabel:
      kind === 'std'
        ? 'Standard deviation of the activations’ inputs per layer, at initialisation and now'
        : 'Gradient norm per dense layer, at initialisation and now',
    ariaDescription: describeLayers(state, kind, initial, now),
    fx: { domain: panels, label: null, padding: 0.12 },
    x: {
      label: 'layer',
      labelAnchor: 'center',
      labelOffset: 32,
      domain: [1, layers + 1],
      ticks: 4,
    },
    y: {
      type: 'log',
      label: kind === 'std' ? 'std of input' : '‖∂L/∂θ‖',
      grid: true,
      domain: [Math.min(lo, hi / 10) / 1.5, Math.max(hi, lo * 10) * 1.5],
      ticks: 4,
      tickFormat: '~g',
    },
    marks: [
      Plot.frame({ stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
      ...nolRuns.map((_, i) =>
        Plot.line(
          rows.filter((r) => r.run === i),
          {
            x: 'layer',
            y: 'value',
            fx: 'panel',
            stroke: nolColour(i),
            strokeWidth: 1.8,
            strokeDasharray: dashes[i],
            className: `nol-${kind}-${i}`,
            ariaHidden: 'true',
          },
        ),
      ),
      Plot.dot(rows, {
        x: 'layer',
        y: 'value',
        fx: 'panel',
        symbol: (d: { run: number }) => symbols[d.run],
        fill: (d: { run: number }) => nolColour(d.run),
        r: 2.5,
        ariaHidden: 'true',
      }),
    ],
  };
}

/** The legend's entries: label, colour, dash and symbol of each run. */
export function legend(state: NormOrderLabState) {
  return nolRuns.map((run, i) => ({
    run,
    label: runLabel(run, state),
    colour: nolColour(i),
    dash: dashes[i] ?? '',
    symbol: symbols[i],
  }));
}
