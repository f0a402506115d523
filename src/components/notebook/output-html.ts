// Kernel outputs as HTML, the same at build time and in the browser. Every string from the
// kernel is escaped; a figure is a placeholder the caller fills with the SVG Plot drew.

import type { Output } from '../../lib/notebook/session.ts';

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One output. `count` is the cell's execution count; `svg` a figure's drawing, if any. */
export function outputHtml(o: Output, count: number, svg = ''): string {
  switch (o.type) {
    case 'stream':
      return `<pre class="nl-out nl-out-${o.name}">${escapeHtml(o.text)}</pre>`;
    case 'result':
      return `<div class="nl-out nl-out-result"><span class="nl-out-prompt">Out[${count}]:</span><pre>${escapeHtml(o.text)}</pre></div>`;
    case 'notice':
      return `<p class="nl-out nl-out-notice">${escapeHtml(o.text)}</p>`;
    case 'table': {
      const head = o.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
      const rows = o.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('');
      return `<div class="nl-out nl-out-table" tabindex="0" role="region" aria-label="Table from cell ${count}"><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
    }
    case 'plot':
      return `<figure class="nl-out nl-out-plot"><div class="nl-plot">${svg}</div><figcaption>${escapeHtml(o.description)}</figcaption></figure>`;
    case 'error':
      return `<div class="nl-out nl-out-error"><pre>${escapeHtml(o.traceback.join('\n'))}</pre></div>`;
  }
}

/** All outputs of a cell; consecutive text of one stream is merged, as Jupyter shows it. */
export function outputsHtml(outputs: Output[], count: number, svgs: string[] = []): string {
  const merged: Output[] = [];
  for (const o of outputs) {
    const last = merged.at(-1);
    if (o.type === 'stream' && last?.type === 'stream' && last.name === o.name) {
      merged[merged.length - 1] = { ...last, text: last.text + o.text };
    } else merged.push(o);
  }
  let figure = 0;
  return merged.map((o) => outputHtml(o, count, o.type === 'plot' ? svgs[figure++] : '')).join('');
}
