// A residual block around a branch F (any layers whose output has the input's width):
// pre-norm  y = x + F(norm(x))   (the norm on the branch; the skip path stays clean)
// post-norm y = norm(x + F(x))   (the original Transformer's and ResNet's placement)
// or no norm at all, y = x + F(x).

import { BatchBuffer, type BufferRef, type Layer, type ParamRef, prefixed, rows } from './layer.ts';
import type { Sequential } from './sequential.ts';

const empty = new Float64Array(0);

export type NormPlacement = 'pre' | 'post' | 'none';

export class Residual implements Layer {
  readonly type = 'residual';
  readonly inputSize: number;
  readonly outputSize: number;
  readonly branch: Sequential;
  readonly norm: Layer | null;
  readonly placement: NormPlacement;
  x: Float64Array = empty;
  y: Float64Array = empty;
  dx: Float64Array = empty;
  private readonly sum: BatchBuffer;
  private readonly din: BatchBuffer;

  constructor(branch: Sequential, placement: NormPlacement, norm: Layer | null) {
    if (branch.outputSize !== branch.inputSize) {
      throw new RangeError(
        `residual: the branch maps ${branch.inputSize} to ${branch.outputSize} units; a skip connection needs equal widths`,
      );
    }
    if ((placement === 'none') !== (norm === null)) {
      throw new RangeError(`residual: placement '${placement}' and the norm layer disagree`);
    }
    if (norm && norm.inputSize !== branch.inputSize) {
      throw new RangeError(
        `residual: the norm has width ${norm.inputSize}, not ${branch.inputSize}`,
      );
    }
    this.branch = branch;
    this.norm = norm;
    this.placement = placement;
    this.inputSize = branch.inputSize;
    this.outputSize = branch.inputSize;
    this.sum = new BatchBuffer(this.inputSize);
    this.din = new BatchBuffer(this.inputSize);
  }

  forward(x: Float64Array, training: boolean): Float64Array {
    const n = rows(x, this.inputSize, this.type);
    const s = this.sum.get(n);
    const inner = this.placement === 'pre' && this.norm ? this.norm.forward(x, training) : x;
    const f = this.branch.forward(inner, training);
    for (let i = 0; i < s.length; i++) s[i] = x[i] + f[i];
    const y = this.placement === 'post' && this.norm ? this.norm.forward(s, training) : s;
    this.x = x;
    this.y = y;
    return y;
  }

  backward(dy: Float64Array): Float64Array {
    const n = rows(dy, this.outputSize, this.type);
    const dx = this.din.get(n);
    const ds = this.placement === 'post' && this.norm ? this.norm.backward(dy) : dy;
    let df = this.branch.backward(ds);
    if (this.placement === 'pre' && this.norm) df = this.norm.backward(df);
    for (let i = 0; i < dx.length; i++) dx[i] = ds[i] + df[i];
    this.dx = dx;
    return dx;
  }

  params(): ParamRef[] {
    const own = prefixed('branch', this.branch.params());
    return this.norm ? [...own, ...prefixed('norm', this.norm.params())] : own;
  }

  buffers(): BufferRef[] {
    const own = prefixed('branch', this.branch.buffers());
    return this.norm ? [...own, ...prefixed('norm', this.norm.buffers())] : own;
  }
}
