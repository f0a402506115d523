// PReLU's learned slopes, recorded while a small network learns the spiral.
import { data, nn, random } from 'nonlinear';

// Four hidden layers of 8 PReLU units, one shared slope a
// per layer, each starting at 0.25 as in PyTorch. Adam,
// learning rate 0.01, batches of 10, 2,000 steps.
const source = random.seeded(1);
const spiral = data.makeDataset('spiral', 200, 0, source);
const network = new nn.Network(
  nn.mlp({
    inputs: 2,
    hidden: [8, 8, 8, 8],
    outputs: 1,
    activation: 'prelu',
    output: 'tanh',
    init: 'he-normal',
  }),
  source,
);
const trainer = new nn.Trainer({
  network,
  data: spiral,
  loss: 'half-mse',
  optimiser: { type: 'adam', learningRate: 0.01 },
  batchSize: 10,
  shuffle: true,
  source,
});
// A PReLU layer has one parameter: its slope.
const slopes = network.layers
  .filter((l) => l.type === 'activation' && l.params().length === 1)
  .map((l) => l.params()[0].value);
const history: { step: number; a: number; layer: string }[] = [];
const record = (step: number) =>
  slopes.forEach((a, i) => {
    history.push({ step, a: a[0], layer: `hidden layer ${i + 1}` });
  });
record(0);
for (let step = 1; step <= 2000; step++) {
  trainer.step();
  if (step % 20 === 0) record(step);
}
plot({
  ariaLabel: 'The slope a of each PReLU layer over 2,000 steps',
  height: 280,
  x: { label: 'training step' },
  y: { grid: true, label: 'slope a' },
  color: {
    legend: true,
    range: [1, 2, 3, 4].map((i) => `var(--nl-series-${i})`),
  },
  marks: [
    Plot.ruleY([0], { stroke: 'var(--nl-axis)' }),
    Plot.line(history, {
      x: 'step',
      y: 'a',
      stroke: 'layer',
      strokeWidth: 2,
    }),
  ],
});
const final = slopes.map((a) => a[0].toFixed(3));
print('slopes after 2,000 steps:', final.join(', '));
print('loss after 2,000 steps:', trainer.evaluate().toFixed(3));
