// The heavy half of <nl-gradient-through-depth>: Plot and the kernel, loaded on first use.

import {
  describeGradientDepth,
  type GradientDepthState,
  gradientDepthData,
  gradientDepthFigure,
  zeroShareFigure,
} from '../figures/gradient-through-depth.ts';
import { boxWidth, showPlot } from './plot.ts';

export function draw(widget: HTMLElement, state: GradientDepthState) {
  const main = widget.querySelector('.gtd-main') as HTMLElement;
  const zeros = widget.querySelector('.gtd-zeros') as HTMLElement;
  // Draw at the width the reader has, so phone screens get readable labels.
  const width = boxWidth(main, 640);
  const data = gradientDepthData(state);
  showPlot(main, gradientDepthFigure(state, width, data));
  showPlot(zeros, zeroShareFigure(state, width, data));
  (widget.querySelector('figcaption') as HTMLElement).textContent = describeGradientDepth(
    state,
    data,
  );
  widget.dataset.state = JSON.stringify(state);
}
