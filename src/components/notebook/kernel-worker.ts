// The notebook kernel: a module Web Worker, one per notebook. It keeps a private handle on
// its message port, removes the network and other ways out (lockdown.ts), then serves
// cells (serve.ts). The page enforces the time limit by terminating this worker.

import * as library from '../../lib/notebook/library.ts';
import { blockedGlobals, lockDown } from '../../lib/notebook/lockdown.ts';
import { serveKernel } from '../../lib/notebook/serve.ts';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
const scope = self as unknown as WorkerScope;
const post = scope.postMessage.bind(scope);
const listen = scope.addEventListener.bind(scope);
lockDown(scope, blockedGlobals);

serveKernel(
  {
    post: (message) => post(message),
    listen: (handler) => listen('message', (event: MessageEvent) => handler(event.data)),
  },
  { library: { ...library } },
);
