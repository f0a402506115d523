// Which weight scale keeps a layer's variance at 1? Compare with PyTorch's calculate_gain.
import { activations } from 'nonlinear';

// E[f(z)²] for z ~ N(0, 1), by the trapezoid rule on [−12, 12].
function meanSquare(f: (x: number) => number): number {
  const h = 0.001;
  let sum = 0;
  for (let x = -12; x <= 12 + h / 2; x += h) {
    const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
    sum += f(x) ** 2 * density * h;
  }
  return sum;
}

// calculate_gain(name) as PyTorch documents it (torch.nn.init).
const pytorch: [string, string, number][] = [
  ['identity', 'linear', 1],
  ['relu', 'relu', Math.SQRT2],
  ['leaky-relu', 'leaky_relu (slope 0.01)', Math.sqrt(2 / (1 + 0.01 ** 2))],
  ['tanh', 'tanh', 5 / 3],
  ['sigmoid', 'sigmoid', 1],
  ['selu', 'selu', 3 / 4],
];

table(
  pytorch.map(([id, name, gain]) => {
    const m = meanSquare(activations[id].f);
    return {
      activation: name,
      'E[f(z)²]': Number(m.toFixed(4)),
      'gain 1/√E[f(z)²]': Number((1 / Math.sqrt(m)).toFixed(4)),
      'PyTorch gain': Number(gain.toFixed(4)),
    };
  }),
);
