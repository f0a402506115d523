// Losses over a batch: output Y and target T of the same shape (n rows of `width`), the
// mean loss returned and, when asked, its gradient with respect to Y written to dY. All are
// computed in forms that stay finite for large inputs.

import { argmax, sumOthers } from '../activations/vector.ts';

export type LossId = 'half-mse' | 'mse' | 'bce-logits' | 'softmax-cross-entropy';

export interface Loss {
  readonly id: LossId;
  /** Mean loss over the batch; when dy is given, d(mean loss)/dY is written to it. */
  evaluate(y: Float64Array, t: Float64Array, width: number, dy?: Float64Array): number;
}

function checkShapes(id: LossId, y: Float64Array, t: Float64Array, width: number): number {
  if (t.length !== y.length) {
    throw new RangeError(`${id}: target has length ${t.length}, output ${y.length}`);
  }
  const n = y.length / width;
  if (!Number.isInteger(n) || n === 0) {
    throw new RangeError(`${id}: output of length ${y.length} is not a batch of width ${width}`);
  }
  return n;
}

/**
 * Squared error: mse is PyTorch's MSELoss (mean over every element); half-mse is half of
 * it, Playground's ½(y − t)², whose gradient is (y − t) over the batch.
 */
function squared(id: 'half-mse' | 'mse', scale: number): Loss {
  return {
    id,
    evaluate(y, t, width, dy) {
      checkShapes(id, y, t, width);
      const m = y.length;
      let sum = 0;
      for (let i = 0; i < m; i++) {
        const e = y[i] - t[i];
        sum += e * e;
        if (dy) dy[i] = (2 * scale * e) / m;
      }
      return (scale * sum) / m;
    },
  };
}

/**
 * PyTorch's BCEWithLogitsLoss with targets in [0, 1]: max(z, 0) − z·t + log1p(exp(−|z|)),
 * mean over every element; gradient σ(z) − t.
 */
const bceLogits: Loss = {
  id: 'bce-logits',
  evaluate(y, t, width, dy) {
    checkShapes('bce-logits', y, t, width);
    const m = y.length;
    let sum = 0;
    for (let i = 0; i < m; i++) {
      const z = y[i];
      const e = Math.exp(-Math.abs(z));
      sum += Math.max(z, 0) - z * t[i] + Math.log1p(e);
      if (dy) {
        const sigma = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        dy[i] = (sigma - t[i]) / m;
      }
    }
    return sum / m;
  },
};

/**
 * Softmax then cross-entropy against a target distribution per row (one-hot for classes),
 * fused: −Σ t_j log p_j with log p_j = (z_j − max) − log1p(Σ_{others} exp(z − max)), mean
 * over rows; gradient (p − t) / n.
 */
const softmaxCrossEntropy: Loss = {
  id: 'softmax-cross-entropy',
  evaluate(y, t, width, dy) {
    const n = checkShapes('softmax-cross-entropy', y, t, width);
    let sum = 0;
    for (let r = 0; r < n; r++) {
      const start = r * width;
      const row = y.subarray(start, start + width);
      const k = argmax(row, 0, width);
      const m = row[k];
      const logDenominator = Math.log1p(sumOthers(row, k, 1));
      for (let j = 0; j < width; j++) {
        const shifted = row[j] - m;
        const target = t[start + j];
        if (target !== 0) sum -= target * (shifted - logDenominator);
        if (dy) dy[start + j] = (Math.exp(shifted - logDenominator) - target) / n;
      }
    }
    return sum / n;
  },
};

export const losses: Record<LossId, Loss> = {
  'half-mse': squared('half-mse', 0.5),
  mse: squared('mse', 1),
  'bce-logits': bceLogits,
  'softmax-cross-entropy': softmaxCrossEntropy,
};
