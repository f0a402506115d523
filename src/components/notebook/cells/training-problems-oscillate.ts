// A loss that oscillates: a small tanh network (2-8-8-1) on the circle, 40 epochs, the
// training loss after each. Four settings from the same seed and initial weights.
import { data, nn, random } from 'nonlinear';

function curve(name: string, optimiser: nn.OptimiserConfig, batchSize: number) {
  const source = random.seeded(1);
  const network = new nn.Network(
    nn.mlp({ inputs: 2, hidden: [8, 8], outputs: 1, activation: 'tanh' }),
    source,
  );
  const { train } = data.split(data.makeDataset('circle', 400, 0, source), 0.5, source);
  train.y = train.y.map((t) => (t > 0 ? 1 : 0));
  const trainer = new nn.Trainer({
    network,
    data: train,
    loss: 'bce-logits',
    optimiser,
    batchSize,
    source,
  });
  const losses: number[] = [];
  for (let epoch = 1; epoch <= 40 && !trainer.diverged; epoch++) {
    trainer.epoch();
    losses.push(trainer.evaluate());
  }
  let rises = 0;
  for (let i = 1; i < losses.length; i++) if (losses[i] > losses[i - 1]) rises++;
  return { name, losses, rises };
}

const runs = [
  curve('SGD, rate 3', { type: 'sgd', learningRate: 3 }, 10),
  curve('SGD, rate 0.3', { type: 'sgd', learningRate: 0.3 }, 10),
  curve('SGD, rate 0.3, momentum 0.9', { type: 'sgd', learningRate: 0.3, momentum: 0.9 }, 10),
  curve('SGD, rate 3, batches of 100', { type: 'sgd', learningRate: 3 }, 100),
];
table(
  runs.map((r) => ({
    setting: r.name,
    'epochs where the loss rose': `${r.rises} of ${r.losses.length - 1}`,
    'final loss': Number(r.losses[r.losses.length - 1].toPrecision(2)),
    lowest: Number(Math.min(...r.losses).toPrecision(2)),
  })),
);
plot({
  ariaLabel: 'Training loss per epoch, log scale, for the four settings in the table above',
  height: 260,
  // '~g': 0.2 rather than the SI prefix "200m" a log axis prints by default.
  y: { type: 'log', label: 'training loss', grid: true, tickFormat: '~g' },
  x: { label: 'epoch' },
  color: { legend: true },
  marks: runs.map((r) =>
    Plot.lineY(
      r.losses.map((loss, i) => ({ epoch: i + 1, loss, setting: r.name })),
      { x: 'epoch', y: 'loss', stroke: 'setting' },
    ),
  ),
});
