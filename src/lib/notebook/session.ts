// The notebook kernel's semantics, the same in the browser's worker and in Node at build
// time. A cell is TypeScript; sucrase strips the types and turns imports into require()
// calls, the top level is rewritten (scan.ts) and the cell runs as the body of an async
// function inside `with (scope)`, so that:
// - a top-level const/let/var/function/class lands in the notebook's scope and later cells
//   see it (re-running a cell that declares `const x` is fine, as in Jupyter);
// - the last expression statement is the cell's value, Out[n];
// - print(), console.log() and console.table(), table(), plot() produce outputs;
// - `import { activations, nn, data } from 'nonlinear'` (or the global `nonlinear`) is the
//   course library; any other import fails with a clear error;
// - an exception is reported like Jupyter, with the line of the cell it came from;
// - output is capped per cell.

import { transform } from 'sucrase';
import { formatPrinted, formatValue } from './format.ts';
import { describePlotSpec, type PlotSpec, plotShim, toPlotSpec } from './plot-spec.ts';
import { rewriteTopLevel, tokenize } from './scan.ts';

export type Output =
  | { type: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | { type: 'result'; text: string }
  | { type: 'table'; columns: string[]; rows: string[][] }
  | { type: 'plot'; spec: PlotSpec; description: string }
  | { type: 'error'; ename: string; evalue: string; line?: number; traceback: string[] }
  | { type: 'notice'; text: string };

export interface RunResult {
  status: 'ok' | 'error';
  outputs: Output[];
}

/** Compiles a function body into a function of the scope (default: the AsyncFunction constructor). */
export type Compile = (body: string, sourceName: string) => (scope: object) => Promise<unknown>;

const AsyncFunction = (async () => {}).constructor as new (
  ...args: string[]
) => (scope: object) => Promise<unknown>;

export const compileAsync: Compile = (body, sourceName) =>
  new AsyncFunction('__nl$scope', `${body}\n//# sourceURL=${sourceName}`);

export interface SessionOptions {
  /** The module `import ... from 'nonlinear'` gives, also the global `nonlinear`. */
  library: Record<string, unknown>;
  compile?: Compile;
  /** Characters of text output per cell (stream and Out). Default 20,000. */
  maxChars?: number;
  /** Tables and figures per cell. Default 20. */
  maxDisplays?: number;
  /** Rows per table. Default 200. */
  maxRows?: number;
  /** Data points per figure. Default 100,000. */
  maxPoints?: number;
}

export interface Prepared {
  /** The body to compile, or undefined when the cell does not parse. */
  body?: string;
  /** The line of the body that holds line 1 of the cell. */
  firstLine: number;
  syntaxError?: { message: string; line?: number };
}

const wrapperOpen = 'with (__nl$scope) {';

/** Whether `body` compiles as the body of an async function (sloppy mode, as cells run). */
export function compiles(body: string): boolean {
  try {
    new AsyncFunction('__nl$scope', body);
    return true;
  } catch {
    return false;
  }
}

/** Strips TypeScript; line numbers stay the same. */
export function stripTypes(code: string): string {
  // Only types go; imports stay (scan.ts turns them into declarations in the scope), even
  // those this cell does not use, since a later cell may.
  return transform(code, {
    transforms: ['typescript'],
    disableESTransforms: true,
    keepUnusedImports: true,
    production: true,
  }).code;
}

/** A cell's code as a function body: declarations into the scope, last value returned. */
export function prepareCell(code: string): Prepared {
  let js: string;
  try {
    js = stripTypes(code);
  } catch (e) {
    const err = e as Error & { loc?: { line: number } };
    const message = err.message.replace(/\s*\(\d+:\d+\)$/, '');
    return { firstLine: 2, syntaxError: { message, line: err.loc?.line } };
  }
  const r = rewriteTopLevel(js);
  const registrations = r.functions
    .map((f) => `__nl$scope[${JSON.stringify(f)}] = ${f};`)
    .join(' ');
  const wrap = (inner: string) => `${wrapperOpen}${registrations}\n${inner}\n}`;
  let code2 = r.code;
  if (r.trailingSemicolon >= 0) {
    code2 = `${code2.slice(0, r.trailingSemicolon)} ${code2.slice(r.trailingSemicolon + 1)}`;
  }
  // The value: the earliest top-level statement from which the rest is one expression.
  const declarations = new Set(r.declarations);
  for (const at of r.statementStarts) {
    if (declarations.has(at)) continue;
    const head = code2.slice(0, at);
    const tail = code2.slice(at);
    const first = tokenize(tail)[0];
    if (
      !first ||
      ['function', 'class', 'var', 'let', 'const', 'import', 'export'].includes(first.value)
    ) {
      continue;
    }
    const candidate = `${head}return (${tail}\n);`;
    if (compiles(wrap(`${head};`)) && compiles(wrap(candidate))) {
      return { body: wrap(candidate), firstLine: 2 };
    }
  }
  const body = wrap(r.code);
  if (!compiles(body)) {
    try {
      new AsyncFunction('__nl$scope', body);
    } catch (e) {
      return { firstLine: 2, syntaxError: { message: (e as Error).message } };
    }
  }
  return { body, firstLine: 2 };
}

/** The scope object cells run in: notebook variables, then the kernel's helpers, then globals. */
function scopeProxy(vars: Record<string, unknown>, builtins: Record<string, unknown>) {
  const bound = new Map<string, unknown>();
  const global = globalThis as unknown as Record<string, unknown>;
  return new Proxy(vars, {
    has: (_, k) => typeof k === 'string' && !k.startsWith('__nl$'),
    get(target, k) {
      if (typeof k !== 'string') return undefined;
      if (k in target) return target[k];
      if (k in builtins) return builtins[k];
      if (k in global) {
        const v = global[k];
        // Functions looked up through `with` are called with the scope as `this`; give the
        // global's own functions (setTimeout, atob, ...) their real receiver.
        if (typeof v === 'function' && /^[a-z]/.test(k)) {
          if (!bound.has(k)) bound.set(k, (v as (...a: unknown[]) => unknown).bind(globalThis));
          return bound.get(k);
        }
        return v;
      }
      throw new ReferenceError(`${k} is not defined`);
    },
    set(target, k, value) {
      if (typeof k === 'string') target[k] = value;
      return true;
    },
  });
}

/** The line of the cell an error came from, read from its stack. */
function errorLine(error: unknown, sourceName: string, offset: number): number | undefined {
  const stack = typeof (error as Error)?.stack === 'string' ? (error as Error).stack : '';
  const escaped = sourceName.replace(/[.]/g, '\\.');
  const match = new RegExp(`${escaped}:(\\d+)(?::\\d+)?`).exec(stack ?? '');
  return match ? Number(match[1]) - offset : undefined;
}

export class Session {
  readonly vars: Record<string, unknown> = Object.create(null);
  #options: Required<SessionOptions>;
  #offset: number | undefined;
  #current:
    | {
        outputs: Output[];
        chars: number;
        displays: number;
        notified: boolean;
        emit?: (o: Output) => void;
      }
    | undefined;

  constructor(options: SessionOptions) {
    this.#options = {
      compile: compileAsync,
      maxChars: 20_000,
      maxDisplays: 20,
      maxRows: 200,
      maxPoints: 100_000,
      ...options,
    };
  }

  /** Where line 1 of a cell body lands in stack traces of this engine (probed once). */
  async #lineOffset(): Promise<number> {
    if (this.#offset === undefined) {
      const name = 'nl-probe.js';
      const fn = this.#options.compile(`${wrapperOpen}\nthrow new Error('probe')\n}`, name);
      let line: number | undefined;
      try {
        await fn({});
      } catch (e) {
        line = errorLine(e, name, 0);
      }
      // Body line 2 (the cell's line 1) was reported as `line`.
      this.#offset = line === undefined ? Number.NaN : line - 1;
    }
    return this.#offset;
  }

  #emit(output: Output) {
    const c = this.#current;
    if (!c) return;
    const o = this.#options;
    if (output.type === 'stream' || output.type === 'result') {
      const left = o.maxChars - c.chars;
      if (left <= 0) {
        this.#notice(`Output stopped at ${o.maxChars.toLocaleString('en')} characters.`);
        return;
      }
      if (output.text.length > left) {
        c.chars = o.maxChars;
        this.#push({ ...output, text: output.text.slice(0, left) });
        this.#notice(`Output stopped at ${o.maxChars.toLocaleString('en')} characters.`);
        return;
      }
      c.chars += output.text.length;
    } else if (output.type === 'table' || output.type === 'plot') {
      if (c.displays >= o.maxDisplays) {
        this.#notice(`Only the first ${o.maxDisplays} tables and figures of a cell are shown.`);
        return;
      }
      c.displays++;
    }
    this.#push(output);
  }

  #notice(text: string) {
    const c = this.#current;
    if (!c || c.notified) return;
    c.notified = true;
    this.#push({ type: 'notice', text });
  }

  #push(output: Output) {
    const c = this.#current;
    c?.outputs.push(output);
    c?.emit?.(output);
  }

  #builtins(): Record<string, unknown> {
    const print = (...values: unknown[]) => {
      this.#emit({ type: 'stream', name: 'stdout', text: `${formatPrinted(values)}\n` });
    };
    const printErr = (...values: unknown[]) => {
      this.#emit({ type: 'stream', name: 'stderr', text: `${formatPrinted(values)}\n` });
    };
    const table = (rows: unknown, columns?: string[]) => {
      this.#emit(this.#table(rows, columns));
    };
    const plot = (options: unknown) => {
      const spec = toPlotSpec(options, this.#options.maxPoints);
      this.#emit({ type: 'plot', spec, description: describePlotSpec(spec) });
    };
    const library = this.#options.library;
    const require = (name: string) => {
      if (name === 'nonlinear') return library;
      throw new Error(
        `Cannot import "${name}": the notebook kernel has only the course library, 'nonlinear'.`,
      );
    };
    return {
      print,
      table,
      plot,
      import: async (name: string) => require(name),
      Plot: plotShim,
      nonlinear: library,
      require,
      console: { log: print, info: print, debug: print, warn: printErr, error: printErr, table },
    };
  }

  #table(rows: unknown, columns?: string[]): Output {
    if (!Array.isArray(rows) && !ArrayBuffer.isView(rows)) {
      throw new TypeError('table() takes an array of rows (objects or arrays)');
    }
    const list = Array.from(rows as ArrayLike<unknown>);
    const shown = list.slice(0, this.#options.maxRows);
    const cols =
      columns ??
      [
        ...new Set(
          shown.flatMap((r) => (r !== null && typeof r === 'object' ? Object.keys(r) : ['value'])),
        ),
      ].slice(0, 20);
    const cell = (v: unknown) =>
      v === undefined ? '' : typeof v === 'string' ? v : formatValue(v, { depth: 0, width: 40 });
    const body = shown.map((r) =>
      cols.map((c) =>
        r !== null && typeof r === 'object'
          ? cell((r as Record<string, unknown>)[c])
          : c === 'value'
            ? cell(r)
            : '',
      ),
    );
    if (list.length > shown.length)
      this.#notice(`Table shows ${shown.length} of ${list.length} rows.`);
    return { type: 'table', columns: cols, rows: body };
  }

  /**
   * Runs one cell. `count` is its execution count (In [count]); `emit` receives each output
   * as it is produced (a worker streams them), and all of them are returned too.
   */
  async run(code: string, count: number, emit?: (o: Output) => void): Promise<RunResult> {
    const current = { outputs: [] as Output[], chars: 0, displays: 0, notified: false, emit };
    this.#current = current;
    const offset = await this.#lineOffset();
    const lines = code.split('\n');
    const traceback = (ename: string, evalue: string, line?: number) => {
      const t = [`Cell In[${count}]${line ? `, line ${line}` : ''}`];
      if (line && line >= 1 && line <= lines.length) {
        for (let l = Math.max(1, line - 2); l <= Math.min(lines.length, line + 2); l++) {
          t.push(`${l === line ? '---->' : '     '} ${String(l).padStart(2)} ${lines[l - 1]}`);
        }
      }
      t.push(`${ename}: ${evalue}`);
      return t;
    };
    const prepared = prepareCell(code);
    if (!prepared.body) {
      const { message, line } = prepared.syntaxError as { message: string; line?: number };
      this.#emit({
        type: 'error',
        ename: 'SyntaxError',
        evalue: message,
        line,
        traceback: traceback('SyntaxError', message, line),
      });
      this.#current = undefined;
      return { status: 'error', outputs: current.outputs };
    }
    const sourceName = `nl-cell-${count}.js`;
    const scope = scopeProxy(this.vars, this.#builtins());
    try {
      const value = await this.#options.compile(prepared.body, sourceName)(scope);
      if (value !== undefined) this.#emit({ type: 'result', text: formatValue(value) });
      return { status: 'ok', outputs: current.outputs };
    } catch (e) {
      const isError = e instanceof Error || (e !== null && typeof e === 'object' && 'message' in e);
      const ename = isError ? String((e as Error).name ?? 'Error') : 'Uncaught';
      const evalue = isError ? String((e as Error).message) : formatValue(e);
      const line = Number.isNaN(offset) ? undefined : errorLine(e, sourceName, offset);
      const inCell = line !== undefined && line >= 1 && line <= lines.length ? line : undefined;
      this.#emit({
        type: 'error',
        ename,
        evalue,
        line: inCell,
        traceback: traceback(ename, evalue, inCell),
      });
      return { status: 'error', outputs: current.outputs };
    } finally {
      // Output after the cell has finished (a timer firing later) belongs to no cell.
      if (this.#current === current) this.#current = undefined;
    }
  }
}
