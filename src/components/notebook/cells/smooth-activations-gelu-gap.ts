// GELU's two approximations,
// against the exact GELU.
import { activations } from 'nonlinear';

const exact = activations.gelu;
const gelu = exact.f;
const tanhForm = activations['gelu-tanh'];
// x·σ(1.702x) is Swish with β = 1.702
const sigmoidForm = activations.swish.with({
  beta: 1.702,
});

// The largest |f(x) − GELU(x)| for x
// from 0 to 6 in steps of 0.0001, and
// where. (The gap is even, so x ≥ 0
// is enough.)
type Fn = (x: number) => number;
function largestGap(f: Fn) {
  let gap = 0;
  let where = 0;
  for (let i = 0; i <= 60000; i++) {
    const x = i / 10000;
    const d = Math.abs(f(x) - gelu(x));
    if (d > gap) {
      gap = d;
      where = x;
    }
  }
  return {
    'largest gap': gap,
    'at x = ±': where,
  };
}
table([
  {
    form: 'tanh',
    ...largestGap(tanhForm.f),
  },
  {
    form: 'x·σ(1.702x)',
    ...largestGap(sigmoidForm.f),
  },
]);
