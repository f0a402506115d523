// Optimisers with PyTorch's update rules (torch.optim.SGD and Adam, single-tensor form), so
// that a reader's PyTorch run and the course's agree step for step. Regularisation adds to
// the gradient before the update, on the parameters marked `decay` (weights, not biases, as
// Playground regularises): L2 adds λ·w (PyTorch's weight_decay, the gradient of λ/2·‖w‖²),
// L1 adds λ·sign(w).

import type { ParamRef } from './layer.ts';

export interface Regularisation {
  l1?: number;
  l2?: number;
}

export interface SgdOptions extends Regularisation {
  learningRate: number;
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
}

export interface AdamOptions extends Regularisation {
  learningRate?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}

export type OptimiserConfig = ({ type: 'sgd' } & SgdOptions) | ({ type: 'adam' } & AdamOptions);

export interface Optimiser {
  readonly type: 'sgd' | 'adam';
  learningRate: number;
  /**
   * Update every parameter from its gradient (the gradients are left as they are). Returns
   * the index of the first parameter holding a value that is not finite after the update, or
   * −1: the update checks what it writes, so the trainer needs no pass of its own.
   */
  step(params: readonly ParamRef[]): number;
  /** Forget momentum and moment estimates. */
  reset(): void;
}

/** The gradient with the regularisation terms, into `g`. */
function regularised(p: ParamRef, g: Float64Array, l1: number, l2: number): Float64Array {
  if (!p.decay || (l1 === 0 && l2 === 0)) return p.grad;
  const w = p.value;
  for (let i = 0; i < w.length; i++) g[i] = p.grad[i] + l2 * w[i] + l1 * Math.sign(w[i]);
  return g;
}

/** Per-parameter state arrays, made on first use and kept in parameter order. */
function states(count: number) {
  let arrays: Float64Array[][] = [];
  return {
    get(params: readonly ParamRef[], k: number): Float64Array[] {
      if (arrays.length !== params.length) {
        arrays = params.map((p) =>
          Array.from({ length: count }, () => new Float64Array(p.value.length)),
        );
      }
      return arrays[k];
    },
    reset() {
      arrays = [];
    },
  };
}

export function sgd(options: SgdOptions): Optimiser {
  const { momentum = 0, dampening = 0, nesterov = false, l1 = 0, l2 = 0 } = options;
  if (nesterov && (momentum <= 0 || dampening !== 0)) {
    throw new RangeError('sgd: Nesterov momentum needs momentum > 0 and zero dampening');
  }
  // [velocity buffer, regularised gradient]
  const state = states(2);
  let steps = 0;
  return {
    type: 'sgd',
    learningRate: options.learningRate,
    step(params) {
      const lr = this.learningRate;
      const first = steps === 0;
      let bad = -1;
      for (let k = 0; k < params.length; k++) {
        const p = params[k];
        const w = p.value;
        const [buf, work] = state.get(params, k);
        const g = regularised(p, work, l1, l2);
        // v − v is 0 for a finite v and NaN otherwise: the sum says whether all are finite.
        let check = 0;
        if (momentum === 0) {
          for (let i = 0; i < w.length; i++) {
            const v = w[i] - lr * g[i];
            w[i] = v;
            check += v - v;
          }
        } else {
          for (let i = 0; i < w.length; i++) {
            // PyTorch starts the buffer at the first gradient, undamped.
            buf[i] = first ? g[i] : momentum * buf[i] + (1 - dampening) * g[i];
            const d = nesterov ? g[i] + momentum * buf[i] : buf[i];
            const v = w[i] - lr * d;
            w[i] = v;
            check += v - v;
          }
        }
        if (check !== 0 && bad < 0) bad = k;
      }
      steps++;
      return bad;
    },
    reset() {
      state.reset();
      steps = 0;
    },
  };
}

export function adam(options: AdamOptions = {}): Optimiser {
  const { beta1 = 0.9, beta2 = 0.999, eps = 1e-8, l1 = 0, l2 = 0 } = options;
  // [first moment, second moment, regularised gradient]
  const state = states(3);
  let t = 0;
  return {
    type: 'adam',
    learningRate: options.learningRate ?? 0.001,
    step(params) {
      t++;
      const bias1 = 1 - beta1 ** t;
      const bias2Sqrt = Math.sqrt(1 - beta2 ** t);
      const stepSize = this.learningRate / bias1;
      let bad = -1;
      for (let k = 0; k < params.length; k++) {
        const p = params[k];
        const [m, v, work] = state.get(params, k);
        const g = regularised(p, work, l1, l2);
        const w = p.value;
        let check = 0;
        for (let i = 0; i < w.length; i++) {
          // torch.lerp(m, g, 1 − β1) is m + (1 − β1)(g − m) for weights below 0.5.
          m[i] += (1 - beta1) * (g[i] - m[i]);
          v[i] = v[i] * beta2 + (1 - beta2) * g[i] * g[i];
          const u = w[i] - (stepSize * m[i]) / (Math.sqrt(v[i]) / bias2Sqrt + eps);
          w[i] = u;
          check += u - u;
        }
        if (check !== 0 && bad < 0) bad = k;
      }
      return bad;
    },
    reset() {
      state.reset();
      t = 0;
    },
  };
}

export function optimiser(config: OptimiserConfig): Optimiser {
  return config.type === 'sgd' ? sgd(config) : adam(config);
}
