// Nair and Hinton's route to the rectifier: copies
// of a sigmoid unit with the same input, biases
// shifted by -0.5, -1.5, -2.5, ... Their summed
// output is close to softplus, log(1 + e^x), which
// is close to max(0, x).
import { activations } from 'nonlinear';

const { sigmoid, softplus, relu } = activations;
const copies = 100;
const stepped = (x: number) => {
  let sum = 0;
  for (let i = 1; i <= copies; i++) {
    sum += sigmoid.f(x - i + 0.5);
  }
  return sum;
};

table(
  [-4, -2, -1, 0, 1, 2, 4, 8].map((x) => ({
    x,
    [`${copies} sigmoids`]: Number(stepped(x).toFixed(4)),
    softplus: Number(softplus.f(x).toFixed(4)),
    'max(0, x)': relu.f(x),
  })),
);

let gap = 0;
for (let x = -10; x <= 20; x += 0.01) {
  const d = Math.abs(stepped(x) - softplus.f(x));
  gap = Math.max(gap, d);
}
print('largest |sum − softplus|, −10 to 20:', gap.toFixed(4));
