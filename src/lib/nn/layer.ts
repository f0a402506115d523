// What every layer of the engine is: a function of a batch (rows of `inputSize` numbers,
// batch-major, one Float64Array for the whole batch) with a backward pass. Buffers are
// owned by the layer and reused from call to call, so a step allocates nothing; a caller
// that wants to keep an output copies it before the next forward.

/** A trainable array with its gradient, named as PyTorch's state_dict names it. */
export interface ParamRef {
  name: string;
  value: Float64Array;
  grad: Float64Array;
  /** L1/L2 regularisation applies (weights: yes; biases, norms and slopes: no). */
  decay: boolean;
}

/** A non-trainable array a layer keeps between steps (BatchNorm's running statistics). */
export interface BufferRef {
  name: string;
  value: Float64Array;
}

export interface Layer {
  readonly type: string;
  readonly inputSize: number;
  readonly outputSize: number;
  /** The last forward's input and output and the last backward's input gradient. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly dx: Float64Array;
  /** Y for a batch X (X.length a multiple of inputSize). Training mode samples noise. */
  forward(x: Float64Array, training: boolean): Float64Array;
  /** dX for dY of the last forward; adds this batch's parameter gradients to `grad`. */
  backward(dy: Float64Array): Float64Array;
  params(): ParamRef[];
  buffers(): BufferRef[];
}

const empty = new Float64Array(0);

/** The number of rows in a batch, or a RangeError naming the layer. */
export function rows(x: Float64Array, width: number, type: string): number {
  const n = x.length / width;
  if (!Number.isInteger(n)) {
    throw new RangeError(`${type}: batch of length ${x.length} is not a multiple of ${width}`);
  }
  return n;
}

/**
 * A batch-sized work array of `width` columns, grown when needed. A partial last batch
 * takes a view of the same memory, so alternating sizes never allocate new storage.
 */
export class BatchBuffer {
  readonly width: number;
  private store: Float64Array = empty;
  private view: Float64Array = empty;

  constructor(width: number) {
    this.width = width;
  }

  get(n: number): Float64Array {
    const length = n * this.width;
    if (this.view.length !== length) {
      if (this.store.length < length) this.store = new Float64Array(length);
      this.view = this.store.subarray(0, length);
    }
    return this.view;
  }
}

/** Zero every gradient (they accumulate across backward calls until then). */
export function zeroGrads(params: readonly ParamRef[]): void {
  for (const p of params) p.grad.fill(0);
}

/** Prefix each name with a path, as nested PyTorch modules name their parameters. */
export function prefixed<T extends { name: string }>(prefix: string, refs: readonly T[]): T[] {
  return refs.map((r) => ({ ...r, name: `${prefix}.${r.name}` }));
}
