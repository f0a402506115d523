// ReLU, a leaky ReLU and |x| as maxout units with two pieces each.
import { vectors } from 'nonlinear';

// Three maxout units with k = 2 pieces each. In a network
// each piece is a learned w·x + b; here we choose the pieces
// by hand, as functions of one number x.
const { maxout } = vectors;
const out = new Float64Array(3);
table(
  [-3, -1, 0, 0.5, 2].map((x) => {
    const pieces = [x, 0, x, 0.25 * x, x, -x];
    maxout.forward(Float64Array.from(pieces), out);
    return {
      x,
      'max(x, 0)': out[0],
      'max(x, 0.25x)': out[1],
      'max(x, -x)': out[2],
    };
  }),
);
