// A fully connected layer, Y = X·Wᵀ + b, with W stored [out][in] row-major as PyTorch's
// nn.Linear stores it (so export and the benchmark read it without transposing).

import { BatchBuffer, type Layer, type ParamRef, rows } from './layer.ts';

const empty = new Float64Array(0);

export class Dense implements Layer {
  readonly type = 'dense';
  readonly inputSize: number;
  readonly outputSize: number;
  /** Weights, W[o * inputSize + i]. */
  readonly weight: Float64Array;
  readonly bias: Float64Array;
  readonly weightGrad: Float64Array;
  readonly biasGrad: Float64Array;
  /**
   * Whether backward computes dX. A network's first layer skips it: nothing upstream needs
   * the gradient with respect to the data, and dx then stays empty.
   */
  inputGradient = true;
  /**
   * Whether inputs are often exactly zero (after a ReLU): forward then skips zero inputs.
   * Set by Network from the previous activation; either way the outputs are the same.
   */
  sparseInput = false;
  /** The starting bias the configuration set (`{ type: 'dense', bias }`), for export. */
  startingBias: number | undefined = undefined;
  x: Float64Array = empty;
  y: Float64Array = empty;
  dx: Float64Array = empty;
  private readonly out: BatchBuffer;
  private readonly din: BatchBuffer;

  constructor(inputSize: number, outputSize: number) {
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    this.weight = new Float64Array(inputSize * outputSize);
    this.bias = new Float64Array(outputSize);
    this.weightGrad = new Float64Array(inputSize * outputSize);
    this.biasGrad = new Float64Array(outputSize);
    this.out = new BatchBuffer(outputSize);
    this.din = new BatchBuffer(inputSize);
  }

  forward(x: Float64Array, _training: boolean): Float64Array {
    const n = rows(x, this.inputSize, this.type);
    const y = this.out.get(n);
    if (this.sparseInput) this.forwardSparse(x, y, n);
    else this.forwardDense(x, y, n);
    this.x = x;
    this.y = y;
    return y;
  }

  // Both forward loops sum each output as b + w₀x₀ + w₁x₁ + … in input order, as
  // Playground does (the reference test depends on it), so they agree bitwise. Two samples
  // at a time, so that each weight is loaded once for both.

  // Output by output: a dot product per output, summed in registers.
  private forwardDense(x: Float64Array, y: Float64Array, n: number): void {
    const ni = this.inputSize;
    const no = this.outputSize;
    const w = this.weight;
    const b = this.bias;
    let r = 0;
    for (; r + 1 < n; r += 2) {
      const x0 = r * ni;
      const x1 = x0 + ni;
      const y0 = r * no;
      for (let o = 0, k = 0; o < no; o++) {
        let s0 = b[o];
        let s1 = s0;
        for (let i = 0; i < ni; i++, k++) {
          const wk = w[k];
          s0 += wk * x[x0 + i];
          s1 += wk * x[x1 + i];
        }
        y[y0 + o] = s0;
        y[y0 + no + o] = s1;
      }
    }
    if (r < n) {
      const x0 = r * ni;
      for (let o = 0, k = 0; o < no; o++) {
        let s = b[o];
        for (let i = 0; i < ni; i++, k++) s += w[k] * x[x0 + i];
        y[r * no + o] = s;
      }
    }
  }

  // Input by input, so that a zero input (a ReLU that is off) costs one test instead of a
  // column of multiplications: about half the work after a ReLU.
  private forwardSparse(x: Float64Array, y: Float64Array, n: number): void {
    const ni = this.inputSize;
    const no = this.outputSize;
    const w = this.weight;
    const b = this.bias;
    for (let r = 0; r < n; r += 2) {
      const pair = r + 1 < n;
      const y0 = r * no;
      const y1 = y0 + no;
      const x0 = r * ni;
      const x1 = x0 + ni;
      for (let o = 0; o < no; o++) y[y0 + o] = b[o];
      if (pair) for (let o = 0; o < no; o++) y[y1 + o] = b[o];
      for (let i = 0; i < ni; i++) {
        const a = x[x0 + i];
        const c = pair ? x[x1 + i] : 0;
        if (a !== 0 && c !== 0) {
          for (let o = 0, k = i; o < no; o++, k += ni) {
            const wk = w[k];
            y[y0 + o] += wk * a;
            y[y1 + o] += wk * c;
          }
        } else if (a !== 0) {
          for (let o = 0, k = i; o < no; o++, k += ni) y[y0 + o] += w[k] * a;
        } else if (c !== 0) {
          for (let o = 0, k = i; o < no; o++, k += ni) y[y1 + o] += w[k] * c;
        }
      }
    }
  }

  // Gradients summed sample by sample, in sample order, as Playground accumulates (the
  // reference test depends on it), two samples at a time as in forward; a zero gradient (a
  // ReLU that is off) adds nothing and is skipped.
  backward(dy: Float64Array): Float64Array {
    const ni = this.inputSize;
    const no = this.outputSize;
    const n = rows(dy, no, this.type);
    const x = this.x;
    const w = this.weight;
    const dw = this.weightGrad;
    const db = this.biasGrad;
    const propagate = this.inputGradient;
    const dx = propagate ? this.din.get(n) : empty;
    if (propagate) dx.fill(0);
    for (let r = 0; r < n; r += 2) {
      const pair = r + 1 < n;
      const x0 = r * ni;
      const x1 = x0 + ni;
      for (let o = 0; o < no; o++) {
        const g0 = dy[r * no + o];
        const g1 = pair ? dy[r * no + no + o] : 0;
        const wo = o * ni;
        if (g0 !== 0 && g1 !== 0) {
          db[o] = db[o] + g0 + g1;
          if (propagate) {
            for (let i = 0, k = wo; i < ni; i++, k++) {
              dw[k] = dw[k] + g0 * x[x0 + i] + g1 * x[x1 + i];
              const wk = w[k];
              dx[x0 + i] += g0 * wk;
              dx[x1 + i] += g1 * wk;
            }
          } else {
            for (let i = 0, k = wo; i < ni; i++, k++)
              dw[k] = dw[k] + g0 * x[x0 + i] + g1 * x[x1 + i];
          }
        } else if (g0 !== 0 || g1 !== 0) {
          const g = g0 !== 0 ? g0 : g1;
          const xr = g0 !== 0 ? x0 : x1;
          db[o] += g;
          if (propagate) {
            for (let i = 0, k = wo; i < ni; i++, k++) {
              dw[k] += g * x[xr + i];
              dx[xr + i] += g * w[k];
            }
          } else {
            for (let i = 0, k = wo; i < ni; i++, k++) dw[k] += g * x[xr + i];
          }
        }
      }
    }
    this.dx = dx;
    return dx;
  }

  params(): ParamRef[] {
    return [
      { name: 'weight', value: this.weight, grad: this.weightGrad, decay: true },
      { name: 'bias', value: this.bias, grad: this.biasGrad, decay: false },
    ];
  }

  buffers() {
    return [];
  }
}
