// The heavy half of <nl-universal-approximation>: Plot and the solver, loaded on first use.

import {
  type UniversalApproximationState,
  universalApproximationFigure,
} from '../figures/universal-approximation.ts';
import { boxWidth, showPlot } from './plot.ts';

export function draw(widget: HTMLElement, state: UniversalApproximationState) {
  const plot = widget.querySelector('.nl-plot') as HTMLElement;
  // Draw at the width the reader has, so phone screens get readable labels.
  const width = boxWidth(plot, 640);
  const options = universalApproximationFigure(state, width);
  showPlot(plot, options);
  // The figure's description is the caption: solved once, said twice.
  (widget.querySelector('figcaption') as HTMLElement).textContent = String(options.ariaDescription);
  widget.dataset.state = JSON.stringify(state);
}
