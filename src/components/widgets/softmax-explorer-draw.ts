// The heavy half of <nl-softmax-explorer>: Plot and the kernel, loaded on first use.

import {
  describeSoftmaxExplorer,
  describeTwoClass,
  type SoftmaxExplorerState,
  softmaxExplorerData,
  softmaxExplorerFigure,
  softmaxExplorerRows,
  softmaxExplorerTotals,
} from '../figures/softmax-explorer.ts';
import { boxWidth, showPlot } from './plot.ts';

function cell(tag: 'th' | 'td', text: string) {
  const c = document.createElement(tag);
  if (tag === 'th') c.scope = 'row';
  c.textContent = text;
  return c;
}

export function draw(widget: HTMLElement, state: SoftmaxExplorerState) {
  const plot = widget.querySelector('.nl-plot') as HTMLElement;
  // Draw at the width the reader has, so phone screens get readable labels.
  const width = boxWidth(plot, 640);
  showPlot(plot, softmaxExplorerFigure(state, width));
  const data = softmaxExplorerData(state);
  (widget.querySelector('figcaption') as HTMLElement).textContent = describeSoftmaxExplorer(
    state,
    data,
  );
  const two = widget.querySelector('.sm-two') as HTMLElement;
  two.hidden = data.sigmoid === undefined;
  two.textContent = describeTwoClass(data);
  const body = widget.querySelector('.sm-table tbody') as HTMLElement;
  body.replaceChildren(
    ...softmaxExplorerRows(data).map((r) => {
      const tr = document.createElement('tr');
      tr.append(
        cell('th', r.name),
        ...[r.x, r.scaled, r.exp, r.naive, r.stable].map((t) => cell('td', t)),
      );
      return tr;
    }),
  );
  const totals = softmaxExplorerTotals(data);
  (widget.querySelector('.sm-naive-sum') as HTMLElement).textContent = totals.naiveSum;
  (widget.querySelector('.sm-lse') as HTMLElement).textContent = totals.logSumExp;
  widget.dataset.state = JSON.stringify(state);
}
