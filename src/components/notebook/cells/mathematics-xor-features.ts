// XOR is not linearly separable in (x1, x2). Two ReLU features make it so.
import { activations } from 'nonlinear';

const relu = activations.relu.f;
// The feature map φ(x) = (ReLU(x1 + x2), ReLU(x1 + x2 − 1)): fixed weights, by hand.
const phi = (x1: number, x2: number) => [relu(x1 + x2), relu(x1 + x2 - 1)];
// A linear read-out of the features: y = h1 − 2·h2.
const readout = ([h1, h2]: number[]) => h1 - 2 * h2;

table(
  [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ].map(([x1, x2]) => {
    const h = phi(x1, x2);
    return { x1, x2, XOR: x1 ^ x2, h1: h[0], h2: h[1], 'h1 − 2·h2': readout(h) };
  }),
);
