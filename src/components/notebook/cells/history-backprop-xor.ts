// The 1986 fix: smooth sigmoid units, a hidden
// layer, and gradients by back-propagation.
import { nn, random } from 'nonlinear';

const xor = {
  name: 'xor (4 points)',
  n: 4,
  inputs: 2,
  outputs: 1,
  x: Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]),
  y: Float64Array.from([0, 1, 1, 0]),
  task: 'regression' as const,
};

// 2 inputs, 4 sigmoid hidden units, a sigmoid output;
// squared error and plain gradient descent.
const source = random.seeded(1);
const network = new nn.Network(
  nn.mlp({
    inputs: 2,
    hidden: [4],
    outputs: 1,
    activation: 'sigmoid',
    output: 'sigmoid',
    init: 'glorot-uniform',
  }),
  source,
);
const trainer = new nn.Trainer({
  network,
  data: xor,
  loss: 'half-mse',
  optimiser: { type: 'sgd', learningRate: 2 },
  batchSize: 4,
});
const losses: { step: number; loss: number }[] = [];
for (let s = 1; s <= 5000; s++) {
  trainer.step();
  if (s === 1 || s % 1000 === 0) {
    const loss = trainer.evaluate();
    losses.push({ step: s, loss: Number(loss.toPrecision(3)) });
  }
}
table(losses);
const out = network.predict(xor.x);
table(
  [0, 1, 2, 3].map((i) => ({
    x1: xor.x[2 * i],
    x2: xor.x[2 * i + 1],
    target: xor.y[i],
    output: Number(out[i].toFixed(3)),
  })),
);
