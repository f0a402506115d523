// Where GELU, SiLU, Mish and
// hard-swish bottom out.
import { activations } from 'nonlinear';

// The x where f′ changes sign between
// lo and hi (f′(lo) < 0 < f′(hi)),
// found by bisection.
type Slope = (x: number) => number;
function bottom(df: Slope) {
  let lo = -3;
  let hi = -0.1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (df(mid) < 0) lo = mid;
    else hi = mid;
  }
  return lo;
}

const ids = ['gelu', 'gelu-tanh', 'silu', 'mish', 'hard-swish'] as const;
const dips = ids.map((id) => {
  const fn = activations[id];
  const x = bottom(fn.df);
  return {
    function: fn.name,
    'minimum at x': x,
    'minimum value': fn.f(x),
  };
});
table(dips);
