// experiment() is defined in the cell above; this declaration
// only tells TypeScript its type.
declare function experiment(
  activation: string,
  seed: number,
  bias: number,
  learningRate: number,
): Record<string, string | number>;

// Second experiment: biases start at 0, as usual; learning
// rate 0.05, five times larger.
const tooFast = ['relu', 'leaky-relu'].flatMap((activation) =>
  [1, 2, 3, 4, 5].map((seed) => experiment(activation, seed, 0, 0.05)),
);
table(tooFast);
