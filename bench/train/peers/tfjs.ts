// TensorFlow.js (@tensorflow/tfjs, CPU backend) as a benchmark engine: the same network,
// data, initial weights, loss and SGD, in float32 (tfjs's only float type on the CPU).
// The union package, not tfjs-core alone: only it registers the gradients for Node's
// CommonJS build.

import type { TrainConfig, Trainer } from '../engine-api.d.ts';
import { requirePeer } from './require-peer.ts';

// biome-ignore lint/suspicious/noExplicitAny: tfjs is loaded at run time from the peers folder
type Tf = any;

async function load(): Promise<Tf> {
  const tf = requirePeer('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  return tf;
}

export function describe() {
  const tf = requirePeer('@tensorflow/tfjs');
  return { name: 'tfjs (cpu)', version: tf.version.tfjs, notes: 'float32' };
}

export async function createTrainer(config: TrainConfig): Promise<Trainer> {
  const tf = await load();
  const sizes = config.layers;
  const weights = config.init.map(({ W, b }, l) => ({
    // tfjs multiplies x·W with W as [in][out]: transpose the contract's [out][in].
    W: tf.variable(tf.transpose(tf.tensor2d(Float32Array.from(W), [sizes[l + 1], sizes[l]]))),
    b: tf.variable(tf.tensor1d(Float32Array.from(b))),
  }));
  const { n, x, y } = config.data;
  const batches: { x: Tf; y: Tf }[] = [];
  for (let start = 0; start < n; start += config.batchSize) {
    const count = Math.min(config.batchSize, n - start);
    batches.push({
      x: tf.tensor2d(Float32Array.from(x.subarray(start * sizes[0], (start + count) * sizes[0])), [
        count,
        sizes[0],
      ]),
      y: tf.tensor2d(Float32Array.from(y.subarray(start, start + count)), [count, 1]),
    });
  }
  const all = {
    x: tf.tensor2d(Float32Array.from(x), [n, sizes[0]]),
    y: tf.tensor2d(Float32Array.from(y), [n, 1]),
  };
  const optimizer = tf.train.sgd(config.learningRate);
  const forward = (input: Tf) => {
    let h = input;
    weights.forEach(({ W, b }, l) => {
      h = tf.add(tf.matMul(h, W), b);
      const last = l === weights.length - 1;
      const act = last ? config.output : config.hidden;
      if (act === 'tanh') h = tf.tanh(h);
      else if (act === 'relu') h = tf.relu(h);
    });
    return h;
  };
  const loss = (batch: { x: Tf; y: Tf }) =>
    tf.mul(0.5, tf.mean(tf.square(tf.sub(forward(batch.x), batch.y))));
  return {
    trainEpoch() {
      for (const batch of batches) optimizer.minimize(() => loss(batch));
    },
    loss: () => tf.tidy(() => loss(all).dataSync()[0]),
    params: () =>
      weights.map(({ W, b }) => ({
        W: Float64Array.from(tf.tidy(() => tf.transpose(W).dataSync())),
        b: Float64Array.from(b.dataSync()),
      })),
    notes: 'float32',
  };
}
