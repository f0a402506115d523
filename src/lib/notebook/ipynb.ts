// A notebook as a Jupyter file: nbformat 4.5, TypeScript code cells for the Deno Jupyter
// kernel (`deno jupyter --install`), markdown cells for the prose, and the outputs the site
// computed at build time so the file reads completely before it is run.

import type { Output } from './session.ts';

export type NotebookCell =
  | { kind: 'markdown'; source: string }
  | { kind: 'code'; source: string; count?: number | null; outputs?: Output[]; svgs?: string[] };

interface IpynbOutput {
  output_type: string;
  [key: string]: unknown;
}

/** Jupyter keeps text as a list of lines, each but the last ending in a newline. */
export function toLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)).filter((l) => l !== '');
}

/**
 * The first code cell of every downloaded notebook: the helpers the site's kernel provides
 * (print, table, plot and Plot), written for Deno. `nonlinear` itself needs an import map
 * (deno.json: { "imports": { "nonlinear": "./src/lib/notebook/library.ts" } }).
 */
export const denoPrelude = `// The site's notebook helpers, for the Deno Jupyter kernel.
import * as Plot from 'npm:@observablehq/plot@0.6';
import { parseHTML } from 'npm:linkedom@0.18';

const print = (...values: unknown[]) => console.log(...values);
const table = (rows: unknown[]) => console.table(rows);
function plot(options: Plot.PlotOptions) {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...options, document: document as unknown as Document }).outerHTML;
  return Deno.jupyter.display({ 'image/svg+xml': svg }, { raw: true });
}`;

function tableText(columns: string[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function tableHtml(columns: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const head = columns.map((c) => `<th>${esc(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Jupyter outputs from the kernel's; `svgs` are the figures' SVG, in order. */
export function toIpynbOutputs(
  outputs: Output[],
  count: number | null,
  svgs: string[] = [],
): IpynbOutput[] {
  const result: IpynbOutput[] = [];
  let figure = 0;
  for (const o of outputs) {
    const last = result.at(-1);
    switch (o.type) {
      case 'stream':
        if (last?.output_type === 'stream' && last.name === o.name) {
          (last.text as string[]).push(...toLines(o.text));
        } else result.push({ output_type: 'stream', name: o.name, text: toLines(o.text) });
        break;
      case 'notice':
        result.push({ output_type: 'stream', name: 'stderr', text: toLines(`${o.text}\n`) });
        break;
      case 'result':
        result.push({
          output_type: 'execute_result',
          execution_count: count,
          data: { 'text/plain': toLines(o.text) },
          metadata: {},
        });
        break;
      case 'table':
        result.push({
          output_type: 'display_data',
          data: {
            'text/plain': toLines(tableText(o.columns, o.rows)),
            'text/html': [tableHtml(o.columns, o.rows)],
          },
          metadata: {},
        });
        break;
      case 'plot': {
        const svg = svgs[figure++];
        const data: Record<string, string[]> = { 'text/plain': [o.description] };
        if (svg) data['image/svg+xml'] = toLines(svg);
        result.push({ output_type: 'display_data', data, metadata: {} });
        break;
      }
      case 'error':
        result.push({
          output_type: 'error',
          ename: o.ename,
          evalue: o.evalue,
          traceback: o.traceback,
        });
        break;
    }
  }
  return result;
}

export interface IpynbOptions {
  title: string;
  /** Where the notebook came from, for the first markdown cell. */
  url?: string;
}

/** An nbformat 4.5 notebook (a plain object; JSON.stringify it to save). */
export function toIpynb(cells: NotebookCell[], options: IpynbOptions) {
  let n = 0;
  const id = (kind: string) => `${kind}-${++n}`;
  const intro = [
    `# ${options.title}`,
    '',
    `From the Nonlinear course${options.url ? ` (${options.url})` : ''}. The code cells are TypeScript for the`,
    'Deno Jupyter kernel (`deno jupyter --install`). Run it from a checkout of the course, with a',
    '`deno.json` that maps the course library: `{ "imports": { "nonlinear": "./src/lib/notebook/library.ts" } }`.',
  ].join('\n');
  const all: NotebookCell[] = [
    { kind: 'markdown', source: intro },
    { kind: 'code', source: denoPrelude, count: null, outputs: [] },
    ...cells,
  ];
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'deno', display_name: 'Deno', language: 'typescript' },
      language_info: {
        name: 'typescript',
        file_extension: '.ts',
        mimetype: 'text/x.typescript',
        pygments_lexer: 'typescript',
        codemirror_mode: 'typescript',
      },
      title: options.title,
    },
    cells: all.map((c) =>
      c.kind === 'markdown'
        ? { cell_type: 'markdown', id: id('md'), metadata: {}, source: toLines(c.source) }
        : {
            cell_type: 'code',
            id: id('code'),
            metadata: {},
            execution_count: c.count ?? null,
            source: toLines(c.source),
            outputs: toIpynbOutputs(c.outputs ?? [], c.count ?? null, c.svgs),
          },
    ),
  };
}
