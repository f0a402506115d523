// How many hidden units does the circle need?
// The lab's run, rebuilt step for step: one hidden
// layer of tanh units, a tanh output, half squared
// error, plain SGD at rate 0.03, batches of 10,
// Playground's initialiser, 500 points, half for
// training. Seed s here is seed s in the lab.
// Test accuracy after 300 epochs, five seeds a width.
import { data, nn, random } from 'nonlinear';

// The lab's default training settings.
const training = {
  loss: 'half-mse',
  optimiser: { type: 'sgd', learningRate: 0.03 },
  batchSize: 10,
} as const;

function testAccuracy(units: number, seed: number, epochs: number): number {
  const source = random.seeded(seed);
  // The same draws in the same order as the lab:
  // the weights, then the points, then the split.
  const network = new nn.Network(
    {
      inputs: 2,
      init: 'playground',
      layers: [
        { type: 'dense', units },
        { type: 'activation', id: 'tanh' },
        { type: 'dense', units: 1 },
        { type: 'activation', id: 'tanh' },
      ],
    },
    source,
  );
  const { train, test } = data.split(data.makeDataset('circle', 500, 0, source), 0.5, source);
  const trainer = new nn.Trainer({ ...training, network, data: train, source });
  for (let e = 0; e < epochs; e++) trainer.epoch();
  // A point is classed +1 where the output is >= 0.
  const out = network.predict(test.x);
  let right = 0;
  for (let i = 0; i < test.n; i++) right += +((out[i] >= 0 ? 1 : 0) === test.labels?.[i]);
  return right / test.n;
}

const seeds = [1, 2, 3, 4, 5];
const pct = (v: number) => Math.round(100 * v);
table(
  [1, 2, 3, 4].map((units) => {
    const acc = seeds.map((seed) => pct(testAccuracy(units, seed, 300)));
    return {
      'hidden units': units,
      'test accuracy (%), seeds 1 to 5': acc.join(', '),
      lowest: `${Math.min(...acc)}%`,
      highest: `${Math.max(...acc)}%`,
    };
  }),
);
