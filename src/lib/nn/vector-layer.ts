// A vector activation (maxout, softmax, log-softmax) as a layer: the catalogue's function
// and its vector-Jacobian product applied to each row of the batch.

import type { VectorActivation } from '../activations/types.ts';
import { BatchBuffer, type Layer, rows } from './layer.ts';

const empty = new Float64Array(0);

export class VectorLayer implements Layer {
  readonly type = 'vector';
  readonly activation: VectorActivation;
  readonly inputSize: number;
  readonly outputSize: number;
  x: Float64Array = empty;
  y: Float64Array = empty;
  dx: Float64Array = empty;
  private readonly out: BatchBuffer;
  private readonly din: BatchBuffer;

  constructor(activation: VectorActivation, inputSize: number) {
    this.activation = activation;
    this.inputSize = inputSize;
    this.outputSize = activation.outputLength(inputSize);
    this.out = new BatchBuffer(this.outputSize);
    this.din = new BatchBuffer(inputSize);
  }

  forward(x: Float64Array, _training: boolean): Float64Array {
    const n = rows(x, this.inputSize, this.activation.id);
    const y = this.out.get(n);
    const ni = this.inputSize;
    const no = this.outputSize;
    for (let r = 0; r < n; r++) {
      this.activation.forward(x.subarray(r * ni, r * ni + ni), y.subarray(r * no, r * no + no));
    }
    this.x = x;
    this.y = y;
    return y;
  }

  backward(dy: Float64Array): Float64Array {
    const n = rows(dy, this.outputSize, this.activation.id);
    const dx = this.din.get(n);
    const ni = this.inputSize;
    const no = this.outputSize;
    for (let r = 0; r < n; r++) {
      this.activation.backward(
        this.x.subarray(r * ni, r * ni + ni),
        dy.subarray(r * no, r * no + no),
        dx.subarray(r * ni, r * ni + ni),
      );
    }
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
