// Input features of two-input sets, as TensorFlow Playground offers them (its INPUTS table in
// src/playground.ts): x₁, x₂, x₁², x₂², x₁x₂, sin x₁ and sin x₂ of the raw coordinates, with
// no scaling. The reader picks some; the network's inputs are those, in this order, so the
// training data, the decision map's grid and an exported model all compute the same ones.

export const featureIds = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
export type FeatureId = (typeof featureIds)[number];

export interface Feature {
  /** The feature of the point (x₁, x₂). */
  f: (x1: number, x2: number) => number;
  /** How it is written in text: 'x₁²'. */
  label: string;
  /** A Python expression of the columns x1 and x2 and a function sin (NumPy, torch, keras.ops). */
  python: string;
}

export const features: Record<FeatureId, Feature> = {
  x1: { f: (x1) => x1, label: 'x₁', python: 'x1' },
  x2: { f: (_, x2) => x2, label: 'x₂', python: 'x2' },
  x1sq: { f: (x1) => x1 * x1, label: 'x₁²', python: 'x1 * x1' },
  x2sq: { f: (_, x2) => x2 * x2, label: 'x₂²', python: 'x2 * x2' },
  x1x2: { f: (x1, x2) => x1 * x2, label: 'x₁x₂', python: 'x1 * x2' },
  sinx1: { f: (x1) => Math.sin(x1), label: 'sin x₁', python: 'sin(x1)' },
  sinx2: { f: (_, x2) => Math.sin(x2), label: 'sin x₂', python: 'sin(x2)' },
};

/** The two raw coordinates, the features of a network without a choice. */
export const plainFeatures: readonly FeatureId[] = ['x1', 'x2'];

/**
 * The chosen features in the canonical order, or a RangeError for an unknown one, a
 * repeated one or none.
 */
export function checkFeatures(ids: readonly string[]): FeatureId[] {
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new RangeError('choose at least one input feature');
  }
  for (const id of ids) {
    if (!(featureIds as readonly string[]).includes(id)) {
      throw new RangeError(`unknown input feature "${id}" (known: ${featureIds.join(', ')})`);
    }
  }
  if (new Set(ids).size !== ids.length) {
    throw new RangeError(`input features repeat: ${ids.join(', ')}`);
  }
  return featureIds.filter((id) => ids.includes(id));
}

/** Rows of the chosen features for rows of (x₁, x₂). */
export function applyFeatures(x: Float64Array, ids: readonly FeatureId[]): Float64Array {
  if (x.length % 2 !== 0) {
    throw new RangeError(`features need rows of 2 coordinates; ${x.length} numbers are not`);
  }
  const fs = ids.map((id) => features[id].f);
  const m = fs.length;
  const n = x.length / 2;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const x1 = x[2 * i];
    const x2 = x[2 * i + 1];
    for (let j = 0; j < m; j++) out[i * m + j] = fs[j](x1, x2);
  }
  return out;
}

/** True when the features are x₁ and x₂ alone, in order: the raw data. */
export const isPlain = (ids: readonly FeatureId[]) =>
  ids.length === 2 && ids[0] === 'x1' && ids[1] === 'x2';

/**
 * Python that turns an (n, 2) array of points into the network's inputs, for a model
 * exported from the lab: `lib` names the module with `stack` and `sin` (torch, keras.ops
 * or numpy; keras.ops.stack and numpy.stack take `axis`, torch.stack `dim`).
 */
export function pythonFeatures(ids: readonly FeatureId[], lib: 'torch' | 'keras.ops' | 'numpy') {
  const axis = lib === 'torch' ? 'dim' : 'axis';
  const columns = ids.map((id) => features[id].python).join(', ');
  return [
    'def features(points):',
    `    """The lab's input features (${ids.map((id) => features[id].label).join(', ')}) of (n, 2) points."""`,
    `    sin = ${lib}.sin`,
    '    x1, x2 = points[:, 0], points[:, 1]',
    `    return ${lib}.stack([${columns}], ${axis}=1)`,
  ].join('\n');
}
