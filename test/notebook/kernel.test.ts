import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { checkOutput, KernelClient, type WorkerLike } from '../../src/lib/notebook/kernel.ts';
import type { Output } from '../../src/lib/notebook/session.ts';

/** A worker_threads Worker behind the Web Worker interface the client expects. */
function nodeWorker(): WorkerLike {
  const worker = new Worker(new URL('./node-kernel-worker.ts', import.meta.url));
  const like: WorkerLike = {
    postMessage: (m) => worker.postMessage(m),
    terminate: () => void worker.terminate(),
    onmessage: null,
    onerror: null,
  };
  worker.on('message', (data) => like.onmessage?.({ data }));
  worker.on('error', (e) => like.onerror?.(e));
  return like;
}

const clients: KernelClient[] = [];
function client(options: ConstructorParameters<typeof KernelClient>[1] = {}) {
  const c = new KernelClient(nodeWorker, options);
  clients.push(c);
  return c;
}
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

describe('KernelClient over a worker', () => {
  it('runs cells in order with state kept between them and streams outputs', async () => {
    const kernel = client();
    const outputs: Output[] = [];
    const [a, b] = await Promise.all([
      kernel.run(
        "import { activations } from 'nonlinear'\nconst g = activations.gelu\nprint('defined')",
        1,
        (o) => outputs.push(o),
      ),
      kernel.run('g.f(-10)', 2, (o) => outputs.push(o)),
    ]);
    expect([a, b]).toEqual(['ok', 'ok']);
    expect(outputs).toEqual([
      { type: 'stream', name: 'stdout', text: 'defined\n' },
      { type: 'result', text: '-7.619853024160525e-23' },
    ]);
  });

  it('reports errors with the line number and keeps going', async () => {
    const kernel = client();
    const outputs: Output[] = [];
    expect(await kernel.run('1\nnope()', 1, (o) => outputs.push(o))).toBe('error');
    expect(outputs[0]).toMatchObject({ type: 'error', ename: 'ReferenceError', line: 2 });
    expect(await kernel.run('2', 2)).toBe('ok');
  });

  it('stops a cell that runs past the time limit and restarts the kernel', async () => {
    const restarts: string[] = [];
    const kernel = client({ timeLimit: 300, onRestart: (r) => restarts.push(r) });
    await kernel.run('const before = 1', 1);
    const outputs: Output[] = [];
    const started = performance.now();
    expect(await kernel.run("print('looping')\nwhile (true) {}", 2, (o) => outputs.push(o))).toBe(
      'timeout',
    );
    // Not before the limit. That it returns at all shows the endless loop was stopped (the
    // test's own timeout catches a hang); how soon after the limit depends on the machine's
    // load, which a wall-clock bound would turn into a flaky test.
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(outputs).toEqual([{ type: 'stream', name: 'stdout', text: 'looping\n' }]);
    expect(restarts).toEqual(['timeout']);
    // A fresh kernel: the old variables are gone, new cells run.
    const after: Output[] = [];
    expect(await kernel.run('typeof before', 3, (o) => after.push(o))).toBe('error');
    expect(after[0]).toMatchObject({ ename: 'ReferenceError' });
  });

  it('restart() stops a running cell and forgets the state', async () => {
    const kernel = client({ timeLimit: 10_000 });
    await kernel.run('const kept = 1', 1);
    const running = kernel.run('while (true) {}', 2);
    await new Promise((r) => setTimeout(r, 200));
    kernel.restart();
    expect(await running).toBe('crashed');
    expect(await kernel.run('typeof kept === "undefined" ? 0 : 1', 3)).toBe('error');
  });

  it('treats a worker that fails to start as crashed', async () => {
    const broken = new KernelClient(() => {
      throw new Error('no worker');
    });
    expect(await broken.run('1', 1)).toBe('crashed');
    const silent: WorkerLike = { postMessage() {}, terminate() {}, onmessage: null, onerror: null };
    const stuck = new KernelClient(() => silent, { startLimit: 50 });
    expect(await stuck.run('1', 1)).toBe('crashed');
    const erroring = new KernelClient(() => {
      const w: WorkerLike = {
        postMessage: () => setTimeout(() => w.onerror?.(new Error('load failed')), 0),
        terminate() {},
        onmessage: null,
        onerror: null,
      };
      return w;
    });
    expect(await erroring.run('1', 1)).toBe('crashed');
  });

  it('ignores messages that are not about the running cell', async () => {
    let w!: WorkerLike;
    const kernel = new KernelClient(() => {
      w = { postMessage() {}, terminate() {}, onmessage: null, onerror: null };
      return w;
    });
    const outputs: Output[] = [];
    const run = kernel.run('x', 1, (o) => outputs.push(o));
    await Promise.resolve();
    await Promise.resolve();
    w.onmessage?.({ data: null });
    w.onmessage?.({ data: { type: 'done', id: 99, status: 'ok' } });
    w.onmessage?.({ data: { type: 'output', id: 1, output: { type: 'script', text: 'x' } } });
    w.onmessage?.({ data: { type: 'output', id: 1, output: { type: 'result', text: 'fine' } } });
    w.onmessage?.({ data: { type: 'done', id: 1, status: 'weird' } });
    expect(await run).toBe('error');
    expect(outputs).toEqual([{ type: 'result', text: 'fine' }]);
  });
});

describe('checkOutput', () => {
  it('accepts the kernel outputs and nothing else', () => {
    expect(checkOutput(null)).toBeUndefined();
    expect(checkOutput({ type: 'html', html: '<img>' })).toBeUndefined();
    expect(checkOutput({ type: 'stream', name: 'other', text: 5 })).toEqual({
      type: 'stream',
      name: 'stdout',
      text: '5',
    });
    expect(checkOutput({ type: 'notice', text: 'n'.repeat(30) }, 10)).toEqual({
      type: 'notice',
      text: 'n'.repeat(10),
    });
    expect(checkOutput({ type: 'table', columns: 'a', rows: [1, ['x']] })).toEqual({
      type: 'table',
      columns: [],
      rows: [[], ['x']],
    });
    expect(checkOutput({ type: 'table' })).toEqual({ type: 'table', columns: [], rows: [] });
    expect(checkOutput({ type: 'plot', spec: { marks: 1 } })).toBeUndefined();
    expect(checkOutput({ type: 'plot', spec: { marks: [] }, description: 'd' })).toEqual({
      type: 'plot',
      spec: { options: {}, marks: [] },
      description: 'd',
    });
    expect(
      checkOutput({ type: 'error', ename: 'E', evalue: 'v', line: 1.5, traceback: 'x' }),
    ).toEqual({
      type: 'error',
      ename: 'E',
      evalue: 'v',
      line: undefined,
      traceback: [],
    });
    expect(
      checkOutput({ type: 'error', ename: 'E', evalue: 'v', line: 2, traceback: ['t'] }),
    ).toMatchObject({ line: 2 });
  });
});
