// Figures of the dead-ReLU lab: for each of the five runs a state describes (see
// dead-relu-lab-state.ts), the number of dead units in each hidden layer, epoch by epoch,
// and the training loss. Pure: plain data in, Plot options out. The runs are built here
// exactly as the worker's TrainingSession builds them (the same draws from the same seed in
// the same order), so the build can draw the initial networks and tests can train them.
//
// "Dead" is the engine's epoch-level probe (src/lib/nn/probes.ts, deadEpoch): a unit is dead
// in an epoch when its output was exactly 0 on every training sample of that epoch, the
// weights changing from batch to batch as they train. Before training (epoch 0) it is the
// same test with the initial weights over the whole training set.

import * as Plot from '@observablehq/plot';
import { type Dataset, makeDataset, split } from '../../lib/data/index.ts';
import { ActivationLayer } from '../../lib/nn/activation-layer.ts';
import { Network, type NetworkConfig } from '../../lib/nn/network.ts';
import { type LayerProbe, Probes } from '../../lib/nn/probes.ts';
import { type Divergence, Trainer } from '../../lib/nn/trainer.ts';
import { seeded } from '../../lib/random/index.ts';
import type { SessionConfig, Snapshot } from '../workers/training-session.ts';
import {
  type DeadReluLabState,
  type DrVariant,
  type DrVariantId,
  describeCause,
  drDatasetLabel,
  drLimits,
  drVariants,
  signed,
} from './dead-relu-lab-state.ts';

export * from './dead-relu-lab-state.ts';

/**
 * Dense and the variant's activation per hidden layer, then one output unit (a logit). With
 * a starting bias, every hidden Dense layer starts with all its biases at it.
 */
export function drNetworkConfig(state: DeadReluLabState, variant: DrVariant): NetworkConfig {
  const layers: NetworkConfig['layers'] = [];
  // The 'rate' cause's runs have no bias key at all: their configs are as they always were.
  const dense = variant.bias === undefined ? {} : { bias: variant.bias };
  for (let i = 0; i < state.layers; i++) {
    layers.push(
      { type: 'dense', units: state.units, ...dense },
      { type: 'activation', id: variant.activation },
    );
  }
  layers.push({ type: 'dense', units: 1 });
  return { inputs: 2, init: variant.init, layers };
}

/** What a variant's worker session is configured with: plain SGD, BCE on the logit. */
export function drSessionConfig(state: DeadReluLabState, variant: DrVariant): SessionConfig {
  return {
    seed: state.seed,
    network: drNetworkConfig(state, variant),
    data: {
      name: state.dataset,
      n: drLimits.samples,
      noise: 0,
      trainFraction: drLimits.trainFraction,
    },
    loss: 'bce-logits',
    optimiser: { type: 'sgd', learningRate: variant.learningRate },
    batchSize: drLimits.batchSize,
    probes: true,
    grid: null,
  };
}

export interface DrRun {
  variant: DrVariant;
  network: Network;
  trainer: Trainer;
  probes: Probes;
  train: Dataset;
  test: Dataset;
}

/** A variant's run built synchronously, bit for bit as the session builds it. */
export function drRun(state: DeadReluLabState, variant: DrVariant): DrRun {
  const config = drSessionConfig(state, variant);
  const source = seeded(config.seed);
  const network = new Network(config.network, source);
  const { train, test } = split(
    makeDataset(config.data.name, config.data.n, config.data.noise, source),
    config.data.trainFraction ?? 0.5,
    source,
  );
  // BCE with logits takes {0, 1} targets; the sets label the classes ±1.
  for (const part of [train, test]) part.y = Float64Array.from(part.y, (t) => (t > 0 ? 1 : 0));
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
  return { variant, network, trainer, probes, train, test };
}

/**
 * Dead units per hidden layer with the network's current weights: units whose output is
 * exactly 0 on every training sample (one forward pass in evaluation mode).
 */
export function drDeadNow(run: DrRun): number[] {
  const { network, train } = run;
  network.forward(train.x, false);
  const counts: number[] = [];
  for (const layer of network.layers) {
    if (!(layer instanceof ActivationLayer)) continue;
    const m = layer.outputSize;
    const y = layer.y;
    const live = new Uint8Array(m);
    for (let i = 0; i < y.length; i++) live[i % m] |= +(y[i] !== 0);
    counts.push(m - live.reduce((a, b) => a + b, 0));
  }
  return counts;
}

/** One row of a run's history: the state at the end of an epoch (0: before training). */
export interface DrPoint {
  epoch: number;
  step: number;
  trainLoss: number;
  testLoss: number;
  testAccuracy: number | null;
  /** Dead units per hidden layer in that epoch (epoch 0: with the initial weights). */
  dead: number[];
}

export interface DrHistory {
  id: DrVariantId;
  points: DrPoint[];
  diverged: Divergence | null;
}

function accuracy(run: DrRun, data: Dataset): number {
  const yhat = run.network.predict(data.x);
  let right = 0;
  for (let i = 0; i < data.n; i++) right += +((yhat[i] >= 0 ? 1 : 0) === data.y[i]);
  return right / data.n;
}

/** The first point of a run: its losses and dead units before any training. */
export function drInitialPoint(run: DrRun): DrPoint {
  const { trainer } = run;
  return {
    epoch: 0,
    step: 0,
    trainLoss: trainer.evaluate(run.train),
    testLoss: trainer.evaluate(run.test),
    testAccuracy: accuracy(run, run.test),
    dead: drDeadNow(run),
  };
}

/** Dead units per hidden layer from the probes' epoch-level fractions. */
export function drDeadFromProbes(probes: LayerProbe[] | null, units: number): number[] | null {
  if (!probes) return null;
  const dead: number[] = [];
  for (const p of probes) {
    const a = p.activation;
    if (!a || a.deadEpoch === null || !Number.isFinite(a.deadEpoch)) continue;
    dead.push(Math.round(a.deadEpoch * units));
  }
  return dead.length ? dead : null;
}

/**
 * The history with a snapshot taken at the end of an epoch added: a new point if the run
 * completed an epoch past the last one, its divergence if it diverged. Anything else (a
 * snapshot from the middle of an epoch, an old one) leaves the history as it was.
 */
export function drAppend(history: DrHistory, s: Snapshot, units: number): DrHistory {
  if (s.diverged) {
    return history.diverged ? history : { ...history, diverged: s.diverged };
  }
  const last = history.points.at(-1);
  if (last && s.epoch <= last.epoch) return history;
  const dead = drDeadFromProbes(s.probes, units);
  if (!dead || s.epoch < 1) return history;
  return {
    ...history,
    points: [
      ...history.points,
      {
        epoch: s.epoch,
        step: s.step,
        trainLoss: s.trainLoss,
        testLoss: s.testLoss,
        testAccuracy: s.testAccuracy,
        dead,
      },
    ],
  };
}

/** The point of a synchronous run after an epoch, as drAppend makes it from a snapshot. */
export function drEpochPoint(run: DrRun): DrPoint | null {
  const dead = drDeadFromProbes(run.probes.read(), run.network.layers[0].outputSize);
  if (!dead || run.trainer.diverged) return null;
  return {
    epoch: run.trainer.epochs,
    step: run.trainer.steps,
    trainLoss: run.trainer.evaluate(run.train),
    testLoss: run.trainer.evaluate(run.test),
    testAccuracy: accuracy(run, run.test),
    dead,
  };
}

/** The histories before training: one point per run, at epoch 0. */
export function drInitialHistories(state: DeadReluLabState): DrHistory[] {
  return drVariants(state).map((v) => ({
    id: v.id,
    points: [drInitialPoint(drRun(state, v))],
    diverged: null,
  }));
}

/** Trains every run for `epochs` epochs here, synchronously (tests, scripts). */
export function drTrain(state: DeadReluLabState, epochs = state.epochs): DrHistory[] {
  return drVariants(state).map((v) => {
    const run = drRun(state, v);
    const history: DrHistory = { id: v.id, points: [drInitialPoint(run)], diverged: null };
    for (let e = 0; e < epochs; e++) {
      run.trainer.epoch();
      if (run.trainer.diverged) {
        history.diverged = run.trainer.diverged;
        break;
      }
      const point = drEpochPoint(run);
      if (point) history.points.push(point);
    }
    return history;
  });
}

// ---------------------------------------------------------------------------------------
// Words.

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 0.001 || Math.abs(v) >= 1e5)) return v.toExponential(1);
  return v.toPrecision(3).replace(/\.?0+$/, '') || '0';
}

const pct = (v: number | null) =>
  v === null || Number.isNaN(v) ? 'n/a' : `${Math.round(100 * v)}%`;

export function describeNetwork(state: DeadReluLabState): string {
  const shape = [2, ...Array(state.layers).fill(state.units), 1].join('-');
  return `a ${shape} network on the ${drDatasetLabel[state.dataset]} data (${Math.round(drLimits.samples * drLimits.trainFraction)} training points, batches of ${drLimits.batchSize}, plain SGD, seed ${state.seed})`;
}

export interface DrRow {
  id: DrVariantId;
  label: string;
  setting: string;
  epoch: string;
  trainLoss: string;
  testAccuracy: string;
  dead: string;
  status: string;
}

/** The table of current numbers, one row per run: the figures' text alternative. */
export function drRows(state: DeadReluLabState, histories: DrHistory[]): DrRow[] {
  const variants = drVariants(state);
  const total = state.layers * state.units;
  return variants.map((v) => {
    const h = histories.find((x) => x.id === v.id);
    const last = h?.points.at(-1);
    const deadTotal = last ? last.dead.reduce((a, b) => a + b, 0) : 0;
    return {
      id: v.id,
      label: v.label,
      setting: `${v.init === 'he-uniform' ? 'He' : 'Glorot'} uniform, ${v.bias === undefined ? '' : `bias ${signed(v.bias)}, `}rate ${v.learningRate}`,
      epoch: last ? String(last.epoch) : '–',
      trainLoss: last ? fmt(last.trainLoss) : '–',
      testAccuracy: last ? pct(last.testAccuracy) : '–',
      dead: last ? `${last.dead.join(', ')} (${deadTotal} of ${total})` : '–',
      status: h?.diverged ? `diverged at step ${h.diverged.step}` : '',
    };
  });
}

/** One sentence per run: where it is, its loss and its dead units. */
export function describeRuns(state: DeadReluLabState, histories: DrHistory[]): string {
  const rows = drRows(state, histories);
  const started = histories.some((h) => h.points.length > 1 || h.diverged);
  const head = started
    ? `Five runs of ${describeNetwork(state)}.`
    : `Five runs of ${describeNetwork(state)}, before training; press Play to train each for ${state.epochs} epochs.`;
  // The rate cause's text is as it always was; the bias cause says what its runs are.
  const cause = state.cause === 'bias' ? ` ${describeCause(state)}` : '';
  const parts = rows.map((r) => {
    const where = r.status ? `${r.status} after epoch ${r.epoch}` : `epoch ${r.epoch}`;
    return `${r.label} (${r.setting}): ${where}, training loss ${r.trainLoss}, dead units per layer ${r.dead}.`;
  });
  return `${head}${cause} ${parts.join(' ')}`;
}

// ---------------------------------------------------------------------------------------
// Figures.

const style = { fontSize: '12px', background: 'transparent' };

/** Each run's colour, the same in both figures and in the legend. */
export const drColour: Record<DrVariantId, string> = {
  relu: 'var(--nl-series-2)',
  'leaky-relu': 'var(--nl-series-1)',
  prelu: 'var(--nl-series-4)',
  elu: 'var(--nl-series-3)',
  he: 'var(--nl-series-5)',
};

/** "73/96 dead", with the divergence if any: each panel's label at the top right. */
export function drTotalText(state: DeadReluLabState, h: DrHistory): string {
  const last = h.points.at(-1);
  const total = last ? last.dead.reduce((a, b) => a + b, 0) : 0;
  const tail = h.diverged ? ` · diverged (step ${h.diverged.step})` : '';
  return `${total}/${state.layers * state.units} dead${tail}`;
}

interface Cell {
  run: string;
  layer: string;
  x1: number;
  x2: number;
  fraction: number;
}

/**
 * One panel per run, one row per hidden layer, one column per epoch: the darker the cell,
 * the more of that layer's units were dead in that epoch. The column left of 0 is the
 * initial network. At the right, the dead units of the last epoch shown.
 * A running lab adds the cells of new epochs in place, as this draws them (a rect from
 * epoch − 1 to epoch over the layer's band, its fill-opacity the dead fraction).
 */
export function deadFigure(
  state: DeadReluLabState,
  histories: DrHistory[],
  width = 560,
): Plot.PlotOptions {
  const variants = drVariants(state);
  const labels = variants.map((v) => v.label);
  const layerNames = Array.from({ length: state.layers }, (_, i) => String(i + 1));
  const cells: Cell[] = [];
  const ends: { run: string; text: string; id: DrVariantId }[] = [];
  for (const v of variants) {
    const h = histories.find((x) => x.id === v.id);
    for (const p of h?.points ?? []) {
      p.dead.forEach((d, i) => {
        cells.push({
          run: v.label,
          layer: layerNames[i],
          x1: p.epoch - 1,
          x2: p.epoch,
          fraction: d / state.units,
        });
      });
    }
    if (h) ends.push({ run: v.label, text: drTotalText(state, h), id: v.id });
  }
  const rowHeight = 11;
  const panel = rowHeight * state.layers;
  return {
    width,
    height: variants.length * (panel + 26) + 40,
    marginLeft: 40,
    marginRight: 8,
    marginTop: 20,
    marginBottom: 34,
    style,
    ariaLabel: 'Dead units per hidden layer, epoch by epoch, for each of the five runs',
    ariaDescription: describeRuns(state, histories),
    x: {
      label: 'epoch',
      labelAnchor: 'center',
      labelOffset: 30,
      domain: [-1, state.epochs],
      ticks: 5,
    },
    y: { domain: layerNames, label: 'layer', labelAnchor: 'center', tickSize: 0, padding: 0.06 },
    fy: { domain: labels, axis: null, padding: 26 / (panel + 26) },
    opacity: { domain: [0, 1], range: [0, 1] },
    marks: [
      Plot.rect(cells, {
        x1: 'x1',
        x2: 'x2',
        y: 'layer',
        fy: 'run',
        fill: 'var(--nl-series-2)',
        fillOpacity: 'fraction',
        inset: 0,
        className: 'nl-dead-cells',
        ariaHidden: 'true',
      }),
      Plot.frame({ stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
      Plot.ruleX([0], { stroke: 'var(--nl-axis)', strokeDasharray: '2 2', ariaHidden: 'true' }),
      Plot.text(labels, {
        fy: (d) => d,
        text: (d) => d,
        frameAnchor: 'top-left',
        lineAnchor: 'bottom',
        dy: -4,
        fontWeight: 600,
        fill: 'currentColor',
        ariaHidden: 'true',
      }),
      Plot.text(ends, {
        fy: 'run',
        text: 'text',
        frameAnchor: 'top-right',
        lineAnchor: 'bottom',
        dy: -4,
        fill: 'currentColor',
        className: 'nl-dead-totals',
        ariaHidden: 'true',
      }),
    ],
  };
}

/** Loss values are drawn between these (log scale); anything beyond sits on the edge. */
export const drLossDomain: [number, number] = [1e-4, 10];

/** Training loss per epoch, one line per run, on a log scale; ln 2 marked. */
export function lossFigure(
  state: DeadReluLabState,
  histories: DrHistory[],
  width = 560,
): Plot.PlotOptions {
  const variants = drVariants(state);
  const [lo, hi] = drLossDomain;
  // A loss that overflowed to NaN is drawn at the top edge, like one beyond it.
  const clamp = (v: number) => (Number.isNaN(v) ? hi : Math.min(hi, Math.max(lo, v)));
  const rows = variants.flatMap((v) => {
    const h = histories.find((x) => x.id === v.id);
    return (h?.points ?? [])
      .filter((p) => !Number.isNaN(p.trainLoss))
      .map((p) => ({ id: v.id, epoch: p.epoch, loss: clamp(p.trainLoss) }));
  });
  const diverged = variants.flatMap((v) => {
    const h = histories.find((x) => x.id === v.id);
    const last = h?.points.at(-1);
    return h?.diverged && last
      ? [{ id: v.id, epoch: last.epoch, loss: clamp(last.trainLoss) }]
      : [];
  });
  return {
    width,
    height: 220,
    marginLeft: 50,
    marginRight: 12,
    marginBottom: 34,
    style,
    ariaLabel: 'Training loss per epoch for each of the five runs',
    ariaDescription: describeRuns(state, histories),
    x: {
      label: 'epoch',
      labelAnchor: 'center',
      labelOffset: 30,
      domain: [0, state.epochs],
      ticks: 5,
    },
    y: {
      type: 'log',
      domain: [lo, hi],
      label: 'training loss',
      grid: true,
      ticks: 5,
      tickFormat: (d: number) => String(d),
    },
    marks: [
      Plot.ruleY([Math.LN2], {
        stroke: 'var(--nl-axis)',
        strokeDasharray: '4 3',
        ariaHidden: 'true',
      }),
      Plot.text([Math.LN2], {
        x: state.epochs,
        y: (d) => d,
        text: () => 'ln 2',
        textAnchor: 'end',
        dx: -2,
        dy: 9,
        fill: 'currentColor',
        ariaHidden: 'true',
      }),
      ...variants.map((v) =>
        Plot.line(
          rows.filter((r) => r.id === v.id),
          {
            x: 'epoch',
            y: 'loss',
            stroke: drColour[v.id],
            strokeWidth: 2,
            strokeDasharray: v.id === 'he' ? '6 3' : undefined,
            className: `nl-loss-${v.id}`,
            ariaHidden: 'true',
          },
        ),
      ),
      Plot.dot(diverged, {
        x: 'epoch',
        y: 'loss',
        symbol: 'times',
        r: 5,
        strokeWidth: 2.5,
        stroke: (d) => drColour[d.id as DrVariantId],
        ariaHidden: 'true',
      }),
    ],
  };
}
