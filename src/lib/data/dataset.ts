// A data set as the engine reads it: n rows of inputs and targets in flat Float64Arrays,
// plus class labels when the task is classification.

export interface Dataset {
  name: string;
  n: number;
  /** Input width (2 for the toy sets, 1 for 1-D regression). */
  inputs: number;
  /** Target width: 1 (a ±1 label or a value) or k (one-hot, for softmax). */
  outputs: number;
  /** n × inputs, row-major. */
  x: Float64Array;
  /** n × outputs, row-major. */
  y: Float64Array;
  task: 'classification' | 'regression';
  /** Class of each sample for classification (for ±1 labels: 1 for +1, 0 for −1). */
  labels?: Int32Array;
  /** Number of classes for classification. */
  classes?: number;
}

export interface Point2D {
  x: number;
  y: number;
  label: number;
}

/** A two-input set from points with ±1 labels (classification) or real targets. */
export function fromPoints(
  name: string,
  points: readonly Point2D[],
  task: 'classification' | 'regression',
): Dataset {
  const n = points.length;
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  points.forEach((p, i) => {
    x[2 * i] = p.x;
    x[2 * i + 1] = p.y;
    y[i] = p.label;
  });
  const data: Dataset = { name, n, inputs: 2, outputs: 1, x, y, task };
  if (task === 'classification') {
    data.labels = Int32Array.from(points, (p) => (p.label > 0 ? 1 : 0));
    data.classes = 2;
  }
  return data;
}

/** One-hot rows for class labels 0..k-1. */
export function oneHot(labels: Int32Array, k: number): Float64Array {
  const out = new Float64Array(labels.length * k);
  labels.forEach((c, i) => {
    if (!(Number.isInteger(c) && c >= 0 && c < k))
      throw new RangeError(`label ${c} is not in 0..${k - 1}`);
    out[i * k + c] = 1;
  });
  return out;
}
