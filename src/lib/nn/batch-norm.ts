// Batch normalisation over the features of a batch, with PyTorch's BatchNorm1d conventions:
// training standardises with the batch's biased variance, the running variance is updated
// with the unbiased one, running = (1 − momentum)·running + momentum·batch (momentum 0.1),
// and eps = 1e-5 sits inside the square root. Evaluation uses the running statistics.

import { BatchBuffer, type BufferRef, type Layer, type ParamRef, rows } from './layer.ts';
import { groupMean, groupVariance, standardise, standardiseBackward } from './moments.ts';

const empty = new Float64Array(0);

export interface NormOptions {
  eps?: number;
  /** BatchNorm only: weight of the new batch in the running statistics. */
  momentum?: number;
}

export class BatchNorm implements Layer {
  readonly type = 'batch-norm';
  readonly inputSize: number;
  readonly outputSize: number;
  readonly eps: number;
  readonly momentum: number;
  readonly gamma: Float64Array;
  readonly beta: Float64Array;
  readonly gammaGrad: Float64Array;
  readonly betaGrad: Float64Array;
  readonly runningMean: Float64Array;
  readonly runningVar: Float64Array;
  /** Training batches seen (PyTorch's num_batches_tracked), a one-element array. */
  readonly batchesTracked = new Float64Array(1);
  x: Float64Array = empty;
  y: Float64Array = empty;
  dx: Float64Array = empty;
  private readonly invStd: Float64Array;
  private trained = false;
  private readonly xhat: BatchBuffer;
  private readonly dxhat: BatchBuffer;
  private readonly out: BatchBuffer;
  private readonly din: BatchBuffer;

  constructor(size: number, options: NormOptions = {}) {
    this.inputSize = size;
    this.outputSize = size;
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum ?? 0.1;
    this.gamma = new Float64Array(size).fill(1);
    this.beta = new Float64Array(size);
    this.gammaGrad = new Float64Array(size);
    this.betaGrad = new Float64Array(size);
    this.runningMean = new Float64Array(size);
    this.runningVar = new Float64Array(size).fill(1);
    this.invStd = new Float64Array(size);
    this.xhat = new BatchBuffer(size);
    this.dxhat = new BatchBuffer(size);
    this.out = new BatchBuffer(size);
    this.din = new BatchBuffer(size);
  }

  forward(x: Float64Array, training: boolean): Float64Array {
    const f = this.inputSize;
    const n = rows(x, f, this.type);
    if (training && n < 2) {
      // PyTorch refuses too: one sample has no variance to normalise by.
      throw new RangeError('batch-norm: training needs more than one sample per batch');
    }
    const xhat = this.xhat.get(n);
    const y = this.out.get(n);
    const m = this.momentum;
    if (training) this.batchesTracked[0]++;
    for (let j = 0; j < f; j++) {
      let mean: number;
      let variance: number;
      if (training) {
        mean = groupMean(x, j, n, f);
        variance = groupVariance(x, mean, j, n, f);
        this.runningMean[j] = (1 - m) * this.runningMean[j] + m * mean;
        this.runningVar[j] = (1 - m) * this.runningVar[j] + (m * variance * n) / (n - 1);
      } else {
        mean = this.runningMean[j];
        variance = this.runningVar[j];
      }
      const invStd = 1 / Math.sqrt(variance + this.eps);
      this.invStd[j] = invStd;
      standardise(x, xhat, mean, invStd, j, n, f);
    }
    for (let i = 0; i < y.length; i++) {
      const j = i % f;
      y[i] = this.gamma[j] * xhat[i] + this.beta[j];
    }
    this.trained = training;
    this.x = x;
    this.y = y;
    return y;
  }

  backward(dy: Float64Array): Float64Array {
    const f = this.inputSize;
    const n = rows(dy, f, this.type);
    const xhat = this.xhat.get(n);
    const dxhat = this.dxhat.get(n);
    const dx = this.din.get(n);
    for (let i = 0; i < dy.length; i++) {
      const j = i % f;
      this.gammaGrad[j] += dy[i] * xhat[i];
      this.betaGrad[j] += dy[i];
      dxhat[i] = dy[i] * this.gamma[j];
    }
    for (let j = 0; j < f; j++) {
      if (this.trained) {
        standardiseBackward(xhat, dxhat, dx, this.invStd[j], j, n, f);
      } else {
        // Fixed statistics make the layer affine: dx = γ·dy / sqrt(var + eps).
        for (let r = 0; r < n; r++) dx[r * f + j] = dxhat[r * f + j] * this.invStd[j];
      }
    }
    this.dx = dx;
    return dx;
  }

  params(): ParamRef[] {
    return [
      { name: 'weight', value: this.gamma, grad: this.gammaGrad, decay: false },
      { name: 'bias', value: this.beta, grad: this.betaGrad, decay: false },
    ];
  }

  buffers(): BufferRef[] {
    return [
      { name: 'running_mean', value: this.runningMean },
      { name: 'running_var', value: this.runningVar },
      { name: 'num_batches_tracked', value: this.batchesTracked },
    ];
  }
}
