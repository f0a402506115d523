// What each era's function passes back: its largest
// slope, its slope at x = -3 and x = 3, and the best
// case through 10 layers (largest slope to the 10th).
import { activations } from 'nonlinear';

const ids = ['sigmoid', 'tanh', 'relu', 'elu', 'gelu', 'silu'];
const xs = Array.from({ length: 2001 }, (_, i) => -10 + i / 100);
table(
  ids.map((id) => {
    const a = activations[id];
    const best = Math.max(...xs.map((x) => a.df(x)));
    return {
      function: a.name,
      year: a.year,
      'largest slope': Number(best.toPrecision(4)),
      "f'(-3)": Number(a.df(-3).toPrecision(3)),
      "f'(3)": Number(a.df(3).toPrecision(3)),
      'largest ^ 10': Number((best ** 10).toPrecision(3)),
    };
  }),
);
