// XOR: four points, trained with and without
// a nonlinear hidden layer.
import { nn, random } from 'nonlinear';

// The four corners: +1 where the signs agree,
// −1 where they differ.
const xor = {
  n: 4,
  x: Float64Array.of(-1, -1, -1, 1, 1, -1, 1, 1),
  y: Float64Array.of(1, -1, -1, 1),
};

// The same 2-2-1 network twice: hidden units
// linear (identity) or tanh. Same seed, so the
// same starting weights; gradient descent with
// momentum on half the squared error, all four
// points in every step.
function train(hidden: 'identity' | 'tanh') {
  const network = new nn.Network(
    nn.mlp({
      inputs: 2,
      hidden: [2],
      outputs: 1,
      activation: hidden,
      output: 'tanh',
      init: 'glorot-uniform',
    }),
    random.seeded(1),
  );
  const trainer = new nn.Trainer({
    network,
    data: xor,
    loss: 'half-mse',
    optimiser: { type: 'sgd', learningRate: 0.2, momentum: 0.9 },
    batchSize: 4,
  });
  const curve = [{ epoch: 0, loss: trainer.evaluate(), hidden }];
  for (let epoch = 1; epoch <= 300; epoch++) {
    trainer.epoch();
    curve.push({ epoch, loss: trainer.evaluate(), hidden });
  }
  return { network, curve };
}

const linear = train('identity');
const bent = train('tanh');

plot({
  ariaLabel: 'Loss over 300 epochs on XOR: a linear hidden layer stalls, a tanh one falls to zero',
  height: 220,
  y: { label: 'loss (half squared error)', grid: true },
  x: { label: 'epoch' },
  marks: [
    Plot.line([...linear.curve, ...bent.curve], { x: 'epoch', y: 'loss', stroke: 'hidden' }),
    Plot.text([linear.curve[300], bent.curve[300]], {
      x: 'epoch',
      y: 'loss',
      text: 'hidden',
      dy: -8,
      textAnchor: 'end',
    }),
  ],
  color: { domain: ['identity', 'tanh'], range: ['var(--nl-series-2)', 'var(--nl-series-1)'] },
});

const round = (v: number) => Number(v.toFixed(3)) + 0;
const outLinear = linear.network.predict(xor.x);
const outBent = bent.network.predict(xor.x);
table(
  [0, 1, 2, 3].map((i) => ({
    x1: xor.x[2 * i],
    x2: xor.x[2 * i + 1],
    target: xor.y[i],
    'linear hidden layer': round(outLinear[i]),
    'tanh hidden layer': round(outBent[i]),
  })),
);
