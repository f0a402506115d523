// One linear unit, two inputs, no bias, squared error.
// Plain gradient descent from w = (0, 0) to w* = (2, −1),
// the weights that fit the data exactly. The same 200
// examples twice: sigmoid outputs (always positive), and
// the same numbers minus ½ (centred, same spread).
import { activations, random } from 'nonlinear';

type Pairs = number[][];

const { sigmoid } = activations;
const normal = random.randomNormal(random.seeded(1));
const sample = () => sigmoid.f(normal());
const pair = () => [sample(), sample()];
const positive: Pairs = Array.from({ length: 200 }, pair);
const centred = positive.map((a) => a.map((x) => x - 0.5));
const target = [2, -1];

/** The weights after each step, stopping early once
 *  within 0.01 of w* (or once clearly diverging). */
function descend(inputs: Pairs, rate: number, steps = 500) {
  const [t1, t2] = target;
  const n = inputs.length;
  let w1 = 0;
  let w2 = 0;
  const path = [{ step: 0, w1, w2 }];
  for (let step = 1; step <= steps; step++) {
    let g1 = 0;
    let g2 = 0;
    for (const [a1, a2] of inputs) {
      // error = prediction − wanted output;
      // the gradient of error²/2 is error · (a1, a2)
      const error = (w1 - t1) * a1 + (w2 - t2) * a2;
      g1 += (error * a1) / n;
      g2 += (error * a2) / n;
    }
    w1 -= rate * g1;
    w2 -= rate * g2;
    path.push({ step, w1, w2 });
    const gap = Math.hypot(w1 - t1, w2 - t2);
    if (gap < 0.01 || gap > 1e6) break;
  }
  return path;
}

/** Steps to within 0.01 of w* (Infinity: not in 500). */
function stepsNeeded(inputs: Pairs, rate: number) {
  const [t1, t2] = target;
  const path = descend(inputs, rate);
  const last = path[path.length - 1];
  const gap = Math.hypot(last.w1 - t1, last.w2 - t2);
  return gap < 0.01 ? last.step : Number.POSITIVE_INFINITY;
}

/** Share of examples whose own gradient at w = (0, 0)
 *  moves both weights the same way. */
function sameWay(inputs: Pairs) {
  const [t1, t2] = target;
  const same = inputs.filter(([a1, a2]) => {
    const error = -(t1 * a1 + t2 * a2);
    return Math.sign(error * a1) === Math.sign(error * a2);
  });
  return same.length / inputs.length;
}

// Each kind of input gets the learning rate that suits
// it best, from the same grid of 40 rates.
const grid = Array.from({ length: 40 }, (_, k) => k);
const rates = grid.map((k) => 0.5 * 1.1 ** k);
const runs = [
  { inputs: 'positive: σ(z)', data: positive },
  { inputs: 'centred: σ(z) − ½', data: centred },
].map((run) => {
  const steps = rates.map((r) => stepsNeeded(run.data, r));
  const best = steps.indexOf(Math.min(...steps));
  return { ...run, rate: rates[best], steps: steps[best] };
});

const share = (p: number) => `${Math.round(100 * p)} %`;
table(
  runs.map((run) => ({
    inputs: run.inputs,
    'best rate': run.rate.toFixed(2),
    'steps to w*': run.steps,
    'same-direction examples': share(sameWay(run.data)),
  })),
);
