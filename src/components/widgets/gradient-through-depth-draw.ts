// The heavy half of <nl-gradient-through-depth>: Plot and the kernel, loaded on first use.

import * as Plot from '@observablehq/plot';
import {
  describeGradientDepth,
  type GradientDepthState,
  gradientDepthData,
  gradientDepthFigure,
  zeroShareFigure,
} from '../figures/gradient-through-depth.ts';

export function draw(widget: HTMLElement, state: GradientDepthState) {
  const main = widget.querySelector('.gtd-main') as HTMLElement;
  const zeros = widget.querySelector('.gtd-zeros') as HTMLElement;
  // Draw at the width the reader has, so phone screens get readable labels.
  const width = Math.round(Math.min(640, main.clientWidth || 640));
  const data = gradientDepthData(state);
  main.replaceChildren(Plot.plot(gradientDepthFigure(state, width, data)));
  zeros.replaceChildren(Plot.plot(zeroShareFigure(state, width, data)));
  (widget.querySelector('figcaption') as HTMLElement).textContent = describeGradientDepth(
    state,
    data,
  );
  widget.dataset.state = JSON.stringify(state);
}
