// The same 100 000 pre-activations z ~ N(0, spread²)
// through every scalar function of the catalogue:
// mean and variance of the outputs, the share that are
// exactly 0 (sparsity), the share of inputs where
// |f′(z)| < 0.01 (saturation), and κ for a next-layer
// unit with 100 such inputs (1 for centred outputs).
import { activations, random } from 'nonlinear';

type Activation = typeof activations.relu;

const spread = 1; // try 3: more saturated inputs
const fanIn = 100; // inputs of the next layer's unit
const source = random.seeded(2);
const normal = random.randomNormal(source, 0, spread);
const z = Float64Array.from({ length: 100_000 }, normal);
const percent = (p: number) => `${(100 * p).toFixed(1)} %`;

function measure(a: Activation, xs: Float64Array) {
  const n = xs.length;
  const ys = new Float64Array(n);
  const abs = Math.abs;
  a.forward(xs, ys);
  let sum = 0;
  let squares = 0;
  let zeros = 0;
  let flat = 0;
  for (let i = 0; i < n; i++) {
    sum += ys[i];
    squares += ys[i] * ys[i];
    if (ys[i] === 0) zeros++;
    if (abs(a.df(xs[i])) < 0.01) flat++;
  }
  const mean = sum / n;
  const variance = squares / n - mean * mean;
  const kappa = 1 + (fanIn * mean * mean) / variance;
  return {
    function: a.name,
    mean: mean.toFixed(3),
    variance: variance.toFixed(3),
    'exactly 0': percent(zeros / n),
    '|f′| < 0.01': percent(flat / n),
    κ: kappa.toFixed(1),
  };
}

table(Object.values(activations).map((a) => measure(a, z)));
