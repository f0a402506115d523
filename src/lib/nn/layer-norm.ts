// Layer normalisation over the features of each sample (PyTorch's nn.LayerNorm over the
// last dimension: biased variance, eps = 1e-5 inside the square root, a gain and a bias per
// feature). It has no running statistics, so training and evaluation compute the same.

import type { NormOptions } from './batch-norm.ts';
import { BatchBuffer, type Layer, type ParamRef, rows } from './layer.ts';
import { groupMean, groupVariance, standardise, standardiseBackward } from './moments.ts';

const empty = new Float64Array(0);

export class LayerNorm implements Layer {
  readonly type = 'layer-norm';
  readonly inputSize: number;
  readonly outputSize: number;
  readonly eps: number;
  readonly gamma: Float64Array;
  readonly beta: Float64Array;
  readonly gammaGrad: Float64Array;
  readonly betaGrad: Float64Array;
  x: Float64Array = empty;
  y: Float64Array = empty;
  dx: Float64Array = empty;
  private readonly invStd: BatchBuffer;
  private readonly xhat: BatchBuffer;
  private readonly dxhat: BatchBuffer;
  private readonly out: BatchBuffer;
  private readonly din: BatchBuffer;

  constructor(size: number, options: NormOptions = {}) {
    this.inputSize = size;
    this.outputSize = size;
    this.eps = options.eps ?? 1e-5;
    this.gamma = new Float64Array(size).fill(1);
    this.beta = new Float64Array(size);
    this.gammaGrad = new Float64Array(size);
    this.betaGrad = new Float64Array(size);
    this.invStd = new BatchBuffer(1);
    this.xhat = new BatchBuffer(size);
    this.dxhat = new BatchBuffer(size);
    this.out = new BatchBuffer(size);
    this.din = new BatchBuffer(size);
  }

  forward(x: Float64Array, _training: boolean): Float64Array {
    const f = this.inputSize;
    const n = rows(x, f, this.type);
    const xhat = this.xhat.get(n);
    const invStd = this.invStd.get(n);
    const y = this.out.get(n);
    for (let r = 0; r < n; r++) {
      const mean = groupMean(x, r * f, f, 1);
      invStd[r] = 1 / Math.sqrt(groupVariance(x, mean, r * f, f, 1) + this.eps);
      standardise(x, xhat, mean, invStd[r], r * f, f, 1);
    }
    for (let i = 0; i < y.length; i++) {
      const j = i % f;
      y[i] = this.gamma[j] * xhat[i] + this.beta[j];
    }
    this.x = x;
    this.y = y;
    return y;
  }

  backward(dy: Float64Array): Float64Array {
    const f = this.inputSize;
    const n = rows(dy, f, this.type);
    const xhat = this.xhat.get(n);
    const dxhat = this.dxhat.get(n);
    const invStd = this.invStd.get(n);
    const dx = this.din.get(n);
    for (let i = 0; i < dy.length; i++) {
      const j = i % f;
      this.gammaGrad[j] += dy[i] * xhat[i];
      this.betaGrad[j] += dy[i];
      dxhat[i] = dy[i] * this.gamma[j];
    }
    for (let r = 0; r < n; r++) standardiseBackward(xhat, dxhat, dx, invStd[r], r * f, f, 1);
    this.dx = dx;
    return dx;
  }

  params(): ParamRef[] {
    return [
      { name: 'weight', value: this.gamma, grad: this.gammaGrad, decay: false },
      { name: 'bias', value: this.beta, grad: this.betaGrad, decay: false },
    ];
  }

  buffers() {
    return [];
  }
}
