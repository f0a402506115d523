// Linear least squares by Householder QR: the exact solve behind the universal-approximation
// figure. QR works on A itself, so it does not square A's condition number as the normal
// equations do; an optional ridge λ is added as √λ·I rows under A.

export interface LeastSquaresOptions {
  /** Ridge penalty λ ≥ 0 on the coefficients: minimises ‖Ac − y‖² + λ‖c‖². */
  ridge?: number;
}

export interface LeastSquaresResult {
  /** The coefficients c (length n). */
  coefficients: Float64Array;
  /** Columns whose pivot vanished (rank deficient); their coefficients are set to 0. */
  dropped: number[];
}

/**
 * Minimises ‖A c − y‖² over c, where A is `rows` × `cols`, stored row-major.
 * A rank-deficient A does not throw: a column that adds nothing new gets coefficient 0.
 */
export function leastSquares(
  a: ArrayLike<number>,
  rows: number,
  cols: number,
  y: ArrayLike<number>,
  { ridge = 0 }: LeastSquaresOptions = {},
): LeastSquaresResult {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new RangeError(`leastSquares: need whole numbers of rows and columns ≥ 1`);
  }
  if (a.length !== rows * cols) {
    throw new RangeError(`leastSquares: A has ${a.length} entries, expected ${rows * cols}`);
  }
  if (y.length !== rows)
    throw new RangeError(`leastSquares: y has ${y.length} entries, not ${rows}`);
  if (!(ridge >= 0)) throw new RangeError(`leastSquares: ridge must be ≥ 0, got ${ridge}`);
  const extra = ridge > 0 ? cols : 0;
  const m = rows + extra;
  const n = cols;
  // Column-major working copy, so each Householder step runs down contiguous memory.
  const q = new Float64Array(m * n);
  for (let i = 0; i < rows; i++) for (let j = 0; j < n; j++) q[j * m + i] = a[i * n + j];
  const s = Math.sqrt(ridge);
  for (let j = 0; j < extra; j++) q[j * m + rows + j] = s;
  const b = new Float64Array(m);
  for (let i = 0; i < rows; i++) b[i] = y[i];

  const diag = new Float64Array(n);
  let scale = 0;
  for (let j = 0; j < n; j++) scale = Math.max(scale, norm2(q, j * m, j * m + m));
  // A pivot this small relative to the largest column means the column adds nothing usable.
  const tol = 1e-10 * scale;
  const steps = Math.min(m, n);
  for (let k = 0; k < steps; k++) {
    const col = k * m;
    const norm = norm2(q, col + k, col + m);
    if (norm === 0) {
      diag[k] = 0;
      continue;
    }
    // v = x + sign(x₀)‖x‖e₀, kept in place of the column below the diagonal.
    const alpha = q[col + k] >= 0 ? -norm : norm;
    q[col + k] -= alpha;
    let vv = 0;
    for (let i = k; i < m; i++) vv += q[col + i] * q[col + i];
    diag[k] = alpha;
    if (vv === 0) continue;
    for (let j = k + 1; j < n; j++) {
      const other = j * m;
      let dot = 0;
      for (let i = k; i < m; i++) dot += q[col + i] * q[other + i];
      const f = (2 * dot) / vv;
      for (let i = k; i < m; i++) q[other + i] -= f * q[col + i];
    }
    let dot = 0;
    for (let i = k; i < m; i++) dot += q[col + i] * b[i];
    const f = (2 * dot) / vv;
    for (let i = k; i < m; i++) b[i] -= f * q[col + i];
  }

  // Back substitution on R c = Qᵀy, skipping vanished pivots.
  const c = new Float64Array(n);
  const dropped: number[] = [];
  for (let k = n - 1; k >= 0; k--) {
    if (k >= steps || Math.abs(diag[k]) <= tol) {
      dropped.unshift(k);
      continue;
    }
    let sum = b[k];
    for (let j = k + 1; j < n; j++) sum -= q[j * m + k] * c[j];
    c[k] = sum / diag[k];
  }
  return { coefficients: c, dropped };
}

/** Euclidean norm of v[from..to), scaled so that neither overflow nor underflow bites. */
function norm2(v: Float64Array, from: number, to: number): number {
  let big = 0;
  for (let i = from; i < to; i++) big = Math.max(big, Math.abs(v[i]));
  if (big === 0 || !Number.isFinite(big)) return big;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const t = v[i] / big;
    sum += t * t;
  }
  return big * Math.sqrt(sum);
}
