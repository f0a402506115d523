// How far Swish with slope β is
// from ReLU, at most.
import { activations } from 'nonlinear';

const { relu, swish } = activations;
const betas = [0.5, 1, 2, 5, 10];
const swishRows = betas.map((b) => {
  const s = swish.with({ beta: b });
  let gap = 0;
  for (let i = -1e5; i <= 1e5; i++) {
    const x = i / 1e4;
    const d = Math.abs(s.f(x) - relu.f(x));
    gap = Math.max(gap, d);
  }
  return {
    β: b,
    'largest |Swish − ReLU|': gap,
    '0.27846 / β': 0.27846454276 / b,
  };
});
table(swishRows);
