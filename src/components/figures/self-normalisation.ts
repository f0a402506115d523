// Figure: a batch of random vectors pushed through many random dense layers (LeCun-normal
// weights, N(0, 1/fan_in), zero bias) with SELU, ReLU, tanh or ELU; the mean and variance of
// each layer's activations, layer by layer (Klambauer et al. 2017, "Self-Normalizing Neural
// Networks"). Pure: state in, data, sentences and Plot options out. The trajectories are
// cached per seed, width and input, and extended layer by layer, so moving the depth slider
// or ticking an activation already computed only redraws.

import * as Plot from '@observablehq/plot';
import { activations } from '../../lib/activations/index.ts';
import { initialise } from '../../lib/nn/initialisers.ts';
import { randomNormal, seeded } from '../../lib/random/index.ts';
import {
  type SelfNormalisationState,
  type SnActivation,
  selfNormalisationLimits,
  snActivations,
  snLabel,
} from './self-normalisation-state.ts';

export * from './self-normalisation-state.ts';

/** Mean and (population) variance of every entry, layer 0 being the input. */
export interface Trajectory {
  mean: number[];
  variance: number[];
}

interface Run extends Trajectory {
  /** The activations of the last layer computed (batch × width, row-major). */
  x: Float64Array;
}

interface Entry {
  input: Float64Array;
  runs: Map<SnActivation, Run>;
}

/** A 32-bit seed from the widget's seed and a layer number, well mixed (murmur3's finaliser). */
export function layerSeed(seed: number, layer: number): number {
  let h = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(layer + 1, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** The weights of layer `layer` (1-based): LeCun normal through the engine's initialiser. */
export function layerWeights(seed: number, width: number, layer: number): Float64Array {
  const w = new Float64Array(width * width);
  initialise('lecun-normal', w, new Float64Array(width), seeded(layerSeed(seed, layer)));
  return w;
}

function moments(x: Float64Array): [number, number] {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i];
  const mean = sum / x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - mean) * (x[i] - mean);
  return [mean, ss / x.length];
}

/** z = x Wᵀ for a batch of rows, then the activation through the kernel's forward. */
function layer(x: Float64Array, w: Float64Array, width: number, id: SnActivation): Float64Array {
  const z = new Float64Array(x.length);
  for (let o = 0; o < x.length; o += width) {
    for (let j = 0; j < width; j++) {
      const r = j * width;
      // Four running sums: fewer dependent additions, about twice as fast in V8.
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let k = 0;
      for (; k + 3 < width; k += 4) {
        s0 += w[r + k] * x[o + k];
        s1 += w[r + k + 1] * x[o + k + 1];
        s2 += w[r + k + 2] * x[o + k + 2];
        s3 += w[r + k + 3] * x[o + k + 3];
      }
      for (; k < width; k++) s0 += w[r + k] * x[o + k];
      z[o + j] = s0 + s1 + (s2 + s3);
    }
  }
  activations[id].forward(z, z);
  return z;
}

// Drawing normals through the seeded generator costs far more than using them, so each
// layer's weights are drawn once per seed and width and shared by every activation and input.
let weights = { key: '', layers: [] as Float64Array[] };

function cachedWeights(seed: number, width: number, l: number): Float64Array {
  const key = `${seed}|${width}`;
  if (weights.key !== key) weights = { key, layers: [] };
  weights.layers[l] ??= layerWeights(seed, width, l);
  return weights.layers[l];
}

const cache = new Map<string, Entry>();
const cacheSize = 6;

function entryFor({ seed, width, inputMean, inputVariance }: SelfNormalisationState): Entry {
  const key = `${seed}|${width}|${inputMean}|${inputVariance}`;
  let entry = cache.get(key);
  if (entry) {
    // Most recently used last, so the oldest is dropped first.
    cache.delete(key);
    cache.set(key, entry);
    return entry;
  }
  const { batch } = selfNormalisationLimits;
  const draw = randomNormal(seeded(layerSeed(seed, -1)), inputMean, Math.sqrt(inputVariance));
  const input = Float64Array.from({ length: batch * width }, draw);
  entry = { input, runs: new Map() };
  cache.set(key, entry);
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  return entry;
}

/**
 * The per-layer mean and variance for each chosen activation, layers 0 (the input) to depth.
 * Every activation sees the same input and the same weights; only f differs.
 *
 * A new width, input or seed costs up to 40 million multiply-adds, several frames' work: with
 * `stop`, asked before each layer after the first, the work ends early and the trajectories
 * end where it stopped (see `layersDone`); the next call goes on from there, with the same
 * numbers as one uninterrupted call.
 */
export function selfNormalisationData(
  state: SelfNormalisationState,
  stop?: () => boolean,
): Map<SnActivation, Trajectory> {
  const entry = entryFor(state);
  const { depth, seed, width } = state;
  const runs = state.activations.map((id) => {
    let run = entry.runs.get(id);
    if (!run) {
      const [m, v] = moments(entry.input);
      run = { x: entry.input, mean: [m], variance: [v] };
      entry.runs.set(id, run);
    }
    return [id, run] as const;
  });
  // Extend every run that is short, one layer at a time, drawing each layer's weights once.
  const from = Math.min(depth + 1, ...runs.map(([, r]) => r.mean.length));
  for (let l = from; l <= depth; l++) {
    if (l > from && stop?.()) break;
    const w = cachedWeights(seed, width, l);
    for (const [id, run] of runs) {
      if (run.mean.length !== l) continue;
      run.x = layer(run.x, w, width, id);
      const [m, v] = moments(run.x);
      run.mean.push(m);
      run.variance.push(v);
    }
  }
  return new Map(
    runs.map(([id, r]) => [
      id,
      { mean: r.mean.slice(0, depth + 1), variance: r.variance.slice(0, depth + 1) },
    ]),
  );
}

/** How many layers every trajectory in `data` reaches (`state.depth` once complete). */
export function layersDone(state: SelfNormalisationState, data: Map<SnActivation, Trajectory>) {
  return Math.min(state.depth, ...[...data.values()].map((t) => t.mean.length - 1));
}

/** Forgets every cached trajectory (for tests and memory). */
export function clearSelfNormalisationCache() {
  cache.clear();
  weights = { key: '', layers: [] };
}

/** A statistic for reading: two decimals, or powers of ten when tiny or huge. */
export function formatStat(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  const s = a !== 0 && (a < 0.01 || a >= 1e4) ? v.toExponential(1) : v.toFixed(2);
  return s.replaceAll('-', '−').replace(/^−0\.00$/, '0.00');
}

/** What the figure shows, in numbers: the text alternative and the caption. */
export function describeSelfNormalisation(
  state: SelfNormalisationState,
  data = selfNormalisationData(state),
): string {
  const { batch } = selfNormalisationLimits;
  const setup = `${state.depth} layer${state.depth === 1 ? '' : 's'} of width ${state.width} (${batch} inputs from N(${formatStat(state.inputMean)}, ${formatStat(state.inputVariance)}), LeCun-normal weights, seed ${state.seed})`;
  if (data.size === 0) return `No activation chosen: tick one to push the batch through ${setup}.`;
  const done = layersDone(state, data);
  if (done < state.depth) return `Computing layer ${done + 1} of ${state.depth}…`;
  const parts = [...data].map(([id, t]) => {
    const last = t.mean.length - 1;
    return `${snLabel[id]} mean ${formatStat(t.mean[last])}, variance ${formatStat(t.variance[last])}`;
  });
  return `After ${setup}: ${parts.join('; ')}.`;
}

/** A log-axis tick: 0.1, 1, 10 as they are, other powers of ten as 1e−6. */
export function formatPower(v: number): string {
  if (v >= 0.1 && v <= 10) return String(v);
  const e = Math.round(Math.log10(v));
  return Math.abs(v / 10 ** e - 1) < 1e-9 ? `1e${e}`.replace('-', '−') : '';
}

const colour = (id: SnActivation) => `var(--nl-series-${snActivations.indexOf(id) + 1})`;

type Panel = 'mean' | 'variance';

/** Plot options for one panel, the mean or the variance (log scale) against the layer. */
export function selfNormalisationFigure(
  state: SelfNormalisationState,
  panel: Panel,
  width = 640,
  data = selfNormalisationData(state),
): Plot.PlotOptions {
  const series = [...data].map(([id, t]) => ({
    id,
    points: t[panel]
      .map((value, layer) => ({ layer, value }))
      // A log scale cannot show a variance of 0 (every unit dead).
      .filter((p) => Number.isFinite(p.value) && (panel === 'mean' || p.value > 0)),
  }));
  const isMean = panel === 'mean';
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  const reference = isMean ? 0 : 1;
  const lo = Math.min(reference, ...values);
  const hi = Math.max(reference, ...values);
  const marks: Plot.Markish[] = [
    Plot.ruleY([reference], {
      stroke: 'var(--nl-axis)',
      strokeDasharray: '4 3',
      ariaHidden: 'true',
    }),
  ];
  for (const { id, points } of series) {
    marks.push(
      Plot.lineY(points, {
        x: 'layer',
        y: 'value',
        stroke: colour(id),
        strokeWidth: 2,
        className: `nl-sn-${id}`,
        ariaHidden: 'true',
      }),
      // End labels only where the lines part (the means all end near 0 and would overlap).
      Plot.text(isMean ? [] : points.slice(-1), {
        x: 'layer',
        y: 'value',
        text: () => snLabel[id],
        dx: 6,
        textAnchor: 'start',
        fill: colour(id),
        fontWeight: 600,
        ariaHidden: 'true',
      }),
    );
  }
  const what = isMean ? 'Mean' : 'Variance';
  return {
    width,
    height: 230,
    marginLeft: 56,
    marginRight: 48,
    marginBottom: 40,
    style: { fontSize: '13px', background: 'transparent' },
    ariaLabel: `${what} of the activations, layer by layer${isMean ? '' : ' (log scale)'}`,
    ariaDescription: describeSelfNormalisation(state, data),
    x: { label: 'layer', labelAnchor: 'center', labelOffset: 34, domain: [0, state.depth] },
    y: isMean
      ? {
          label: 'mean',
          grid: true,
          domain: [Math.min(lo, -0.5), Math.max(hi, 0.5)],
          nice: true,
        }
      : {
          label: 'variance (log scale)',
          type: 'log',
          // Powers of ten as 1e−6, not SI prefixes (10µ, 1f) that read as units.
          tickFormat: formatPower,
          grid: true,
          domain: [Math.min(lo, 0.1), Math.max(hi, 2)],
          nice: true,
        },
    marks,
  };
}
