// One worker for several of a lab's runs: a module Web Worker exposing TrainingSessions with
// comlink, as src/components/workers/training-worker.ts exposes one. The DeadReluLab and the
// NormOrderLab train five runs each; a worker per run made five busy threads competing with
// the page for the cores: on a 2-core machine (also loaded by other work) the DeadReluLab's
// tasks of 9-18 ms of CPU took 36-181 ms (a Chromium trace, thread time against wall time).
// See lab-runs.ts.

import * as Comlink from 'comlink';
import { TrainingSession } from '../workers/training-session.ts';

const runs: TrainingSession[] = [];

Comlink.expose({
  /** Session i of this worker, made on first use. */
  runs: new Proxy(runs, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key)) {
        target[Number(key)] ??= new TrainingSession();
      }
      return Reflect.get(target, key);
    },
  }),
});
