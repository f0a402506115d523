// The kernel protocol between a page (or a Node test) and the worker that runs the cells.
//
//   page → worker  { type: 'run', id, code, count }
//   worker → page  { type: 'start', id }            the cell begins: the time limit starts
//                  { type: 'output', id, output }   streamed as the cell produces it
//                  { type: 'done', id, status }     'ok' | 'error'
//
// KernelClient runs cells one at a time. If a cell has not finished `timeLimit` ms after it
// started, the worker is terminated (a tight loop cannot be interrupted any other way) and
// the next run starts a fresh one: the notebook's variables are gone, as after Jupyter's
// "Restart kernel". Messages from the worker are treated as untrusted data and checked.
// This file is the page's half: it imports no kernel code (serve.ts is the worker's half).

import type { Output } from './session.ts';

export type ToKernel = { type: 'run'; id: number; code: string; count: number };
export type FromKernel =
  | { type: 'start'; id: number }
  | { type: 'output'; id: number; output: Output }
  | { type: 'done'; id: number; status: 'ok' | 'error' };

/** The page side of a worker (a Web Worker, or a Node worker_threads adapter in tests). */
export interface WorkerLike {
  postMessage(message: ToKernel): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type RunStatus = 'ok' | 'error' | 'timeout' | 'crashed';

export interface ClientOptions {
  /** Milliseconds a cell may run. Default 5000. */
  timeLimit?: number;
  /** Milliseconds the worker may take to start a cell (loading). Default 30,000. */
  startLimit?: number;
  /** Called when the kernel was restarted, by restart() or after a time-out or crash. */
  onRestart?: (reason: 'restart' | 'timeout' | 'crashed') => void;
}

const outputTypes = new Set(['stream', 'result', 'table', 'plot', 'error', 'notice']);

/** An output from the worker, or undefined if it is not one the page knows how to show. */
export function checkOutput(value: unknown, maxChars = 20_000): Output | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const o = value as Record<string, unknown>;
  if (!outputTypes.has(o.type as string)) return undefined;
  const text = (v: unknown) => String(v ?? '').slice(0, maxChars);
  switch (o.type) {
    case 'stream':
      return {
        type: 'stream',
        name: o.name === 'stderr' ? 'stderr' : 'stdout',
        text: text(o.text),
      };
    case 'result':
    case 'notice':
      return { type: o.type, text: text(o.text) };
    case 'table': {
      const columns = Array.isArray(o.columns) ? o.columns.slice(0, 50).map(text) : [];
      const rows = Array.isArray(o.rows)
        ? o.rows.slice(0, 1000).map((r) => (Array.isArray(r) ? r.slice(0, 50).map(text) : []))
        : [];
      return { type: 'table', columns, rows };
    }
    case 'plot': {
      const spec = o.spec as Record<string, unknown> | undefined;
      if (!spec || typeof spec !== 'object' || !Array.isArray(spec.marks)) return undefined;
      return {
        type: 'plot',
        spec: { options: (spec.options ?? {}) as Record<string, unknown>, marks: spec.marks },
        description: text(o.description),
      };
    }
    default: {
      const traceback = Array.isArray(o.traceback) ? o.traceback.slice(0, 20).map(text) : [];
      const line = Number.isInteger(o.line) ? (o.line as number) : undefined;
      return { type: 'error', ename: text(o.ename), evalue: text(o.evalue), line, traceback };
    }
  }
}

interface Pending {
  id: number;
  onOutput: (o: Output) => void;
  resolve: (status: RunStatus) => void;
  timer?: ReturnType<typeof setTimeout>;
}

export class KernelClient {
  readonly timeLimit: number;
  #create: () => WorkerLike;
  #worker: WorkerLike | undefined;
  #pending: Pending | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #nextId = 1;
  #startLimit: number;
  #onRestart?: ClientOptions['onRestart'];

  constructor(create: () => WorkerLike, options: ClientOptions = {}) {
    this.#create = create;
    this.timeLimit = options.timeLimit ?? 5000;
    this.#startLimit = options.startLimit ?? 30_000;
    this.#onRestart = options.onRestart;
  }

  #worker_(): WorkerLike {
    if (!this.#worker) {
      const worker = this.#create();
      worker.onmessage = (event) => this.#receive(worker, event.data);
      worker.onerror = () => {
        if (worker === this.#worker) this.#kill('crashed');
      };
      this.#worker = worker;
    }
    return this.#worker;
  }

  #receive(worker: WorkerLike, data: unknown) {
    const p = this.#pending;
    if (worker !== this.#worker || !p || !data || typeof data !== 'object') return;
    const m = data as Record<string, unknown>;
    if (m.id !== p.id) return;
    if (m.type === 'start') {
      clearTimeout(p.timer);
      p.timer = setTimeout(() => this.#kill('timeout'), this.timeLimit);
    } else if (m.type === 'output') {
      const output = checkOutput(m.output);
      if (output) p.onOutput(output);
    } else if (m.type === 'done') {
      clearTimeout(p.timer);
      this.#pending = undefined;
      p.resolve(m.status === 'ok' ? 'ok' : 'error');
    }
  }

  /** Ends the worker; the pending run (if any) finishes with `reason`. */
  #kill(reason: 'timeout' | 'crashed' | 'restart') {
    this.#worker?.terminate();
    this.#worker = undefined;
    const p = this.#pending;
    this.#pending = undefined;
    if (p) {
      clearTimeout(p.timer);
      p.resolve(reason === 'restart' ? 'crashed' : reason);
    }
    this.#onRestart?.(reason);
  }

  /** Runs `code` as execution `count`; outputs arrive through `onOutput` as they happen. */
  run(code: string, count: number, onOutput: (o: Output) => void = () => {}): Promise<RunStatus> {
    const result = this.#queue.then(
      () =>
        new Promise<RunStatus>((resolve) => {
          const id = this.#nextId++;
          const pending: Pending = { id, onOutput, resolve };
          this.#pending = pending;
          pending.timer = setTimeout(() => this.#kill('crashed'), this.#startLimit);
          try {
            this.#worker_().postMessage({ type: 'run', id, code, count });
          } catch {
            this.#kill('crashed');
          }
        }),
    );
    this.#queue = result;
    return result;
  }

  /** Throws the kernel's state away (a running cell is stopped); the next run starts fresh. */
  restart() {
    this.#kill('restart');
  }

  /** Ends the worker for good (the page is leaving). */
  dispose() {
    this.#worker?.terminate();
    this.#worker = undefined;
  }
}
