// The training sessions of a lab with several runs, in as few workers as keep a core free for
// the page: one worker per spare core (hardwareConcurrency − 1, at least one), the runs dealt
// out among them. A worker trains its runs one after another (TrainingSession.step is
// synchronous), so a lab never has more busy threads than the machine has cores.

import * as Comlink from 'comlink';
import type { TrainingSession } from '../workers/training-session.ts';

export type Session = Comlink.Remote<TrainingSession>;

export function labSessions(count: number): Session[] {
  const spare = Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
  // A comlink proxy follows a path of properties: runs[i].step(n) calls step on session i.
  const workers = Array.from(
    { length: Math.min(count, spare) },
    () =>
      Comlink.wrap(
        new Worker(new URL('./lab-runs-worker.ts', import.meta.url), { type: 'module' }),
      ) as unknown as { runs: Session[] },
  );
  return Array.from(
    { length: count },
    (_, i) => workers[i % workers.length].runs[Math.floor(i / workers.length)],
  );
}
