// What the course's figures watch inside a training run, per layer and per step: the
// distribution of pre-activations (mean, std, a histogram), the fraction of saturated
// elements (|f'| below a threshold), the fraction of dead units (zero output on every sample
// of the batch, and over a whole epoch), gradient norms of the weights and of the layer's
// input, and the weight norm. Recording only accumulates into typed arrays; `read()` builds
// the plain objects a snapshot carries.

import { ActivationLayer } from './activation-layer.ts';
import { Dense } from './dense.ts';
import { BatchBuffer, type Layer, type ParamRef } from './layer.ts';
import type { Network } from './network.ts';
import { Residual } from './residual.ts';
import { Sequential } from './sequential.ts';
import type { Observer } from './trainer.ts';
import { VectorLayer } from './vector-layer.ts';

export interface ProbeOptions {
  /** Histogram range of the pre-activations (default [-4, 4]). */
  range?: [number, number];
  /** Histogram bins (default 24). */
  bins?: number;
  /** An element is saturated when |f'(x)| is below this (default 0.05). */
  saturation?: number;
}

export interface Histogram {
  lo: number;
  hi: number;
  /** Counts of bins of equal width over [lo, hi). */
  counts: number[];
  /** Counts below lo and at or above hi. */
  below: number;
  above: number;
}

export interface ActivationProbe {
  mean: number;
  std: number;
  histogram: Histogram;
  /** Fraction of elements with |f'| under the threshold (null for vector functions). */
  saturated: number | null;
  /** Fraction of units whose output was 0 on every sample of the last batch. */
  deadBatch: number | null;
  /** The same over every sample of the last complete epoch (null before one completes). */
  deadEpoch: number | null;
}

export interface LayerProbe {
  /** Where the layer sits, as PyTorch names modules: '2', '3.branch.0', '3.norm'. */
  path: string;
  type: string;
  /** ‖dL/dx‖ over the batch (NaN for the first layer, which does not compute it). */
  inputGradNorm: number;
  /** ‖W‖ of a dense layer's weight (not its bias). */
  weightNorm?: number;
  /** ‖dL/dθ‖ over all the layer's parameters. */
  gradNorm?: number;
  activation?: ActivationProbe;
}

interface Watched {
  path: string;
  layer: Layer;
  /** The layer as an activation, if it is a scalar one; whether it is a vector one. */
  scalar: ActivationLayer | null;
  vector: boolean;
  params: ParamRef[];
  inputGradNorm: number;
  gradNorm: number;
  mean: number;
  std: number;
  /** Below the range, the bins, above the range. */
  counts: Int32Array;
  /** The same for the odd elements, while counting (see `histogram`). */
  pair: Int32Array;
  saturated: number;
  deadBatch: number;
  deadEpoch: number;
  /** Per unit: 1 once any output this epoch was non-zero. */
  alive: Uint8Array;
  slope: BatchBuffer;
}

/** Every leaf layer with its path, walking into residual blocks. */
export function leaves(layer: Layer, path = ''): { path: string; layer: Layer }[] {
  const at = (name: string) => (path ? `${path}.${name}` : name);
  if (layer instanceof Sequential) return layer.layers.flatMap((l, i) => leaves(l, at(String(i))));
  if (layer instanceof Residual) {
    const branch = leaves(layer.branch, at('branch'));
    return layer.norm ? [...branch, { path: at('norm'), layer: layer.norm }] : branch;
  }
  return [{ path, layer }];
}

// Four running sums instead of one: a single sum waits for each addition to finish before
// the next (a chain of dependent adds), four keep the adder busy. About 3× faster.
function sumOfSquares(a: Float64Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const end = a.length - 3;
  let i = 0;
  for (; i < end; i += 4) {
    const a0 = a[i];
    const a1 = a[i + 1];
    const a2 = a[i + 2];
    const a3 = a[i + 3];
    s0 += a0 * a0;
    s1 += a1 * a1;
    s2 += a2 * a2;
    s3 += a3 * a3;
  }
  for (; i < a.length; i++) s0 += a[i] * a[i];
  return s0 + s1 + (s2 + s3);
}

export class Probes implements Observer {
  readonly lo: number;
  readonly hi: number;
  readonly bins: number;
  readonly saturation: number;
  private readonly watched: Watched[];
  private epochsSeen = 0;

  constructor(network: Network, options: ProbeOptions = {}) {
    [this.lo, this.hi] = options.range ?? [-4, 4];
    this.bins = options.bins ?? 24;
    this.saturation = options.saturation ?? 0.05;
    this.watched = leaves(network.model).map(({ path, layer }) => ({
      path,
      layer,
      scalar: layer instanceof ActivationLayer ? layer : null,
      vector: layer instanceof VectorLayer,
      params: layer.params(),
      inputGradNorm: Number.NaN,
      gradNorm: Number.NaN,
      mean: Number.NaN,
      std: Number.NaN,
      counts: new Int32Array(this.bins + 2),
      pair: new Int32Array(this.bins + 2),
      saturated: Number.NaN,
      deadBatch: Number.NaN,
      deadEpoch: Number.NaN,
      alive: new Uint8Array(layer.outputSize),
      slope: new BatchBuffer(layer.outputSize),
    }));
  }

  /** Read the layers' buffers after a backward pass. */
  record(): void {
    const watched = this.watched;
    for (let k = 0; k < watched.length; k++) {
      const w = watched[k];
      const dx = w.layer.dx;
      w.inputGradNorm = dx.length > 0 ? Math.sqrt(sumOfSquares(dx)) : Number.NaN;
      const params = w.params;
      if (params.length > 0) {
        let s = 0;
        for (let p = 0; p < params.length; p++) s += sumOfSquares(params[p].grad);
        w.gradNorm = Math.sqrt(s);
      }
      if (w.scalar) this.units(w, w.scalar);
      else if (w.vector) this.preActivations(w);
    }
  }

  endEpoch(): void {
    for (const w of this.watched) {
      let dead = 0;
      for (let j = 0; j < w.alive.length; j++) dead += w.alive[j] ? 0 : 1;
      w.deadEpoch = dead / w.alive.length;
      w.alive.fill(0);
    }
    this.epochsSeen++;
  }

  /** The probes of the last recorded step, one entry per leaf layer. */
  read(): LayerProbe[] {
    return this.watched.map((w) => {
      const probe: LayerProbe = {
        path: w.path,
        type: w.layer.type,
        inputGradNorm: w.inputGradNorm,
      };
      if (w.layer instanceof Dense) probe.weightNorm = Math.sqrt(sumOfSquares(w.layer.weight));
      if (w.params.length > 0) probe.gradNorm = w.gradNorm;
      const isScalar = w.layer instanceof ActivationLayer;
      if (isScalar || w.layer instanceof VectorLayer) {
        probe.activation = {
          mean: w.mean,
          std: w.std,
          histogram: {
            lo: this.lo,
            hi: this.hi,
            counts: Array.from(w.counts.subarray(1, this.bins + 1)),
            below: w.counts[0],
            above: w.counts[this.bins + 1],
          },
          saturated: isScalar ? w.saturated : null,
          deadBatch: isScalar ? w.deadBatch : null,
          deadEpoch: isScalar && this.epochsSeen > 0 ? w.deadEpoch : null,
        };
      }
      return probe;
    });
  }

  // With small layers and batches a step's probes are mostly fixed costs per loop, and in
  // one loop doing everything each element waits on the last: the histogram's counter (the
  // same bin, again and again) and four running sums. So: moments and histogram in one loop
  // over two interleaved halves (two sums each, two sets of counters), then f' and the
  // saturated count, then the dead units column by column, stopping at the first non-zero.
  private preActivations(w: Watched): void {
    const x = w.layer.x;
    this.histogram(w, x);
  }

  private units(w: Watched, layer: ActivationLayer): void {
    const x = layer.x;
    const y = layer.y;
    const m = layer.outputSize;
    this.histogram(w, x);
    const slope = w.slope.get(y.length / m);
    layer.localGradient(slope);
    const threshold = this.saturation;
    let saturated = 0;
    for (let i = 0; i < slope.length; i++) saturated += +(Math.abs(slope[i]) < threshold);
    w.saturated = saturated / y.length;
    // A unit is live when some sample gives it a non-zero output; most are, on the first.
    const alive = w.alive;
    const end = y.length;
    let dead = 0;
    for (let j = 0; j < m; j++) {
      let i = j;
      while (i < end && y[i] === 0) i += m;
      if (i < end) alive[j] = 1;
      else dead++;
    }
    w.deadBatch = dead / m;
  }

  /** Mean, std and histogram of x into w. */
  private histogram(w: Watched, x: Float64Array): void {
    const { lo, bins } = this;
    const scale = bins / (this.hi - lo);
    // Bin 1 + ⌊(v − lo)·scale⌋ clamped to [0, top] by compares, cheaper than floor, min and
    // max; a NaN fails both compares and counts as below the range. Even elements count in
    // counts[0 … top], odd ones in pair[0 … top], added up at the end.
    const top = bins + 1;
    const counts = w.counts;
    const pair = w.pair;
    counts.fill(0);
    pair.fill(0);
    let sum0 = 0;
    let sum1 = 0;
    let sq0 = 0;
    let sq1 = 0;
    const n = x.length;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const u = x[i];
      const v = x[i + 1];
      sum0 += u;
      sq0 += u * u;
      sum1 += v;
      sq1 += v * v;
      const t = (u - lo) * scale + 1;
      const s = (v - lo) * scale + 1;
      counts[t > 0 ? (t < top ? t | 0 : top) : 0]++;
      pair[s > 0 ? (s < top ? s | 0 : top) : 0]++;
    }
    if (i < n) {
      const u = x[i];
      sum0 += u;
      sq0 += u * u;
      const t = (u - lo) * scale + 1;
      counts[t > 0 ? (t < top ? t | 0 : top) : 0]++;
    }
    for (let b = 0; b <= top; b++) counts[b] += pair[b];
    this.moments(w, sum0 + sum1, sq0 + sq1, n);
  }

  private moments(w: Watched, sum: number, sumSq: number, count: number): void {
    const mean = sum / count;
    w.mean = mean;
    // One pass is enough for a picture; clamp the rounding that can make it negative.
    w.std = Math.sqrt(Math.max(0, sumSq / count - mean * mean));
  }
}
