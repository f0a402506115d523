// The dead-unit rules of thumb, over five seeds: a 2-16-16-16-16-16-16-1 network on the
// circle, plain SGD, batches of 10, 20 epochs. Each cell of the table is the final training
// loss and, for ReLU, the dead units (out of 96) in the last epoch.
import { data, nn, random } from 'nonlinear';

function outcome(activation: string, init: nn.InitScheme, learningRate: number, seed: number) {
  const source = random.seeded(seed);
  const network = new nn.Network(
    nn.mlp({ inputs: 2, hidden: Array(6).fill(16), outputs: 1, activation, init }),
    source,
  );
  const { train } = data.split(data.makeDataset('circle', 400, 0, source), 0.5, source);
  train.y = train.y.map((t) => (t > 0 ? 1 : 0));
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
  for (let epoch = 0; epoch < 20 && !trainer.diverged; epoch++) trainer.epoch();
  if (trainer.diverged) return `diverged (step ${trainer.diverged.step})`;
  // Dead in the last epoch: output exactly 0 on all 200 training points.
  const dead = probes
    .read()
    .map((p) => p.activation?.deadEpoch ?? 0)
    .reduce((sum, fraction) => sum + Math.round(fraction * 16), 0);
  const loss = trainer.evaluate().toPrecision(2);
  return activation === 'relu' ? `${loss}, ${dead} dead` : loss;
}

const settings: [string, nn.InitScheme, number][] = [
  ['relu', 'glorot-uniform', 1],
  ['leaky-relu', 'glorot-uniform', 1],
  ['relu', 'he-uniform', 1],
  ['relu', 'glorot-uniform', 0.1],
];
table(
  settings.map(([activation, init, rate]) => {
    const row: Record<string, string> = { network: `${activation}, ${init}, rate ${rate}` };
    for (const seed of [1, 2, 3, 4, 5]) row[`seed ${seed}`] = outcome(activation, init, rate, seed);
    return row;
  }),
);
