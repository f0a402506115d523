// The slope each rectifier reports at its kink, and just either side of it.
import { activations } from 'nonlinear';

// Number.MIN_VALUE is the smallest positive double, about 5e-324.
const tiny = Number.MIN_VALUE;
const kinked = [
  activations.relu,
  activations['leaky-relu'],
  activations.prelu,
  activations.rrelu,
  activations.relu6,
  activations.elu,
  activations.elu.with({ alpha: 2 }),
  activations.celu.with({ alpha: 2 }),
  activations.selu,
];
const label = (f: (typeof kinked)[number]) => {
  const values = f.params.map((p) => `${p.name} = ${Number(f.values[p.name].toFixed(3))}`);
  return values.length === 0 ? f.name : `${f.name} (${values.join(', ')})`;
};
// Slopes rounded to 4 decimals.
const r = (v: number) => Number(v.toFixed(4));
table(
  kinked.map((f) => ({
    function: label(f),
    'left of 0': r(f.df(-tiny)),
    'at 0': r(f.df(0)),
    'right of 0': r(f.df(tiny)),
  })),
);
const r6 = activations.relu6;
const [left, at, right] = [r6.df(6 - 1e-9), r6.df(6), r6.df(6 + 1e-9)];
print(`ReLU6 at 6: left ${left}, at 6 ${at}, right ${right}`);
