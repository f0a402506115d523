// Dropout and AlphaDropout, both identity in evaluation. In training each element is kept
// with probability 1 − p, and the layer is y = mul·x + add per element:
// - Dropout (inverted): kept → x / (1 − p), dropped → 0.
// - AlphaDropout (Klambauer et al. 2017, §"New dropout technique"; PyTorch's alpha_dropout):
//   dropped elements are set to SELU's negative saturation α' = −λα, then the affine map
//   a·(·) + b restores zero mean and unit variance, with q = 1 − p,
//   a = (q + α'²·q·p)^(−1/2) and b = −a·p·α'. So kept → a·x + a·p·λα, dropped → −a·λα + a·p·λα.
// As in PyTorch, p = 1 outputs zeros.

import type { Source } from '../random/index.ts';
import { BatchBuffer, type Layer, rows } from './layer.ts';

const empty = new Float64Array(0);

/** SELU's λ·α (Klambauer et al.), the magnitude of its negative saturation value. */
export const SELU_SATURATION = 1.0507009873554805 * 1.6732632423543772;

export type DropoutKind = 'dropout' | 'alpha-dropout';

export class Dropout implements Layer {
  readonly type: DropoutKind;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly p: number;
  x: Float64Array = empty;
  y: Float64Array = empty;
  dx: Float64Array = empty;
  private readonly source: Source;
  private readonly mul: BatchBuffer;
  private readonly out: BatchBuffer;
  private readonly din: BatchBuffer;
  private masked = false;

  constructor(type: DropoutKind, size: number, p: number, source: Source) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`${type}: p must be in [0, 1], got ${p}`);
    this.type = type;
    this.inputSize = size;
    this.outputSize = size;
    this.p = p;
    this.source = source;
    this.mul = new BatchBuffer(size);
    this.out = new BatchBuffer(size);
    this.din = new BatchBuffer(size);
  }

  forward(x: Float64Array, training: boolean): Float64Array {
    const n = rows(x, this.inputSize, this.type);
    this.x = x;
    this.masked = training && this.p > 0;
    if (!this.masked) {
      this.y = x;
      return x;
    }
    const p = this.p;
    const q = 1 - p;
    const y = this.out.get(n);
    const mul = this.mul.get(n);
    const alpha = this.type === 'alpha-dropout' ? SELU_SATURATION : 0;
    const a = p === 1 ? 0 : alpha ? 1 / Math.sqrt(q + alpha * alpha * q * p) : 1 / q;
    for (let i = 0; i < x.length; i++) {
      const keep = this.source() >= p;
      mul[i] = keep ? a : 0;
      y[i] = keep ? a * x[i] + a * p * alpha : a * (p - 1) * alpha;
    }
    this.y = y;
    return y;
  }

  backward(dy: Float64Array): Float64Array {
    if (!this.masked) {
      this.dx = dy;
      return dy;
    }
    const dx = this.din.get(rows(dy, this.outputSize, this.type));
    const mul = this.mul.get(dx.length / this.inputSize);
    for (let i = 0; i < dx.length; i++) dx[i] = dy[i] * mul[i];
    this.dx = dx;
    return dx;
  }

  params() {
    return [];
  }

  buffers() {
    return [];
  }
}
