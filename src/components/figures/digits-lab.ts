// Figures of the digits lab: for each run a state describes (see digits-lab-state.ts), the
// test accuracy and loss as it trains, the confusion matrix of the test digits, the
// fraction of active units per hidden layer, and the probabilities the networks give a
// digit the reader draws. Pure: plain data in, Plot options out. The networks are built
// here exactly as the worker's TrainingSession builds them (the same draws from the same
// seed), so the build can draw the untrained networks on the real test digits and tests can
// train them.

import * as Plot from '@observablehq/plot';
import { vectors } from '../../lib/activations/index.ts';
import type { Digits } from '../../lib/data/digits.ts';
import { losses } from '../../lib/nn/losses.ts';
import { Network, type NetworkConfig } from '../../lib/nn/network.ts';
import type { Divergence } from '../../lib/nn/trainer.ts';
import { seeded } from '../../lib/random/index.ts';
import { confusionCounts, evaluateRows, predictedClass } from '../workers/grids.ts';
import type { Confusion, SessionConfig, Snapshot } from '../workers/training-session.ts';
import {
  type DigitsLabState,
  type DlActivation,
  dlActivationLabel,
  dlInitLabel,
  dlLimits,
  dlStepsPerEpoch,
  dlThresholds,
} from './digits-lab-state.ts';

export * from './digits-lab-state.ts';

/** 784 pixels, Dense and the activation per hidden layer, then 10 logits. */
export function dlNetworkConfig(state: DigitsLabState, activation: DlActivation): NetworkConfig {
  const layers: NetworkConfig['layers'] = [];
  for (let i = 0; i < state.layers; i++) {
    layers.push({ type: 'dense', units: state.units }, { type: 'activation', id: activation });
  }
  layers.push({ type: 'dense', units: dlLimits.classes });
  return { inputs: dlLimits.inputs, init: state.init, layers };
}

/** What a run's worker session is configured with: Adam, softmax cross-entropy. */
export function dlSessionConfig(state: DigitsLabState, activation: DlActivation): SessionConfig {
  return {
    seed: state.seed,
    network: dlNetworkConfig(state, activation),
    data: { name: 'digits', n: state.train, noise: 0 },
    loss: 'softmax-cross-entropy',
    optimiser: { type: 'adam', learningRate: state.learningRate },
    batchSize: dlLimits.batchSize,
    shuffle: true,
    probes: false,
    grid: null,
  };
}

/** A run's network with its initial weights, bit for bit as the session builds it. */
export function dlNetwork(state: DigitsLabState, activation: DlActivation): Network {
  return new Network(dlNetworkConfig(state, activation), seeded(state.seed));
}

// ---------------------------------------------------------------------------------------
// Measurements from outputs.

/** The probabilities a network gives one digit: the kernel's softmax of its 10 logits. */
export function probabilitiesOf(logits: Float64Array): Float64Array {
  const p = new Float64Array(logits.length);
  vectors.softmax.forward(logits, p);
  return p;
}

/** counts[true class][predicted class]: the session's flat counts as rows. */
export function confusionRows({ classes, counts }: Confusion): number[][] {
  return Array.from({ length: classes }, (_, t) =>
    Array.from(counts.subarray(t * classes, (t + 1) * classes)),
  );
}

/** counts[true class][predicted class] over rows of logits, counted as the session counts. */
export function confusion(logits: Float64Array, labels: ArrayLike<number>): number[][] {
  const classes = dlLimits.classes;
  const predicted = Array.from({ length: labels.length }, (_, r) =>
    predictedClass(logits, r, classes),
  );
  return confusionRows({ classes, counts: confusionCounts(labels, predicted, classes) });
}

/**
 * Active fraction of one hidden layer's outputs (n rows × units): for each threshold of
 * dlThresholds, the share of (digit, unit) pairs with |output| at or above it (for 0: not
 * exactly 0).
 */
export function activeFractions(outputs: Float64Array): number[] {
  // dlThresholds is ascending from 0, so a value counts for every threshold up to the first
  // it misses: one pass, one comparison per threshold passed (this runs on the page).
  const counts = new Array<number>(dlThresholds.length).fill(0);
  const last = dlThresholds.length;
  for (let i = 0; i < outputs.length; i++) {
    const a = Math.abs(outputs[i]);
    if (a === 0) continue;
    counts[0]++;
    for (let t = 1; t < last && a >= dlThresholds[t]; t++) counts[t]++;
  }
  return counts.map((c) => (outputs.length > 0 ? c / outputs.length : Number.NaN));
}

/** What a run's network does on the test digits at one moment. */
export interface DlAnalysis {
  step: number;
  /** counts[true][predicted]. */
  confusion: number[][];
  /** Per hidden layer, active fractions for each of dlThresholds. */
  active: number[][];
}

/** The analysis from a forward pass: the logits and every hidden layer's outputs. */
export function dlAnalyse(
  step: number,
  logits: Float64Array,
  hidden: readonly Float64Array[],
  labels: ArrayLike<number>,
): DlAnalysis {
  return { step, confusion: confusion(logits, labels), active: hidden.map(activeFractions) };
}

/** Right answers over all the counts of a confusion matrix. */
export function accuracyOf(counts: number[][]): number {
  let right = 0;
  let all = 0;
  counts.forEach((row, i) => {
    row.forEach((c, j) => {
      all += c;
      if (i === j) right += c;
    });
  });
  return all > 0 ? right / all : Number.NaN;
}

// ---------------------------------------------------------------------------------------
// Histories.

/** One moment of a run: its test loss and accuracy after `step` updates. */
export interface DlPoint {
  step: number;
  testLoss: number;
  testAccuracy: number;
}

export interface DlHistory {
  activation: DlActivation;
  points: DlPoint[];
  diverged: Divergence | null;
  /** At the start (the untrained network) and the latest. */
  start: DlAnalysis | null;
  latest: DlAnalysis | null;
}

/** The history with a snapshot added (a divergence, or a new point past the last). */
export function dlAppend(history: DlHistory, s: Snapshot): DlHistory {
  if (s.diverged) return history.diverged ? history : { ...history, diverged: s.diverged };
  const last = history.points.at(-1);
  if (last && s.step <= last.step) return history;
  if (s.testAccuracy === null || Number.isNaN(s.testLoss)) return history;
  return {
    ...history,
    points: [
      ...history.points,
      { step: s.step, testLoss: s.testLoss, testAccuracy: s.testAccuracy },
    ],
  };
}

/** The untrained runs measured on the test digits (at build time, from the file). */
export function dlInitialHistories(state: DigitsLabState, digits: Digits | null): DlHistory[] {
  return state.activations.map((activation) => {
    if (!digits) return { activation, points: [], diverged: null, start: null, latest: null };
    const network = dlNetwork(state, activation);
    const analysis = dlMeasure(network, digits, 0);
    const point = {
      step: 0,
      testAccuracy: accuracyOf(analysis.confusion),
      testLoss: analysis.loss,
    };
    const { loss: _, ...a } = analysis;
    return { activation, points: [point], diverged: null, start: a, latest: a };
  });
}

/** A network's analysis and mean test loss on the test digits (in batches of 250). */
export function dlMeasure(
  network: Network,
  digits: Digits,
  step: number,
): DlAnalysis & { loss: number } {
  const { test } = digits;
  // In pieces of 250 digits, so that no layer's buffers grow past that.
  const { outputs, hidden } = evaluateRows(network, test.x, 250);
  const loss = losses['softmax-cross-entropy'].evaluate(outputs, test.y, dlLimits.classes);
  const values = hidden.map((h) => h.values);
  return { ...dlAnalyse(step, outputs, values, test.labels ?? []), loss };
}

// ---------------------------------------------------------------------------------------
// Words.

const pct = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || Number.isNaN(v) ? 'n/a' : `${(100 * v).toFixed(digits)}%`;

export function fmtLoss(v: number): string {
  return Number.isFinite(v) ? v.toFixed(3) : String(v);
}

/** "784-64-64-10". */
export function dlShape(state: DigitsLabState): string {
  return [dlLimits.inputs, ...Array(state.layers).fill(state.units), dlLimits.classes].join('-');
}

export function describeSetup(state: DigitsLabState): string {
  return `a ${dlShape(state)} network trained on ${state.train.toLocaleString('en')} MNIST digits for ${state.epochs} epoch${state.epochs > 1 ? 's' : ''} (Adam, rate ${state.learningRate}, batches of ${dlLimits.batchSize}, ${dlInitLabel[state.init]} initial weights, seed ${state.seed}), tested on ${dlLimits.test.toLocaleString('en')} others`;
}

/** Index of a threshold in dlThresholds (the state's, or 0). */
export function thresholdIndex(tau: number): number {
  return Math.max(0, (dlThresholds as readonly number[]).indexOf(tau));
}

export function thresholdText(tau: number): string {
  return tau === 0 ? 'output not exactly 0' : `|output| ≥ ${tau}`;
}

export interface DlRow {
  activation: DlActivation;
  label: string;
  epoch: string;
  testAccuracy: string;
  testLoss: string;
  /** Active fraction per layer at the threshold, now (and at the start). */
  active: string;
  /** Not exactly zero, per layer, now. */
  nonZero: string;
  status: string;
}

/** Epochs done, to one decimal ("1.5"), from a step count. */
export function epochsOf(state: DigitsLabState, step: number): string {
  const e = step / dlStepsPerEpoch(state);
  return Number.isInteger(e) ? String(e) : e.toFixed(1);
}

/** The table of current numbers, one row per run: the figures' text alternative. */
export function dlRows(state: DigitsLabState, histories: DlHistory[]): DlRow[] {
  const t = thresholdIndex(state.threshold);
  return state.activations.map((activation) => {
    const h = histories.find((x) => x.activation === activation);
    const last = h?.points.at(-1);
    const now = h?.latest?.active;
    const start = h?.start?.active;
    const active = now
      ? now
          .map((l, k) => {
            const s = start?.[k]?.[t];
            const before =
              s !== undefined && h?.latest?.active !== h?.start?.active
                ? ` (start ${pct(s, 0)})`
                : '';
            return `${pct(l[t], 0)}${before}`;
          })
          .join(', ')
      : '–';
    return {
      activation,
      label: dlActivationLabel[activation],
      epoch: last ? epochsOf(state, last.step) : '–',
      testAccuracy: last ? pct(last.testAccuracy) : '–',
      testLoss: last ? fmtLoss(last.testLoss) : '–',
      active,
      nonZero: now ? now.map((l) => pct(l[0], 0)).join(', ') : '–',
      status: h?.diverged ? `diverged at step ${h.diverged.step}` : '',
    };
  });
}

/** One sentence per run: where it is, its accuracy, its active units. */
export function describeRuns(state: DigitsLabState, histories: DlHistory[]): string {
  const started = histories.some((h) => (h.points.at(-1)?.step ?? 0) > 0 || h.diverged);
  const head = started
    ? `${histories.length} runs of ${describeSetup(state)}.`
    : `${histories.length} runs of ${describeSetup(state)}, before training; press Train.`;
  const parts = dlRows(state, histories).map((r) => {
    const where = r.status ? `${r.status} (epoch ${r.epoch})` : `epoch ${r.epoch}`;
    return `${r.label}: ${where}, test accuracy ${r.testAccuracy}, test loss ${r.testLoss}, active units per layer (${thresholdText(state.threshold)}) ${r.active}.`;
  });
  return `${head} ${parts.join(' ')}`;
}

/** The largest off-diagonal counts: "4 read as 9 (12 times)". */
export function topConfusions(
  counts: number[][],
  k = 3,
): { truth: number; predicted: number; count: number }[] {
  const all: { truth: number; predicted: number; count: number }[] = [];
  counts.forEach((row, truth) => {
    row.forEach((count, predicted) => {
      if (truth !== predicted && count > 0) all.push({ truth, predicted, count });
    });
  });
  return all.sort((a, b) => b.count - a.count || a.truth - b.truth).slice(0, k);
}

export function describeConfusion(label: string, analysis: DlAnalysis | null): string {
  if (!analysis) return `${label}: no confusion matrix yet; press Train.`;
  const counts = analysis.confusion;
  const right = counts.reduce((s, row, i) => s + row[i], 0);
  const all = counts.flat().reduce((a, b) => a + b, 0);
  const top = topConfusions(counts)
    .map((c) => `${c.truth} read as ${c.predicted} (${c.count} time${c.count > 1 ? 's' : ''})`)
    .join(', ');
  const rowsRight = counts.map((row, i) => `${i}: ${row[i]} of ${row.reduce((a, b) => a + b, 0)}`);
  return `${label}, after ${analysis.step} steps: ${right} of ${all} test digits right. Most common mistakes: ${top || 'none'}. Right per digit: ${rowsRight.join('; ')}.`;
}

// ---------------------------------------------------------------------------------------
// Figures.

const style = { fontSize: '12px', background: 'transparent' };

/** Each run's colour by its position, the same in every figure and in the legend. */
export function dlColour(index: number): string {
  return `var(--nl-series-${(index % 6) + 1})`;
}

/** Loss values are drawn up to this; the untrained network's is about ln 10 ≈ 2.3. */
export const dlLossMax = 2.5;

/**
 * Test accuracy (or loss) against epochs, one line per run. The dashed line is chance
 * (10 %) for accuracy and ln 10 for the loss of a network that says 1/10 to every class.
 * A running lab changes the lines' paths in place (class nl-dl-<metric>-<index>).
 */
export function curvesFigure(
  state: DigitsLabState,
  histories: DlHistory[],
  metric: 'accuracy' | 'loss',
  width = 320,
): Plot.PlotOptions {
  const perEpoch = dlStepsPerEpoch(state);
  const accuracy = metric === 'accuracy';
  const value = (p: DlPoint) =>
    accuracy ? p.testAccuracy : Math.min(dlLossMax, Math.max(0, p.testLoss));
  const reference = accuracy ? 0.1 : Math.LN10;
  return {
    width,
    height: 200,
    marginLeft: 44,
    marginRight: 12,
    marginBottom: 34,
    style,
    ariaLabel: accuracy
      ? 'Test accuracy against epochs, one line per activation'
      : 'Test loss against epochs, one line per activation',
    ariaDescription: describeRuns(state, histories),
    x: { label: 'epoch', labelAnchor: 'center', labelOffset: 30, domain: [0, state.epochs] },
    y: accuracy
      ? { label: 'test accuracy', domain: [0, 1], grid: true, tickFormat: '.0%' }
      : { label: 'test loss', domain: [0, dlLossMax], grid: true },
    marks: [
      Plot.ruleY([reference], {
        stroke: 'var(--nl-axis)',
        strokeDasharray: '4 3',
        ariaHidden: 'true',
      }),
      Plot.text([reference], {
        x: state.epochs,
        y: (d) => d,
        text: () => (accuracy ? 'chance' : 'ln 10'),
        textAnchor: 'end',
        dy: -6,
        fill: 'currentColor',
        ariaHidden: 'true',
      }),
      ...state.activations.map((activation, i) => {
        const h = histories.find((x) => x.activation === activation);
        return Plot.line(h?.points ?? [], {
          x: (p: DlPoint) => p.step / perEpoch,
          y: value,
          stroke: dlColour(i),
          strokeWidth: 2,
          className: `nl-dl-${metric}-${i}`,
          ariaHidden: 'true',
        });
      }),
    ],
  };
}

/**
 * The confusion matrix of one run on the test digits: rows the true digit, columns the
 * digit the network chose, each cell's shade its share of the row and its count written in.
 * Without an analysis, an empty grid that says so.
 */
export function confusionFigure(
  label: string,
  analysis: DlAnalysis | null,
  width = 340,
): Plot.PlotOptions {
  const digits = Array.from({ length: dlLimits.classes }, (_, i) => String(i));
  const cells = analysis
    ? analysis.confusion.flatMap((row, truth) => {
        const total = row.reduce((a, b) => a + b, 0);
        return row.map((count, predicted) => ({
          truth: String(truth),
          predicted: String(predicted),
          count,
          share: total > 0 ? count / total : 0,
          diagonal: truth === predicted,
        }));
      })
    : [];
  const side = Math.min(width, 340);
  return {
    width: side,
    height: side,
    marginLeft: 44,
    marginTop: 36,
    marginBottom: 8,
    marginRight: 8,
    style,
    ariaLabel: `Confusion matrix of the ${label} network on the test digits`,
    ariaDescription: describeConfusion(label, analysis),
    x: { domain: digits, axis: 'top', label: 'chosen digit', labelAnchor: 'center', tickSize: 0 },
    y: { domain: digits, label: 'true digit', labelAnchor: 'center', tickSize: 0 },
    opacity: { domain: [0, 1], range: [0, 1] },
    marks: [
      Plot.cell(cells, {
        x: 'predicted',
        y: 'truth',
        fill: (d) => (d.diagonal ? 'var(--nl-series-1)' : 'var(--nl-series-2)'),
        fillOpacity: (d) => Math.sqrt(d.share),
        inset: 0.5,
        className: 'nl-dl-cells',
        ariaHidden: 'true',
      }),
      // Every count is drawn (zeros transparent), so that a lab can change them in place.
      Plot.text(cells, {
        x: 'predicted',
        y: 'truth',
        text: (d) => String(d.count),
        fillOpacity: (d) => (d.count > 0 ? 1 : 0),
        fill: 'currentColor',
        fontSize: 10,
        className: 'nl-dl-counts',
        ariaHidden: 'true',
      }),
      Plot.frame({ stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
      ...(analysis
        ? []
        : [
            Plot.text(['Press Train: the matrix of the test digits appears here'], {
              frameAnchor: 'middle',
              fill: 'currentColor',
              lineWidth: 14,
              ariaHidden: 'true',
            }),
          ]),
    ],
  };
}

/**
 * Active units per hidden layer, one bar per run, at the state's threshold: the share of
 * (test digit, unit) pairs whose output is at or above it. A dashed tick marks the untrained
 * network's share, when the bar is of a trained one. A lab changes the bars (rects of
 * g.nl-dl-active, one group per layer, runs in order) and their labels in place.
 */
export function activityFigure(
  state: DigitsLabState,
  histories: DlHistory[],
  width = 560,
): Plot.PlotOptions {
  const t = thresholdIndex(state.threshold);
  const names = state.activations.map((a) => dlActivationLabel[a]);
  const bars: { layer: string; run: string; index: number; share: number }[] = [];
  const starts: { layer: string; run: string; share: number }[] = [];
  state.activations.forEach((activation, index) => {
    const h = histories.find((x) => x.activation === activation);
    h?.latest?.active.forEach((l, k) => {
      bars.push({ layer: `layer ${k + 1}`, run: names[index], index, share: l[t] });
    });
    if (h?.start && h.latest && h.latest.active !== h.start.active) {
      h.start.active.forEach((l, k) => {
        starts.push({ layer: `layer ${k + 1}`, run: names[index], share: l[t] });
      });
    }
  });
  return {
    width,
    height: 240,
    marginLeft: 44,
    marginTop: 40,
    marginBottom: 48,
    style,
    ariaLabel: `Share of active units per hidden layer (${thresholdText(state.threshold)}), one bar per activation`,
    ariaDescription: describeRuns(state, histories),
    fx: {
      domain: Array.from({ length: state.layers }, (_, k) => `layer ${k + 1}`),
      label: null,
      axis: 'top',
      tickPadding: 16,
    },
    x: { domain: names, label: null, tickRotate: names.length > 2 ? -30 : 0 },
    y: { domain: [0, 1], label: 'active', grid: true, tickFormat: '.0%' },
    marks: [
      Plot.barY(bars, {
        fx: 'layer',
        x: 'run',
        y: 'share',
        fill: (d) => dlColour(d.index),
        className: 'nl-dl-active',
        ariaHidden: 'true',
      }),
      Plot.tickY(starts, {
        fx: 'layer',
        x: 'run',
        y: 'share',
        className: 'nl-dl-start',
        stroke: 'currentColor',
        strokeWidth: 2,
        strokeDasharray: '3 2',
        ariaHidden: 'true',
      }),
      Plot.text(bars, {
        fx: 'layer',
        x: 'run',
        y: 'share',
        text: (d) => `${Math.round(100 * d.share)}%`,
        dy: -6,
        fill: 'currentColor',
        className: 'nl-dl-active-labels',
        ariaHidden: 'true',
      }),
      Plot.ruleY([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
      ...(bars.length === 0
        ? [
            Plot.text(['Press Train: the measured shares appear here'], {
              frameAnchor: 'middle',
              fill: 'currentColor',
              ariaHidden: 'true',
            }),
          ]
        : []),
    ],
  };
}

/** The probabilities each run gives the reader's digit, one group of bars per digit. */
export function probabilitiesFigure(
  state: DigitsLabState,
  probabilities: (Float64Array | null)[],
  width = 480,
): Plot.PlotOptions {
  const names = state.activations.map((a) => dlActivationLabel[a]);
  const digits = Array.from({ length: 10 }, (_, i) => String(i));
  const bars = probabilities.flatMap((p, index) =>
    p ? Array.from(p, (v, digit) => ({ digit: String(digit), run: names[index], index, v })) : [],
  );
  const common = {
    width,
    height: 180,
    marginLeft: 40,
    marginBottom: 30,
    style,
    ariaLabel: 'The probability each network gives each digit for the drawing',
    ariaDescription: describePrediction(state, probabilities),
    y: { domain: [0, 1], label: 'probability', grid: true, ticks: 4 },
  };
  if (bars.length === 0) {
    return {
      ...common,
      x: { domain: digits, label: 'digit', labelAnchor: 'center' },
      marks: [
        Plot.ruleY([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
        Plot.text(['Draw a digit, or load a test digit'], {
          frameAnchor: 'middle',
          fill: 'currentColor',
          ariaHidden: 'true',
        }),
      ],
    };
  }
  return {
    ...common,
    fx: { domain: digits, label: 'digit', labelAnchor: 'center', axis: 'bottom' },
    x: { domain: names, axis: null, paddingInner: 0.05 },
    marks: [
      Plot.barY(bars, {
        fx: 'digit',
        x: 'run',
        y: 'v',
        fill: (d) => dlColour(d.index),
        className: 'nl-dl-probabilities',
        ariaHidden: 'true',
      }),
      Plot.ruleY([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
    ],
  };
}

/** "ReLU: 7 (92%); sigmoid: 7 (61%)". */
export function describePrediction(
  state: DigitsLabState,
  probabilities: (Float64Array | null)[],
): string {
  const parts = state.activations.flatMap((a, i) => {
    const p = probabilities[i];
    if (!p) return [];
    let best = 0;
    for (let j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
    return [`${dlActivationLabel[a]} says ${best} (${pct(p[best], 0)})`];
  });
  return parts.length ? `${parts.join('; ')}.` : 'No drawing yet.';
}
