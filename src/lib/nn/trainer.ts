// The training loop: mini-batches in order (or shuffled each epoch by the run's source),
// zero the gradients, forward, loss, backward, probes, update. A step whose loss or
// weights are not finite marks the run diverged, with the step, and the run stops there.

import type { Source } from '../random/index.ts';
import { shuffle } from '../random/shuffle.ts';
import type { ParamRef } from './layer.ts';
import { type Loss, type LossId, losses } from './losses.ts';
import type { Network } from './network.ts';
import { type Optimiser, type OptimiserConfig, optimiser } from './optimisers.ts';

export interface Dataset {
  n: number;
  /** Inputs, n rows of the network's input width, row-major. */
  x: Float64Array;
  /** Targets, n rows of the network's output width. */
  y: Float64Array;
}

export interface Divergence {
  /** The step (1-based, counting every update) whose loss or update was not finite. */
  step: number;
  reason: 'loss' | 'weights';
  /** The loss, or the name of the first parameter that is not finite. */
  detail: string;
}

/** What watches a run: called after backward (gradients present) and at each epoch's end. */
export interface Observer {
  record(): void;
  endEpoch(): void;
}

export interface TrainerOptions {
  network: Network;
  data: Dataset;
  loss: LossId;
  optimiser: Optimiser | OptimiserConfig;
  batchSize: number;
  /** Reshuffle the samples at the start of every epoch (needs `source`). */
  shuffle?: boolean;
  source?: Source;
  observer?: Observer;
}

/** Whether every element is finite: x − x is 0 for finite x and NaN otherwise, no branches. */
function finite(a: Float64Array): boolean {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] - a[i];
  return s === 0;
}

/** The index of the first parameter with a value that is not finite, or −1. */
function firstNonFinite(params: readonly ParamRef[]): number {
  for (let k = 0; k < params.length; k++) if (!finite(params[k].value)) return k;
  return -1;
}

export class Trainer {
  readonly network: Network;
  readonly data: Dataset;
  readonly loss: Loss;
  readonly optimiser: Optimiser;
  readonly batchSize: number;
  observer: Observer | undefined;
  /** Updates made so far. */
  steps = 0;
  /** Epochs completed. */
  epochs = 0;
  diverged: Divergence | null = null;
  /** Loss of the last batch. */
  lastLoss = Number.NaN;
  private cursor = 0;
  private readonly order: Uint32Array | null;
  private readonly source: Source | undefined;
  private readonly batchX: Float64Array;
  private readonly batchY: Float64Array;
  private readonly grad: Float64Array;
  private readonly views: { x: Float64Array; y: Float64Array }[] = [];

  constructor(options: TrainerOptions) {
    const { network, data, batchSize } = options;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError(`batch size must be a positive integer, got ${batchSize}`);
    }
    if (data.n < 1 || data.x.length !== data.n * network.inputs) {
      throw new RangeError(
        `data: x has length ${data.x.length}, expected ${data.n} × ${network.inputs}`,
      );
    }
    if (data.y.length !== data.n * network.outputs) {
      throw new RangeError(
        `data: y has length ${data.y.length}, expected ${data.n} × ${network.outputs}`,
      );
    }
    if (options.shuffle && !options.source) throw new TypeError('shuffle needs a source');
    this.network = network;
    this.data = data;
    this.loss = losses[options.loss];
    if (!this.loss) throw new RangeError(`unknown loss "${options.loss}"`);
    this.optimiser = 'step' in options.optimiser ? options.optimiser : optimiser(options.optimiser);
    this.batchSize = Math.min(batchSize, data.n);
    this.observer = options.observer;
    this.source = options.source;
    this.order = options.shuffle ? Uint32Array.from({ length: data.n }, (_, i) => i) : null;
    this.batchX = new Float64Array(this.batchSize * network.inputs);
    this.batchY = new Float64Array(this.batchSize * network.outputs);
    this.grad = new Float64Array(this.batchSize * network.outputs);
  }

  /** One update on the next batch; returns its loss (NaN once the run has diverged). */
  step(): number {
    if (this.diverged) return Number.NaN;
    const network = this.network;
    if (this.cursor === 0 && this.order) shuffle(this.order, this.source as Source);
    const start = this.cursor;
    const count = Math.min(this.batchSize, this.data.n - start);
    const { x, y } = this.batch(start, count);
    const out = network.outputs;
    network.zeroGrad();
    const yhat = network.forward(x, true);
    const grad = count === this.batchSize ? this.grad : this.grad.subarray(0, count * out);
    const loss = this.loss.evaluate(yhat, y, out, grad);
    network.backward(grad);
    this.observer?.record();
    this.steps++;
    this.lastLoss = loss;
    if (!Number.isFinite(loss)) {
      this.diverged = { step: this.steps, reason: 'loss', detail: String(loss) };
      return loss;
    }
    const params = network.params();
    // The optimisers here report what they wrote; one from elsewhere may return nothing.
    const reported: unknown = this.optimiser.step(params);
    const bad = typeof reported === 'number' ? reported : firstNonFinite(params);
    if (bad >= 0) {
      this.diverged = { step: this.steps, reason: 'weights', detail: params[bad].name };
      return loss;
    }
    this.cursor = start + count;
    if (this.cursor === this.data.n) {
      this.cursor = 0;
      this.epochs++;
      this.observer?.endEpoch();
    }
    return loss;
  }

  /** Steps to the end of the current epoch; returns the mean batch loss. */
  epoch(): number {
    let sum = 0;
    let batches = 0;
    const epochs = this.epochs;
    while (this.epochs === epochs && !this.diverged) {
      sum += this.step();
      batches++;
    }
    return sum / batches;
  }

  /** Mean loss over a data set in evaluation mode, in batches of the training size. */
  evaluate(data: Dataset = this.data): number {
    const { inputs, outputs } = this.network;
    let sum = 0;
    for (let start = 0; start < data.n; start += this.batchSize) {
      const count = Math.min(this.batchSize, data.n - start);
      const yhat = this.network.forward(
        data.x.subarray(start * inputs, (start + count) * inputs),
        false,
      );
      sum +=
        count *
        this.loss.evaluate(
          yhat,
          data.y.subarray(start * outputs, (start + count) * outputs),
          outputs,
        );
    }
    return sum / data.n;
  }

  // In order, a batch is a view of the data (made once); shuffled, its rows are gathered.
  private batch(start: number, count: number) {
    const { inputs, outputs } = this.network;
    const { x, y } = this.data;
    if (!this.order) {
      const k = start / this.batchSize;
      let view = this.views[k];
      if (!view) {
        view = {
          x: x.subarray(start * inputs, (start + count) * inputs),
          y: y.subarray(start * outputs, (start + count) * outputs),
        };
        this.views[k] = view;
      }
      return view;
    }
    const bx = count === this.batchSize ? this.batchX : this.batchX.subarray(0, count * inputs);
    const by = count === this.batchSize ? this.batchY : this.batchY.subarray(0, count * outputs);
    for (let r = 0; r < count; r++) {
      const i = this.order[start + r];
      bx.set(x.subarray(i * inputs, (i + 1) * inputs), r * inputs);
      by.set(y.subarray(i * outputs, (i + 1) * outputs), r * outputs);
    }
    return { x: bx, y: by };
  }
}
