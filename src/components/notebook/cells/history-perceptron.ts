// Rosenblatt's rule with a step unit: it learns AND
// and OR, and never XOR, however long it runs.
const step = (z: number) => (z >= 0 ? 1 : 0);
const inputs = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

// On a mistake, move the weights towards the answer:
// w += (target - output) * x, b += (target - output).
function perceptron(targets: number[], passes: number) {
  let w = [0, 0];
  let b = 0;
  let mistakes = 0;
  for (let pass = 1; pass <= passes; pass++) {
    mistakes = 0;
    inputs.forEach(([x1, x2], i) => {
      const out = step(w[0] * x1 + w[1] * x2 + b);
      const err = targets[i] - out;
      if (err !== 0) {
        mistakes++;
        w = [w[0] + err * x1, w[1] + err * x2];
        b += err;
      }
    });
    if (mistakes === 0) {
      return {
        learned: `yes, in pass ${pass}`,
        w: w.join(', '),
        b,
      };
    }
  }
  return {
    learned: `no: ${mistakes} mistakes in pass ${passes}`,
    w: w.join(', '),
    b,
  };
}

table([
  { task: 'AND', ...perceptron([0, 0, 0, 1], 1000) },
  { task: 'OR', ...perceptron([0, 1, 1, 1], 1000) },
  { task: 'XOR', ...perceptron([0, 1, 1, 0], 1000) },
]);
