// The worker's half of the kernel protocol (kernel.ts): a Session served over a port.

import type { FromKernel, ToKernel } from './kernel.ts';
import { Session, type SessionOptions } from './session.ts';

/** What the worker side needs: a way to send, and to hear runs. */
export interface KernelPort {
  post(message: FromKernel): void;
  listen(handler: (message: ToKernel) => void): void;
}

/** Serves a Session over a port: the body of the worker script. */
export function serveKernel(port: KernelPort, options: SessionOptions): Session {
  const session = new Session(options);
  let queue = Promise.resolve();
  port.listen((message) => {
    if (message?.type !== 'run') return;
    const { id, code, count } = message;
    queue = queue.then(async () => {
      port.post({ type: 'start', id });
      const result = await session.run(String(code), Number(count), (output) =>
        port.post({ type: 'output', id, output }),
      );
      port.post({ type: 'done', id, status: result.status });
    });
  });
  return session;
}
