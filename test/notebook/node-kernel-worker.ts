// The notebook kernel in a Node worker thread: what the page's Web Worker does, for the
// protocol tests (time limit, restart, messages). Node runs this TypeScript directly.

import { parentPort } from 'node:worker_threads';
import type { ToKernel } from '../../src/lib/notebook/kernel.ts';
import * as library from '../../src/lib/notebook/library.ts';
import { serveKernel } from '../../src/lib/notebook/serve.ts';

const port = parentPort as NonNullable<typeof parentPort>;
serveKernel(
  {
    post: (message) => port.postMessage(message),
    listen: (handler) => port.on('message', (m: ToKernel) => handler(m)),
  },
  { library: { ...library } },
);
