// The contract every catalogue entry meets (DESIGN.md §2). Lessons, tables, widgets, the
// training engine and notebook cells all read activations through these types only.

import type { Source } from '../random/index.ts';

/** A typed array the kernel reads and writes: float64 for accuracy, float32 for speed. */
export type FloatArray = Float32Array | Float64Array;

/** A parameter of an activation, with the range its slider offers. */
export interface Param {
  /** Name used by `with({...})`: `alpha`, `beta`, `lower`, `min`. */
  name: string;
  /** KaTeX source of its symbol: `\\alpha`. */
  tex: string;
  default: number;
  min: number;
  max: number;
  step: number;
  /** True when a network learns it (PReLU's slope). */
  learnable?: boolean;
}

/** One end of an output range. `closed` says whether the value is attained. */
export interface RangeEnd {
  value: number;
  closed: boolean;
}

export type Smoothness = 'C0' | 'C1' | 'Cinf';

/** Which side of the input axis drives the output to a constant (and the gradient to 0). */
export type Saturation = 'none' | 'negative' | 'positive' | 'both';

export interface Properties {
  /** Output range over the reals, with open or closed ends (mathematical, not float64). */
  range: { lo: RangeEnd; hi: RangeEnd };
  /**
   * f is odd (f(−x) = −f(x)), so inputs symmetric about 0 give outputs that average to 0:
   * true for tanh and softsign, false for sigmoid, ReLU and ELU (whose means are only nearer 0).
   */
  zeroCentred: boolean;
  /** 'strict': strictly increasing; 'weak': non-decreasing; 'none': not monotonic. */
  monotonic: 'strict' | 'weak' | 'none';
  smoothness: Smoothness;
  saturation: Saturation;
  /** Outputs exact zeros for a whole half-line of inputs (true sparsity). */
  sparse: boolean;
}

export interface Citation {
  authors: string[];
  title: string;
  venue: string;
  year: number;
  arxiv?: string;
  url?: string;
}

/** Framework defaults, written as code a reader would type, where they matter. */
export interface FrameworkDefaults {
  pytorch?: string;
  keras?: string;
  note?: string;
}

export type Family =
  | 'linear'
  | 'sigmoidal'
  | 'rectifier'
  | 'exponential'
  | 'smooth'
  | 'hard'
  | 'vector';

/** Parameter values by name, for `with()`. */
export type ParamValues = Readonly<Record<string, number>>;

/** What every catalogue entry, scalar or vector, describes about itself. */
export interface ActivationInfo {
  id: string;
  name: string;
  aliases: string[];
  family: Family;
  params: Param[];
  /** The current parameter values (the defaults unless `with` changed them). */
  values: ParamValues;
  /** KaTeX source of f and of its derivative (for vector functions: the Jacobian or vjp). */
  tex: { f: string; df: string };
  defaults: FrameworkDefaults;
  citation: Citation | null;
  /**
   * Year of the function's first public version in neural networks (often an arXiv preprint,
   * so it can be earlier than `citation.year`, the year of the venue); the history timeline
   * uses it.
   */
  year: number;
  /** One sentence on the derivative at kinks (PyTorch's convention) or other caveats. */
  notes?: string;
}

/** Options for a training-mode forward (RReLU samples its slope from `source`). */
export interface ForwardOptions {
  training?: boolean;
  source?: Source;
}

/** A scalar activation applied element-wise. */
export interface Activation extends ActivationInfo {
  kind: 'scalar';
  properties: Properties;
  /** f(x) in float64. */
  f(x: number): number;
  /** f'(x) in float64 (PyTorch's value at kinks). */
  df(x: number): number;
  /** out[i] = f(xs[i]). In training mode a stochastic entry (RReLU) samples from options.source. */
  forward(xs: FloatArray, out: FloatArray, options?: ForwardOptions): void;
  /** dx[i] = dy[i] · f'(xs[i]) (for RReLU in training: the slope sampled by the last forward). */
  backward(xs: FloatArray, dy: FloatArray, dx: FloatArray): void;
  /** The same function with other parameter values. Unknown names or out-of-range values throw. */
  with(values: ParamValues): Activation;
}

/** A function of a whole vector (softmax, log-softmax, maxout). */
export interface VectorActivation extends ActivationInfo {
  kind: 'vector';
  /** Length of the output for an input of length n (maxout: n / k). */
  outputLength(n: number): number;
  /** out = f(xs), xs one vector. */
  forward(xs: FloatArray, out: FloatArray): void;
  /** dx = J(xs)ᵀ · dy, the vector-Jacobian product. */
  backward(xs: FloatArray, dy: FloatArray, dx: FloatArray): void;
  with(values: ParamValues): VectorActivation;
}
