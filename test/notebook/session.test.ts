import { describe, expect, it } from 'vitest';
import * as library from '../../src/lib/notebook/library.ts';
import { type Output, prepareCell, Session, stripTypes } from '../../src/lib/notebook/session.ts';

const session = () => new Session({ library: { ...library } });
const texts = (outputs: Output[]) =>
  outputs.map((o) =>
    'text' in o ? o.text : o.type === 'error' ? `${o.ename}: ${o.evalue}` : o.type,
  );

describe('Session.run', () => {
  it('runs TypeScript with the course library and shows the last value', async () => {
    const s = session();
    const r = await s.run(
      "import { activations } from 'nonlinear';\nconst gelu = (x: number): number => activations.gelu.f(x);\ngelu(-10)",
      1,
    );
    expect(r).toEqual({
      status: 'ok',
      outputs: [{ type: 'result', text: '-7.619853024160525e-23' }],
    });
    expect((await s.run('nonlinear.activations.relu.f(-2)', 2)).outputs).toEqual([
      { type: 'result', text: '0' },
    ]);
    const nn = await s.run(
      "import { nn, data, random } from 'nonlinear'\n[typeof nn.Dense, typeof data.moons, typeof random.seeded]",
      3,
    );
    expect(texts(nn.outputs)).toEqual(['[ "function", "function", "function" ]']);
  });

  it('keeps state between cells: const, let, functions, classes, destructuring', async () => {
    const s = session();
    await s.run(
      'const a = 2\nlet b = 3\nfunction sq(x) { return x * x }\nclass Box { v = 4 }\nconst { c, d: [e] } = { c: 5, d: [6] }',
      1,
    );
    const r = await s.run('sq(a) + b + new Box().v + c + e', 2);
    expect(texts(r.outputs)).toEqual(['22']);
    // Re-running a cell that declares a const is fine, as in Jupyter.
    expect((await s.run('const a = 10\na', 3)).status).toBe('ok');
    expect(texts((await s.run('a', 4)).outputs)).toEqual(['10']);
    // Closures see later changes of notebook variables.
    await s.run('let n = 1\nconst getN = () => n', 5);
    await s.run('n = 7', 6);
    expect(texts((await s.run('getN()', 7)).outputs)).toEqual(['7']);
    expect(Object.keys(s.vars)).toEqual(
      expect.arrayContaining(['a', 'b', 'sq', 'Box', 'c', 'e', 'n', 'getN']),
    );
  });

  it('shows the value of a multi-line last expression and none after a declaration', async () => {
    const s = session();
    expect(texts((await s.run('const o = {\n  a: 1,\n}\no', 1)).outputs)).toEqual(['{ a: 1 }']);
    expect(texts((await s.run('[1,\n 2].map(\n  (x) => x * 2)', 2)).outputs)).toEqual(['[ 2, 4 ]']);
    expect((await s.run('const z = 1', 3)).outputs).toEqual([]);
    expect((await s.run('function f() {}', 4)).outputs).toEqual([]);
    expect((await s.run('print(1); undefined', 5)).outputs).toHaveLength(1);
    expect(texts((await s.run('1; 2;', 6)).outputs)).toEqual(['2']);
    expect(texts((await s.run('await Promise.resolve(3); 4 // done', 7)).outputs)).toEqual(['4']);
    expect(texts((await s.run('z\n// a comment at the end', 8)).outputs)).toEqual(['1']);
    expect((await s.run('', 9)).outputs).toEqual([]);
  });

  it('captures print and console, in order, with stderr kept apart', async () => {
    const s = session();
    const seen: Output[] = [];
    const r = await s.run(
      "print('x =', 1, [2]); console.log({ a: 1 }); console.warn('careful'); 5",
      1,
      (o) => seen.push(o),
    );
    expect(r.outputs).toEqual([
      { type: 'stream', name: 'stdout', text: 'x = 1 [ 2 ]\n' },
      { type: 'stream', name: 'stdout', text: '{ a: 1 }\n' },
      { type: 'stream', name: 'stderr', text: 'careful\n' },
      { type: 'result', text: '5' },
    ]);
    expect(seen).toEqual(r.outputs);
  });

  it('makes tables and figures', async () => {
    const s = session();
    const r = await s.run(
      "table([{ x: -1, relu: 0 }, { x: 1, relu: 1, note: 'kink at 0' }])\ntable([1, 2])\nconsole.table([{ a: 'b' }], ['a'])",
      1,
    );
    expect(r.outputs).toEqual([
      {
        type: 'table',
        columns: ['x', 'relu', 'note'],
        rows: [
          ['-1', '0', ''],
          ['1', '1', 'kink at 0'],
        ],
      },
      { type: 'table', columns: ['value'], rows: [['1'], ['2']] },
      { type: 'table', columns: ['a'], rows: [['b']] },
    ]);
    const p = await s.run("plot({ marks: [Plot.lineY([1, 2, 3])], title: 'Up' })", 2);
    expect(p.outputs).toEqual([
      {
        type: 'plot',
        spec: {
          options: { title: 'Up' },
          marks: [{ mark: 'lineY', data: [1, 2, 3], options: {} }],
        },
        description: 'Up. Figure with 1 mark: lineY (3 points).',
      },
    ]);
    const bad = await s.run('table(5)', 3);
    expect(texts(bad.outputs)).toEqual([
      'TypeError: table() takes an array of rows (objects or arrays)',
    ]);
  });

  it('reports errors like Jupyter, with the line of the cell', async () => {
    const s = session();
    const r = await s.run('const a = 1\n\nconst b = missing + 1\nprint(b)', 4);
    expect(r.status).toBe('error');
    expect(r.outputs).toEqual([
      {
        type: 'error',
        ename: 'ReferenceError',
        evalue: 'missing is not defined',
        line: 3,
        traceback: [
          'Cell In[4], line 3',
          '       1 const a = 1',
          '       2 ',
          '---->  3 const b = missing + 1',
          '       4 print(b)',
          'ReferenceError: missing is not defined',
        ],
      },
    ]);
    // State from before the error is kept.
    expect(texts((await s.run('a', 5)).outputs)).toEqual(['1']);
    const typed = await s.run('const f = (x: number) => x\n\n\nf.call.nope()', 6);
    expect(typed.outputs[0]).toMatchObject({ ename: 'TypeError', line: 4 });
  });

  it('reports syntax errors with their line, and throws of non-errors', async () => {
    const s = session();
    const r = await s.run('const a = 1\nconst b = (', 1);
    expect(r.outputs[0]).toMatchObject({ type: 'error', ename: 'SyntaxError', line: 2 });
    const thrown = await s.run('throw 5', 2);
    expect(thrown.outputs[0]).toMatchObject({
      ename: 'Uncaught',
      evalue: '5',
      traceback: ['Cell In[2]', 'Uncaught: 5'],
    });
    const engine = await s.run('await = 1', 3);
    expect(engine.outputs[0]).toMatchObject({ type: 'error', ename: 'SyntaxError' });
  });

  it('keeps imported names for later cells, in every import form', async () => {
    const s = session();
    await s.run(
      "import { activations as acts } from 'nonlinear'\nimport * as nl from 'nonlinear'\nimport type { Activation } from 'nonlinear'",
      1,
    );
    expect(
      texts(
        (await s.run('const g: Activation = acts.gelu\n[g.f(0), nl.activations.relu.f(2)]', 2))
          .outputs,
      ),
    ).toEqual(['[ 0, 2 ]']);
    const d = await s.run(
      "import lib from 'nonlinear'\nconst m = await import('nonlinear')\n[lib, typeof m.nn.Dense]",
      3,
    );
    expect(texts(d.outputs)).toEqual(['[ undefined, "function" ]']);
    expect(texts((await s.run('export const e = 2\ne', 4)).outputs)).toEqual(['2']);
  });

  it('imports only the course library', async () => {
    const s = session();
    const r = await s.run("import { readFileSync } from 'node:fs'\nreadFileSync", 1);
    expect(texts(r.outputs)).toEqual([
      'Error: Cannot import "node:fs": the notebook kernel has only the course library, \'nonlinear\'.',
    ]);
    const dynamic = await s.run("await import('https://example.com/x.js')", 2);
    expect(dynamic.status).toBe('error');
  });

  it('caps output per cell', async () => {
    const s = new Session({ library: {}, maxChars: 50, maxDisplays: 2, maxRows: 3 });
    const r = await s.run("for (let i = 0; i < 100; i++) print('0123456789')", 1);
    const chars = r.outputs
      .filter((o) => o.type === 'stream')
      .reduce((n, o) => n + ('text' in o ? o.text.length : 0), 0);
    expect(chars).toBe(50);
    expect(r.outputs.at(-1)).toEqual({ type: 'notice', text: 'Output stopped at 50 characters.' });
    const long = await s.run("'x'.repeat(100)", 2);
    expect(long.outputs[0]).toMatchObject({ type: 'result' });
    expect((long.outputs[0] as { text: string }).text).toHaveLength(50);
    const figures = await s.run('for (let i = 0; i < 5; i++) plot({ marks: [Plot.frame()] })', 3);
    expect(figures.outputs.map((o) => o.type)).toEqual(['plot', 'plot', 'notice']);
    const rows = await s.run('table([1, 2, 3, 4, 5])', 4);
    expect(rows.outputs).toEqual([
      { type: 'notice', text: 'Table shows 3 of 5 rows.' },
      { type: 'table', columns: ['value'], rows: [['1'], ['2'], ['3']] },
    ]);
    const exact = await s.run("print('x'.repeat(49))\nprint('y')", 5);
    expect(exact.outputs.map((o) => o.type)).toEqual(['stream', 'notice']);
  });

  it('gives global functions their real receiver and fails cleanly on unknown names', async () => {
    const s = session();
    const r = await s.run(
      "await new Promise((resolve) => setTimeout(resolve, 1)); atob('YQ==')",
      1,
    );
    expect(texts(r.outputs)).toEqual(['"a"']);
    expect(texts((await s.run('Math.max(1, 2)', 2)).outputs)).toEqual(['2']);
    // A notebook variable may shadow a global.
    expect(texts((await s.run("const name = 'mine'\nname", 3)).outputs)).toEqual(['"mine"']);
  });

  it('drops output that arrives after its cell finished', async () => {
    const s = session();
    const r = await s.run('setTimeout(() => print("late"), 0); 1', 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(texts(r.outputs)).toEqual(['1']);
  });

  it('reports errors without a line when the engine gives no stack', async () => {
    const s = new Session({
      library: {},
      compile: () => async () => {
        throw new Error('no stack here');
      },
    });
    const r = await s.run('1', 1);
    expect(r.outputs[0]).toMatchObject({
      ename: 'Error',
      evalue: 'no stack here',
      line: undefined,
    });
  });
});

describe('prepareCell', () => {
  it('copies function declarations into the scope and returns the last expression', () => {
    const p = prepareCell('function f() {}\nf()');
    expect(p.body).toBe(
      'with (__nl$scope) {__nl$scope["f"] = f;\nfunction f() {}\nreturn (f()\n);\n}',
    );
  });

  it('strips types and keeps line numbers', () => {
    expect(
      stripTypes('interface A { x: number }\nconst a: A = { x: 1 }\na').split('\n'),
    ).toHaveLength(3);
  });
});
