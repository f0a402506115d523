// Memory of the digits run the issue budgets (< 100 MB in the worker): a 784-64-64-10 ReLU
// network with softmax cross-entropy and Adam, probes on, training on the 5,000 training
// digits (public/data/digits.bin) at batch 64, driven through TrainingSession exactly as
// the worker drives it, snapshots (losses and accuracies over all 6,000 digits) included.
// This process stands in for the worker: it loads nothing else.
//   node --expose-gc bench/train/memory.ts  [epochs, default 3]

import { readFileSync } from 'node:fs';
import { TrainingSession } from '../../src/components/workers/training-session.ts';
import { parseDigits } from '../../src/lib/data/digits.ts';
import { mlp } from '../../src/lib/nn/network.ts';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const epochs = Number(process.argv[2] ?? 3);

gc();
const before = process.memoryUsage();
const file = new URL('../../public/data/digits.bin', import.meta.url);
// The worker fetches the file; here it is read, the same bytes into the same parser.
const session = new TrainingSession(undefined, async () => parseDigits(readFileSync(file)));
const configured = await session.configure({
  seed: 1,
  network: mlp({
    inputs: 784,
    hidden: [64, 64],
    outputs: 10,
    activation: 'relu',
    init: 'he-normal',
  }),
  data: { name: 'digits', n: 0, noise: 0 },
  loss: 'softmax-cross-entropy',
  optimiser: { type: 'adam', learningRate: 0.001 },
  batchSize: 64,
  shuffle: true,
  probes: true,
});
if (!configured.ok) throw new Error(configured.error);

let peakRss = process.memoryUsage().rss;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
};
const stepsPerEpoch = Math.ceil(5000 / 64);
const start = performance.now();
let last = configured.value;
for (let epoch = 0; epoch < epochs; epoch++) {
  // A snapshot every 10 steps, as often as the page would take them at 30 a second.
  for (let s = 0; s < stepsPerEpoch; s += 10) {
    const result = session.step(Math.min(10, stepsPerEpoch - s));
    if (!result.ok) throw new Error(result.error);
    last = result.value;
    sample();
  }
}
const seconds = (performance.now() - start) / 1000;
gc();
const after = process.memoryUsage();
console.log(
  `784-64-64-10 ReLU on 5,000 digits, batch 64, Adam, probes on: ${last.epoch} epochs in ${seconds.toFixed(1)} s, test accuracy ${((last.testAccuracy ?? 0) * 100).toFixed(1)}%`,
);
console.log(
  `JS heap + array buffers: ${mb(before.heapUsed + before.arrayBuffers)} at start, peak ${mb(peakHeap)}, ${mb(after.heapUsed + after.arrayBuffers)} after GC`,
);
console.log(
  `resident set (the whole Node process): ${mb(before.rss)} at start, peak ${mb(peakRss)}; budget 100 MB`,
);
