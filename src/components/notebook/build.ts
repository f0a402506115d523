// Build time: runs a notebook's cells in Node with the kernel's semantics (session.ts), so
// the page carries every cell's first output (text, tables, figures as SVG) and reads
// completely without JavaScript; and makes the .ipynb the page offers for download.

import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { type NotebookCell, toIpynb } from '../../lib/notebook/ipynb.ts';
import * as library from '../../lib/notebook/library.ts';
import { fromPlotSpec } from '../../lib/notebook/plot-spec.ts';
import { Session } from '../../lib/notebook/session.ts';
import { renderToString } from '../figures/render.ts';
import { toMarkdown } from './markdown.ts';
import { outputsHtml } from './output-html.ts';

export interface BuiltNotebook {
  html: string;
  ipynb: ReturnType<typeof toIpynb>;
  cells: number;
}

/** Width the build draws figures at; the browser redraws at the reader's width when a cell runs. */
export const buildWidth = 640;

/**
 * Runs the cells found in `html` (the rendered children of <Notebook>), fills in their
 * execution counts and outputs, and collects prose and code for the .ipynb. A cell that
 * throws fails the build unless it is marked `expectError`.
 */
export async function buildNotebook(
  html: string,
  options: { title: string; url?: string },
): Promise<BuiltNotebook> {
  const { document } = parseHTML(
    `<!doctype html><html><body><div id="nl-root">${html}</div></body></html>`,
  );
  const root = document.getElementById('nl-root') as unknown as HTMLElement;
  const session = new Session({ library: { ...library } });
  const cells: NotebookCell[] = [];
  let prose: Node[] = [];
  const flush = () => {
    const source = toMarkdown(prose as never).trim();
    if (source) cells.push({ kind: 'markdown', source });
    prose = [];
  };
  let count = 0;
  for (const node of Array.from(root.childNodes)) {
    const cell =
      node.nodeType === 1 && (node as Element).hasAttribute('data-nl-cell')
        ? (node as Element)
        : undefined;
    if (!cell) {
      prose.push(node);
      continue;
    }
    flush();
    const source = JSON.parse(
      cell.querySelector('script[data-nl-source]')?.textContent ?? '""',
    ) as string;
    count++;
    const result = await session.run(source, count);
    const error = result.outputs.find((o) => o.type === 'error');
    if (error && !cell.hasAttribute('data-expect-error')) {
      throw new Error(
        `Notebook "${options.title}": cell ${count} failed at build time:\n${error.traceback.join('\n')}\n(Give the cell expectError if it is meant to fail.)`,
      );
    }
    const svgs = result.outputs.flatMap((o) =>
      o.type === 'plot'
        ? [renderToString(fromPlotSpec(o.spec, Plot as never, buildWidth) as Plot.PlotOptions)]
        : [],
    );
    const counter = cell.querySelector('[data-nl-count]');
    if (counter) counter.textContent = String(count);
    const output = cell.querySelector('[data-nl-output]');
    if (output) output.innerHTML = outputsHtml(result.outputs, count, svgs);
    cells.push({ kind: 'code', source, count, outputs: result.outputs });
  }
  flush();
  return { html: root.innerHTML, ipynb: toIpynb(cells, options), cells: count };
}
