// Active units, counted: the share of (sample, unit) pairs whose output is not exactly 0,
// and whose |output| is at least a threshold, in each hidden layer of the same network with
// ReLU, sigmoid and tanh, before and after a short training run. The notebook cannot load
// the digits, so this runs on the five-spirals toy set; change `threshold`, the activations
// or the shape and run it again.
import { data, nn, random } from 'nonlinear';

const threshold = 0.05;
const shape = [64, 64];

function share(values: Float64Array, test: (a: number) => boolean): string {
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return `${Math.round((100 * n) / values.length)}%`;
}

function activeUnits(activation: string) {
  const source = random.seeded(1);
  const network = new nn.Network(
    nn.mlp({ inputs: 2, hidden: shape, outputs: 5, activation, init: 'glorot-uniform' }),
    source,
  );
  const { train, test } = data.split(data.makeDataset('spirals-5', 1000, 0, source), 0.5, source);
  const trainer = new nn.Trainer({
    network,
    data: train,
    loss: 'softmax-cross-entropy',
    optimiser: { type: 'adam', learningRate: 0.01 },
    batchSize: 32,
    shuffle: true,
    source,
  });
  // Each hidden layer's outputs on the test points, as the lab counts them.
  const count = () => {
    network.forward(test.x, false);
    return network.layers
      .filter((layer) => layer.type === 'activation')
      .map(
        (layer) =>
          `${share(layer.y, (a) => a !== 0)} / ${share(layer.y, (a) => Math.abs(a) >= threshold)}`,
      )
      .join(', ');
  };
  const before = count();
  for (let epoch = 0; epoch < 30; epoch++) trainer.epoch();
  const predicted = network.predict(test.x);
  let right = 0;
  for (let i = 0; i < test.n; i++) {
    let best = 0;
    for (let j = 1; j < 5; j++) if (predicted[i * 5 + j] > predicted[i * 5 + best]) best = j;
    if (best === test.labels?.[i]) right++;
  }
  return {
    activation,
    'untrained: ≠ 0 / ≥ threshold, per layer': before,
    'after 30 epochs': count(),
    'test accuracy': `${Math.round((100 * right) / test.n)}%`,
  };
}

print(`Active = output not exactly 0 / |output| ≥ ${threshold}, layers 1 and 2:`);
table(['relu', 'sigmoid', 'tanh'].map(activeUnits));
