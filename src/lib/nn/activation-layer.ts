// An element-wise activation from the catalogue as a layer. The catalogue computes f and f';
// the layer adds what a network needs on top: PReLU's slope as a trainable parameter (one
// shared, as nn.PReLU() has, or one per unit) and RReLU's sampled slopes kept per layer.

import type { Activation } from '../activations/types.ts';
import type { Source } from '../random/index.ts';
import { BatchBuffer, type Layer, type ParamRef, rows } from './layer.ts';

const empty = new Float64Array(0);

export interface ActivationLayerOptions {
  /** The run's generator, for RReLU's slopes in training. */
  source?: Source;
  /** PReLU: one slope per unit instead of one shared slope. */
  perUnit?: boolean;
}

/** f' of every element, from the outputs y, into out. */
type OutputDerivative = (y: Float64Array, out: Float64Array) => void;

/** dx = dy · f'(y) for every element, in one pass (the same products as f' then times dy). */
type OutputBackward = (y: Float64Array, dy: Float64Array, dx: Float64Array) => void;

/**
 * For these the derivative is a function of the output, so backward reads y instead of
 * evaluating f again (tanh: 1 − y², as Playground computes it). The values agree with the
 * catalogue's df to a few ulps; the gradient check holds the layer to the catalogue. Each is
 * a whole loop rather than a function per element: a call site that sees several element
 * functions (tanh and ReLU in one network) stops inlining them and boxes every result.
 * `backward` is `derivative` and the product with dy fused into one loop: the same numbers,
 * one pass instead of two.
 */
const fromOutput: Record<string, { derivative: OutputDerivative; backward: OutputBackward }> = {
  tanh: {
    derivative: (y, out) => {
      for (let i = 0; i < y.length; i++) out[i] = 1 - y[i] * y[i];
    },
    backward: (y, dy, dx) => {
      for (let i = 0; i < y.length; i++) dx[i] = dy[i] * (1 - y[i] * y[i]);
    },
  },
  sigmoid: {
    derivative: (y, out) => {
      for (let i = 0; i < y.length; i++) out[i] = y[i] * (1 - y[i]);
    },
    backward: (y, dy, dx) => {
      for (let i = 0; i < y.length; i++) dx[i] = dy[i] * (y[i] * (1 - y[i]));
    },
  },
  // PyTorch's relu'(0) = 0, and y > 0 exactly when x > 0. Branch-free: a ReLU's signs are
  // a coin toss per element, which a branch would mispredict half the time.
  relu: {
    derivative: (y, out) => {
      for (let i = 0; i < y.length; i++) out[i] = +(y[i] > 0);
    },
    backward: (y, dy, dx) => {
      for (let i = 0; i < y.length; i++) dx[i] = dy[i] * +(y[i] > 0);
    },
  },
  identity: {
    derivative: (y, out) => {
      out.fill(1, 0, y.length);
    },
    backward: (y, dy, dx) => {
      for (let i = 0; i < y.length; i++) dx[i] = dy[i];
    },
  },
};

export class ActivationLayer implements Layer {
  readonly type = 'activation';
  readonly activation: Activation;
  readonly inputSize: number;
  readonly outputSize: number;
  /** PReLU's slopes (one, or one per unit), or null for every other function. */
  readonly slope: Float64Array | null;
  readonly slopeGrad: Float64Array | null;
  x: Float64Array = empty;
  y: Float64Array = empty;
  dx: Float64Array = empty;
  private readonly source: Source | undefined;
  private readonly out: BatchBuffer;
  private readonly din: BatchBuffer;
  /** RReLU's slopes from the last training forward, one per element; empty otherwise. */
  private readonly noise: BatchBuffer;
  private readonly ones: BatchBuffer;
  private sampled = false;
  private readonly derivative: OutputDerivative | undefined;
  private readonly outputBackward: OutputBackward | undefined;

  constructor(activation: Activation, size: number, options: ActivationLayerOptions = {}) {
    this.activation = activation;
    this.inputSize = size;
    this.outputSize = size;
    this.source = options.source;
    this.out = new BatchBuffer(size);
    this.din = new BatchBuffer(size);
    this.noise = new BatchBuffer(size);
    this.ones = new BatchBuffer(size);
    const isDefault = activation.params.every((p) => activation.values[p.name] === p.default);
    const known = isDefault ? fromOutput[activation.id] : undefined;
    this.derivative = known?.derivative;
    this.outputBackward = known?.backward;
    if (activation.id === 'prelu') {
      this.slope = new Float64Array(options.perUnit ? size : 1).fill(activation.values.alpha);
      this.slopeGrad = new Float64Array(this.slope.length);
    } else {
      this.slope = null;
      this.slopeGrad = null;
    }
    if (activation.id === 'rrelu' && !this.source) {
      throw new TypeError('rrelu: a layer needs the run’s source to sample slopes in training');
    }
  }

  forward(x: Float64Array, training: boolean): Float64Array {
    const n = rows(x, this.inputSize, this.activation.id);
    const y = this.out.get(n);
    this.sampled = false;
    if (this.slope) this.preluForward(x, y);
    else if (training && this.activation.id === 'rrelu') this.rreluForward(x, y, n);
    else this.activation.forward(x, y);
    this.x = x;
    this.y = y;
    return y;
  }

  backward(dy: Float64Array): Float64Array {
    const n = rows(dy, this.outputSize, this.activation.id);
    const dx = this.din.get(n);
    if (this.slope) {
      this.preluBackward(dy, dx);
    } else if (this.sampled) {
      const a = this.noise.get(n);
      for (let i = 0; i < dx.length; i++) dx[i] = dy[i] * a[i];
    } else if (this.outputBackward) {
      this.outputBackward(this.y, dy, dx);
    } else {
      this.activation.backward(this.x, dy, dx);
    }
    this.dx = dx;
    return dx;
  }

  /** f'(x) at every element of the last forward (RReLU in training: the sampled slope). */
  localGradient(out: Float64Array): void {
    const x = this.x;
    const y = this.y;
    const slope = this.slope;
    const derivative = this.derivative;
    if (slope) {
      const size = this.inputSize;
      for (let i = 0; i < x.length; i++)
        out[i] = x[i] > 0 ? 1 : slope[slope.length === 1 ? 0 : i % size];
    } else if (this.sampled) {
      out.set(this.noise.get(out.length / this.outputSize));
    } else if (derivative) {
      derivative(y, out);
    } else {
      // The catalogue's backward with dy = 1 is f'(x), vectorised.
      const ones = this.ones.get(out.length / this.outputSize).fill(1);
      this.activation.backward(x, ones, out);
    }
  }

  params(): ParamRef[] {
    if (!this.slope || !this.slopeGrad) return [];
    return [{ name: 'weight', value: this.slope, grad: this.slopeGrad, decay: false }];
  }

  buffers() {
    return [];
  }

  // PyTorch's prelu: x > 0 ? x : a·x, so at 0 the gradient takes the slope.
  private preluForward(x: Float64Array, y: Float64Array): void {
    const a = this.slope as Float64Array;
    const m = a.length;
    const size = this.inputSize;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      y[i] = v > 0 ? v : a[m === 1 ? 0 : i % size] * v;
    }
  }

  private preluBackward(dy: Float64Array, dx: Float64Array): void {
    const a = this.slope as Float64Array;
    const da = this.slopeGrad as Float64Array;
    const m = a.length;
    const size = this.inputSize;
    const x = this.x;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      const j = m === 1 ? 0 : i % size;
      if (v > 0) {
        dx[i] = dy[i];
      } else {
        dx[i] = a[j] * dy[i];
        da[j] += v * dy[i];
      }
    }
  }

  // Sampled here rather than by the catalogue entry so that two RReLU layers of one network
  // each keep their own slopes until their backward.
  private rreluForward(x: Float64Array, y: Float64Array, n: number): void {
    const { lower, upper } = this.activation.values;
    const a = this.noise.get(n);
    const source = this.source as Source;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      // PyTorch samples for x ≤ 0 and passes x > 0 through with gradient 1.
      a[i] = v > 0 ? 1 : lower + (upper - lower) * source();
      y[i] = v * a[i];
    }
    this.sampled = true;
  }
}
