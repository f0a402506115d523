// brain.js 2 as a benchmark engine. Its NeuralNetwork updates after every sample (it has no
// mini-batches) and applies one activation to every layer, so its runs differ from the
// contract there, and its parameters are not compared; the notes say so under the table.

import type { TrainConfig, Trainer } from '../engine-api.d.ts';
import { requirePeer } from './require-peer.ts';

export function describe() {
  const pkg = requirePeer('brain.js/package.json');
  return { name: 'brain.js', version: pkg.version, notes: 'float32, per-sample updates' };
}

export function supports(config: TrainConfig): true | string {
  return config.output === 'linear' ? 'brain.js applies the hidden activation to the output' : true;
}

export function createTrainer(config: TrainConfig): Trainer {
  const brain = requirePeer('brain.js');
  const sizes = config.layers;
  const net = new brain.NeuralNetwork({
    inputSize: sizes[0],
    hiddenLayers: sizes.slice(1, -1),
    outputSize: sizes[sizes.length - 1],
    activation: config.hidden,
  });
  // Set after construction: brain.js's option check refuses momentum 0.
  net.trainOpts.learningRate = config.learningRate;
  net.trainOpts.momentum = 0;
  net.initialize();
  config.init.forEach(({ W, b }, l) => {
    const fanIn = sizes[l];
    for (let o = 0; o < sizes[l + 1]; o++) {
      net.weights[l + 1][o].set(W.subarray(o * fanIn, (o + 1) * fanIn));
      net.biases[l + 1][o] = b[o];
    }
  });
  const { n, x, y } = config.data;
  const inputs = Array.from({ length: n }, (_, i) =>
    Float32Array.from(x.subarray(i * sizes[0], (i + 1) * sizes[0])),
  );
  const targets = Array.from({ length: n }, (_, i) => Float32Array.of(y[i]));
  // What NeuralNetwork.trainPattern does, without its error bookkeeping.
  const trainEpoch = () => {
    for (let i = 0; i < n; i++) {
      net.runInput(inputs[i]);
      net.calculateDeltas(targets[i]);
      net.adjustWeights();
    }
  };
  return {
    trainEpoch,
    loss() {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += 0.5 * (net.runInput(inputs[i])[0] - targets[i][0]) ** 2;
      return sum / n;
    },
    notes:
      config.hidden === 'relu'
        ? 'per-sample updates; ReLU on the output too (one activation for all layers)'
        : 'per-sample updates (no mini-batches)',
  };
}
