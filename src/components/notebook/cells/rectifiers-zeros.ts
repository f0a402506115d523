// How many of a random ReLU network's hidden outputs are exactly 0?
import { data, nn, random } from 'nonlinear';

// 200 points of Playground's two spirals, and a random
// ReLU network with three hidden layers of 64 units:
// He-normal weights, biases 0. No training.
const source = random.seeded(1);
const spiral = data.makeDataset('spiral', 200, 0, source);
const wide = new nn.Network(
  nn.mlp({
    inputs: 2,
    hidden: [64, 64, 64],
    outputs: 1,
    activation: 'relu',
    init: 'he-normal',
  }),
  source,
);
wide.forward(spiral.x, false);
const reluLayers = wide.layers.filter((l) => l.type === 'activation');
table(
  reluLayers.map((layer, i) => {
    const zeros = layer.y.filter((v) => v === 0).length;
    return {
      'hidden layer': i + 1,
      'outputs exactly 0': Number((zeros / layer.y.length).toFixed(3)),
    };
  }),
);
