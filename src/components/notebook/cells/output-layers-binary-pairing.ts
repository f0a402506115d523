// Sigmoid output: binary cross-entropy against squared
// error, when the network is confidently wrong.
import { activations, nn } from 'nonlinear';

const { sigmoid } = activations;
const { losses } = nn;
const one = (v: number) => Float64Array.from([v]);
// Rounded to 5 significant digits, enough to compare.
const r = (v: number) => Number(v.toPrecision(5));

// The true label is 1; the logit z says "no", ever more
// surely.
const rows = [-2, -5, -10].map((z) => {
  const bce = new Float64Array(1);
  losses['bce-logits'].evaluate(one(z), one(1), 1, bce);
  // MSE on the probability, then the chain rule through σ.
  const dp = new Float64Array(1);
  losses.mse.evaluate(one(sigmoid.f(z)), one(1), 1, dp);
  return {
    z,
    'σ(z)': r(sigmoid.f(z)),
    'sigmoid + BCE': r(bce[0]),
    'sigmoid + MSE': r(dp[0] * sigmoid.df(z)),
  };
});
table(rows);
