// SELU, the scaled ELU of self-normalising networks: λx for x > 0, λα(e^x − 1) otherwise,
// with the paper's constants. λα is the correctly rounded product of the exact constants
// (the product of the two rounded doubles is one ulp low).

import { defineScalar, range } from './scalar.ts';

/** λ = 1.0507009873554804934193349852946, rounded. */
const LAMBDA = 1.0507009873554805;
/** λα = 1.7580993408473768599402175208123…, rounded (1.0507009873554805 · 1.6732632423543772 gives …766). */
const LAMBDA_ALPHA = 1.7580993408473768;

function f(x: number): number {
  return x > 0 ? LAMBDA * x : LAMBDA_ALPHA * Math.expm1(x);
}

/** λ for x > 0, λα·e^x for x ≤ 0 (λα at 0, as in PyTorch). */
function df(x: number): number {
  return x > 0 ? LAMBDA : LAMBDA_ALPHA * Math.exp(x);
}

/** λx for x > 0, λα(e^x − 1) otherwise; λ ≈ 1.0507, α ≈ 1.6733. */
export const selu = defineScalar({
  id: 'selu',
  name: 'SELU',
  aliases: ['scaled exponential linear unit'],
  family: 'exponential',
  params: [],
  tex: {
    f: '\\lambda \\begin{cases} x & x > 0 \\\\ \\alpha\\left(e^{x} - 1\\right) & x \\le 0 \\end{cases}, \\; \\lambda \\approx 1.0507, \\; \\alpha \\approx 1.6733',
    df: '\\lambda \\begin{cases} 1 & x > 0 \\\\ \\alpha e^{x} & x \\le 0 \\end{cases}',
  },
  defaults: {
    pytorch: 'nn.SELU()',
    keras: 'keras.activations.selu(x)',
    note: 'Same constants in both. Self-normalisation assumes LeCun-normal initialisation and AlphaDropout, not plain dropout.',
  },
  citation: {
    authors: ['G. Klambauer', 'T. Unterthiner', 'A. Mayr', 'S. Hochreiter'],
    title: 'Self-Normalizing Neural Networks',
    venue: 'NeurIPS (NIPS) 2017, pp. 971–980',
    year: 2017,
    arxiv: '1706.02515',
  },
  year: 2017,
  notes:
    'f′(0) = λα ≈ 1.7581, as in PyTorch, against λ ≈ 1.0507 just right of 0: SELU has a kink at 0 and is only C⁰. λ = 1.0507009873554804934193349852946, α = 1.6732632423543772848170429916717.',
  properties: () => ({
    range: range(-LAMBDA_ALPHA, false, Number.POSITIVE_INFINITY, false),
    zeroCentred: false,
    monotonic: 'strict',
    smoothness: 'C0',
    saturation: 'negative',
    sparse: false,
  }),
  kernel: () => ({
    f,
    df,
    forward(xs, out) {
      for (let i = 0; i < xs.length; i++) out[i] = f(xs[i]);
    },
    backward(xs, dy, dx) {
      for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * df(xs[i]);
    },
  }),
});
