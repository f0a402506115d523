// Training the N(0, 1) network: does a smaller learning rate save it? A narrower copy
// (10 layers of 64) on the circle, plain SGD, batches of 10, at most 5 epochs.
import { data, nn, random } from 'nonlinear';

function attempt(normal: boolean, learningRate: number) {
  const source = random.seeded(1);
  const network = new nn.Network(
    nn.mlp({
      inputs: 2,
      hidden: Array(10).fill(64),
      outputs: 1,
      activation: 'relu',
      init: 'he-normal',
    }),
    source,
  );
  if (normal) {
    const draw = random.randomNormal(source, 0, 1);
    for (const p of network.params()) {
      if (p.name.endsWith('weight')) for (let i = 0; i < p.value.length; i++) p.value[i] = draw();
    }
  }
  const { train } = data.split(data.makeDataset('circle', 400, 0, source), 0.5, source);
  train.y = train.y.map((t) => (t > 0 ? 1 : 0));
  const trainer = new nn.Trainer({
    network,
    data: train,
    loss: 'bce-logits',
    optimiser: { type: 'sgd', learningRate },
    batchSize: 10,
    source,
  });
  const start = trainer.evaluate();
  for (let epoch = 0; epoch < 5 && !trainer.diverged; epoch++) trainer.epoch();
  return {
    weights: normal ? 'N(0, 1)' : 'He normal',
    rate: learningRate,
    'loss at start': Number(start.toPrecision(3)),
    'after 5 epochs': trainer.diverged
      ? `diverged at step ${trainer.diverged.step} (${trainer.diverged.reason} ${trainer.diverged.detail})`
      : Number(trainer.evaluate().toPrecision(3)),
  };
}

table([attempt(true, 0.01), attempt(true, 0.0001), attempt(false, 0.01)]);
