// The heavy half of <nl-stacked-layers>: Plot and the kernel, loaded on first use.

import {
  describeStackedLayers,
  type StackedLayersState,
  stackedLayersFigure,
} from '../figures/stacked-layers.ts';
import { boxWidth, showPlot } from './plot.ts';

export function draw(widget: HTMLElement, state: StackedLayersState) {
  const plot = widget.querySelector('.nl-plot') as HTMLElement;
  // Draw at the width the reader has, so phone screens get readable labels.
  const width = boxWidth(plot, 640);
  showPlot(plot, stackedLayersFigure(state, width));
  (widget.querySelector('figcaption') as HTMLElement).textContent = describeStackedLayers(state);
  widget.dataset.state = JSON.stringify(state);
}
