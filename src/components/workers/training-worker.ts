// The training worker: a module Web Worker exposing one TrainingSession with comlink.
//   const session = Comlink.wrap<TrainingSession>(new Worker(new URL('./training-worker.ts', import.meta.url), { type: 'module' }));
//   await session.subscribe(Comlink.proxy((snapshot) => draw(snapshot)));

import * as Comlink from 'comlink';
import { TrainingSession } from './training-session.ts';

Comlink.expose(new TrainingSession());
