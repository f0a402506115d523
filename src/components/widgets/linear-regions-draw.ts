// The heavy half of <nl-linear-regions>: Plot and the figure, loaded on first use.

import { type LinearRegionsState, linearRegionsFigure } from '../figures/linear-regions.ts';
import { boxWidth, showPlot } from './plot.ts';

export function draw(widget: HTMLElement, state: LinearRegionsState) {
  const plot = widget.querySelector('.nl-plot') as HTMLElement;
  const width = boxWidth(plot, 454);
  const options = linearRegionsFigure(state, width);
  showPlot(plot, options);
  // The figure's description is the caption: counted once, said twice.
  (widget.querySelector('figcaption') as HTMLElement).textContent = String(options.ariaDescription);
  widget.dataset.state = JSON.stringify(state);
}
