// Gradient norms per layer of a deep tanh network, at initialisation and after training,
// with Glorot and Bengio's "standard" initial weights and with their normalised (Xavier)
// ones. The standard scheme, U[−1/√n, 1/√n] with n the layer's fan-in and biases 0, is
// written here by hand into the dense layers.
import { data, nn, random } from 'nonlinear';

function run(init: 'standard' | 'xavier') {
  const source = random.seeded(1);
  const network = new nn.Network(
    nn.mlp({
      inputs: 2,
      hidden: [64, 64, 64, 64, 64],
      outputs: 5,
      activation: 'tanh',
      init: 'glorot-uniform',
    }),
    source,
  );
  if (init === 'standard') {
    for (const layer of network.layers) {
      if (!(layer instanceof nn.Dense)) continue;
      const n = layer.inputSize; // fan-in: the size of the previous layer
      for (let i = 0; i < layer.weight.length; i++) {
        layer.weight[i] = (2 * source() - 1) / Math.sqrt(n);
      }
    }
  }
  // Five spiral arms, one class each: the same 500 training points for both runs.
  const points = random.seeded(2);
  const { train } = data.split(data.makeDataset('spirals-5', 1000, 0, points), 0.5, points);
  const probes = new nn.Probes(network);
  const trainer = new nn.Trainer({
    network,
    data: train,
    loss: 'softmax-cross-entropy',
    optimiser: { type: 'sgd', learningRate: 0.1 },
    batchSize: 10,
    source,
    observer: probes,
  });
  // ‖dL/dz‖ reaching each hidden layer's pre-activations (the input gradient of
  // its tanh layer), and ‖dL/dW, dL/db‖ of each dense layer, on one mini-batch.
  const norms = () => {
    const read = probes.read();
    return read.flatMap((p, i) =>
      p.type === 'activation'
        ? [{ back: p.inputGradNorm, weights: read[i - 1].gradNorm ?? Number.NaN }]
        : [],
    );
  };
  trainer.step();
  const start = norms();
  for (let s = 1; s < 1500; s++) trainer.step();
  const later = norms();
  return start.map((g, k) => ({
    init,
    layer: k + 1,
    '‖dL/dz‖ step 1': Number(g.back.toPrecision(2)),
    '‖dL/dW‖ step 1': Number(g.weights.toPrecision(2)),
    '‖dL/dz‖ step 1500': Number(later[k].back.toPrecision(2)),
    '‖dL/dW‖ step 1500': Number(later[k].weights.toPrecision(2)),
  }));
}

table([...run('standard'), ...run('xavier')]);
