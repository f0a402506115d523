import { describe, expect, it } from 'vitest';
import { denoPrelude, toIpynb, toIpynbOutputs, toLines } from '../../src/lib/notebook/ipynb.ts';
import * as library from '../../src/lib/notebook/library.ts';
import { Session } from '../../src/lib/notebook/session.ts';
import { nbformatValidator } from './nbformat.ts';

describe('toLines', () => {
  it('keeps newlines on every line but the last', () => {
    expect(toLines('a\nb')).toEqual(['a\n', 'b']);
    expect(toLines('a\n')).toEqual(['a\n']);
    expect(toLines('')).toEqual([]);
  });
});

describe('toIpynb', () => {
  it('makes a valid nbformat 4.5 notebook for the Deno kernel from a run notebook', async () => {
    const session = new Session({ library: { ...library } });
    const sources = [
      "import { activations } from 'nonlinear'\nactivations.gelu.f(-10)",
      "print('a'); print('b'); console.warn('c')\ntable([{ x: 1 }])",
      'plot({ marks: [Plot.lineY([1, 2])] })',
      'nope()',
      'for (let i = 0; i < 10; i++) print(i)',
    ];
    const cells = [];
    let count = 0;
    for (const source of sources) {
      const { outputs } = await new Session({ library: { ...library }, maxChars: 8 }).run('0', 0);
      void outputs;
      const run = await (count === 4 ? new Session({ library: {}, maxChars: 8 }) : session).run(
        source,
        ++count,
      );
      cells.push({ kind: 'markdown' as const, source: `Cell ${count}:` });
      cells.push({
        kind: 'code' as const,
        source,
        count,
        outputs: run.outputs,
        svgs: ['<svg></svg>'],
      });
    }
    const nb = toIpynb(cells, { title: 'Test', url: 'https://nonlinear.example/x/' });
    const validate = nbformatValidator();
    expect(validate(nb), JSON.stringify(validate.errors)).toBe(true);
    expect(nb.metadata.kernelspec).toEqual({
      name: 'deno',
      display_name: 'Deno',
      language: 'typescript',
    });
    expect(nb.cells[1].source.join('')).toBe(denoPrelude);
    const code = nb.cells.filter((c) => c.cell_type === 'code') as {
      outputs: Record<string, unknown>[];
    }[];
    expect(code[1].outputs).toEqual([
      {
        output_type: 'execute_result',
        execution_count: 1,
        data: { 'text/plain': ['-7.619853024160525e-23'] },
        metadata: {},
      },
    ]);
    expect(code[2].outputs.map((o) => o.output_type)).toEqual(['stream', 'stream', 'display_data']);
    expect(code[2].outputs[0]).toEqual({
      output_type: 'stream',
      name: 'stdout',
      text: ['a\n', 'b\n'],
    });
    expect(code[3].outputs[0]).toMatchObject({ data: { 'image/svg+xml': ['<svg></svg>'] } });
    expect(code[4].outputs[0]).toMatchObject({ output_type: 'error', ename: 'ReferenceError' });
    expect(code[5].outputs.at(-1)).toMatchObject({ name: 'stderr' });
    expect(new Set(nb.cells.map((c) => c.id)).size).toBe(nb.cells.length);
  });

  it('is valid for a notebook with no outputs and for a figure without SVG', () => {
    const nb = toIpynb([{ kind: 'code', source: '1' }], { title: 'Empty' });
    const validate = nbformatValidator();
    expect(validate(nb)).toBe(true);
    expect(nb.cells[2]).toMatchObject({ execution_count: null, outputs: [] });
    const out = toIpynbOutputs(
      [{ type: 'plot', spec: { options: {}, marks: [] }, description: 'd' }],
      1,
    );
    expect(out).toEqual([
      { output_type: 'display_data', data: { 'text/plain': ['d'] }, metadata: {} },
    ]);
  });

  it('rejects what the schema rejects (the validator is live)', () => {
    const validate = nbformatValidator();
    expect(
      validate({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code' }] }),
    ).toBe(false);
  });
});
