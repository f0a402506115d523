// One cell of the training benchmark, in its own process:
//   node bench/train/cell.ts <engine module> <task id> [options JSON]
// Trains CHECK_EPOCHS epochs and reads the parameters (to compare engines), then times
// further epochs until at least MIN_SECONDS of CPU time have passed, and prints one JSON line.
// BENCH_SECONDS and BENCH_CHECK_EPOCHS override the defaults.

import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { EngineModule } from './engine-api.d.ts';
import { PeerMissing } from './peers/require-peer.ts';
import { makeConfig } from './tasks.ts';

// One epoch: ReLU nets amplify float32 rounding chaotically over more (tfjs is float32).
const CHECK_EPOCHS = Number(process.env.BENCH_CHECK_EPOCHS ?? 1);
const MIN_SECONDS = Number(process.env.BENCH_SECONDS ?? 1.5);

const [modulePath, taskId, optionsJson = '{}'] = process.argv.slice(2);
const options = JSON.parse(optionsJson);

// Time on this thread's CPU, not the wall clock: on a shared machine the wall clock also
// counts the time the process waits for a core, which varies from run to run by 2× or more.
// Every engine here computes on the main thread (tfjs's CPU backend and brain.js included),
// so their CPU time is their whole cost. Node < 23.9 has no threadCpuUsage: wall clock.
const cpuMs = (): number => {
  if (!process.threadCpuUsage) return performance.now();
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

function print(result: Record<string, unknown>) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

try {
  const engine: EngineModule = await import(pathToFileURL(modulePath).href);
  const config = makeConfig(taskId);
  const supported = engine.supports?.(config, options) ?? true;
  if (supported !== true) {
    print({ skipped: supported });
  } else {
    const trainer = await engine.createTrainer(config, options);
    const loss0 = (await trainer.loss?.()) ?? null;
    for (let e = 0; e < CHECK_EPOCHS; e++) await trainer.trainEpoch();
    const params = (await trainer.params?.()) ?? null;
    const lossChecked = (await trainer.loss?.()) ?? null;
    let epochs = 0;
    const start = cpuMs();
    const wallStart = performance.now();
    let elapsed = 0;
    while (elapsed < MIN_SECONDS * 1000 || epochs < 3) {
      await trainer.trainEpoch();
      epochs++;
      elapsed = cpuMs() - start;
    }
    print({
      samplesPerSecond: (epochs * config.data.n) / (elapsed / 1000),
      epochs,
      seconds: elapsed / 1000,
      wallSeconds: (performance.now() - wallStart) / 1000,
      loss0,
      lossChecked,
      params: params?.map((p) => ({ W: Array.from(p.W), b: Array.from(p.b) })) ?? null,
      notes: trainer.notes ?? null,
    });
    trainer.dispose?.();
  }
} catch (error) {
  if (error instanceof PeerMissing) print({ skipped: error.message });
  else print({ error: String((error as Error)?.stack ?? error) });
}
