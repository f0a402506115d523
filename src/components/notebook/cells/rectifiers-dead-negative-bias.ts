// Dead ReLU units: train a deep, narrow network and count the
// hidden units stuck on their flat side; the same with Leaky ReLU.
import { data, nn, random } from 'nonlinear';

// A hidden unit is stuck if its pre-activation is <= 0 on
// every point of the data set. A stuck ReLU unit outputs 0
// and has slope 0 on every point: it is dead.
function stuckPerLayer(network: nn.Network, x: Float64Array) {
  network.forward(x, false);
  const hidden = network.layers.filter((l) => l.type === 'activation').slice(0, -1); // the last one is the tanh output
  return hidden.map((layer) => {
    const width = layer.outputSize;
    let stuck = 0;
    for (let unit = 0; unit < width; unit++) {
      let everPositive = false;
      for (let i = unit; i < layer.x.length; i += width) {
        if (layer.x[i] > 0) everPositive = true;
      }
      if (!everPositive) stuck++;
    }
    return stuck;
  });
}

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

// Six hidden layers of 8 units (48 in all) and a tanh output;
// He-normal weights, every hidden bias set to `bias`. Then
// 2,000 steps of Adam, batches of 10, on the spiral.
function experiment(activation: string, seed: number, bias: number, learningRate: number) {
  const source = random.seeded(seed);
  const points = data.makeDataset('spiral', 200, 0, source);
  const network = new nn.Network(
    nn.mlp({
      inputs: 2,
      hidden: [8, 8, 8, 8, 8, 8],
      outputs: 1,
      activation,
      output: 'tanh',
      init: 'he-normal',
    }),
    source,
  );
  // Every bias but the output unit's.
  const biases = network.params().filter((p) => p.name.endsWith('bias'));
  for (const p of biases.slice(0, -1)) p.value.fill(bias);
  const trainer = new nn.Trainer({
    network,
    data: points,
    loss: 'half-mse',
    optimiser: { type: 'adam', learningRate },
    batchSize: 10,
    shuffle: true,
    source,
  });
  const before = stuckPerLayer(network, points.x);
  for (let step = 0; step < 2000; step++) trainer.step();
  const after = stuckPerLayer(network, points.x);
  return {
    activation,
    seed,
    'stuck at start': sum(before),
    'stuck after 2,000 steps': sum(after),
    'per layer, after': after.join(' '),
    'loss after': Number(trainer.evaluate().toFixed(3)),
  };
}

// First experiment: hidden biases start at -1; learning rate 0.01.
const negativeBias = ['relu', 'leaky-relu'].flatMap((activation) =>
  [1, 2, 3, 4, 5].map((seed) => experiment(activation, seed, -1, 0.01)),
);
table(negativeBias);
