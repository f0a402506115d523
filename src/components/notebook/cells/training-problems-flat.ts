// A loss that does not fall, two ways: an 8-layer sigmoid network, and a ReLU network with a
// learning rate far too small. Same data, batches and epochs; the probes give the size of
// the gradient reaching the first and the last dense layer.
import { data, nn, random } from 'nonlinear';

function flat(activation: string, init: nn.InitScheme, learningRate: number) {
  const source = random.seeded(1);
  const network = new nn.Network(
    nn.mlp({ inputs: 2, hidden: Array(8).fill(16), outputs: 1, activation, init }),
    source,
  );
  const { train } = data.split(data.makeDataset('circle', 400, 0, source), 0.5, source);
  train.y = train.y.map((t) => (t > 0 ? 1 : 0)); // BCE wants 0/1 targets
  const probes = new nn.Probes(network);
  const trainer = new nn.Trainer({
    network,
    data: train,
    loss: 'bce-logits',
    optimiser: { type: 'sgd', learningRate },
    batchSize: 10,
    source,
    observer: probes,
  });
  const losses = [trainer.evaluate()];
  for (let epoch = 1; epoch <= 30; epoch++) {
    trainer.epoch();
    losses.push(trainer.evaluate());
  }
  // ‖dL/dW‖ of each dense layer on the last batch: the first and the last.
  const grads = probes
    .read()
    .filter((p) => p.type === 'dense')
    .map((p) => p.gradNorm ?? Number.NaN);
  return {
    network: `${activation}, ${init}, rate ${learningRate}`,
    'loss at start': Number(losses[0].toFixed(3)),
    'epoch 10': Number(losses[10].toFixed(3)),
    'epoch 30': Number(losses[30].toFixed(3)),
    '‖grad‖ first layer': Number(grads[0].toPrecision(2)),
    '‖grad‖ last layer': Number(grads[grads.length - 1].toPrecision(2)),
  };
}

table([
  flat('sigmoid', 'glorot-uniform', 0.1),
  flat('sigmoid', 'glorot-uniform', 1),
  flat('relu', 'glorot-uniform', 0.0001),
  flat('tanh', 'glorot-uniform', 0.1),
  flat('relu', 'he-uniform', 0.1),
]);
