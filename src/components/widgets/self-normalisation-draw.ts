// The heavy half of <nl-self-normalisation>: Plot, the kernel and the trajectories, loaded on
// first use.

import * as Plot from '@observablehq/plot';
import {
  describeSelfNormalisation,
  type SelfNormalisationState,
  selfNormalisationData,
  selfNormalisationFigure,
} from '../figures/self-normalisation.ts';

export function draw(widget: HTMLElement, state: SelfNormalisationState) {
  const mean = widget.querySelector('.sn-mean') as HTMLElement;
  const variance = widget.querySelector('.sn-variance') as HTMLElement;
  // Draw at the width the reader has, so phone screens get readable labels.
  const width = Math.round(Math.min(640, mean.clientWidth || 640));
  const data = selfNormalisationData(state);
  mean.replaceChildren(Plot.plot(selfNormalisationFigure(state, 'mean', width, data)));
  variance.replaceChildren(Plot.plot(selfNormalisationFigure(state, 'variance', width, data)));
  (widget.querySelector('figcaption') as HTMLElement).textContent = describeSelfNormalisation(
    state,
    data,
  );
  widget.dataset.state = JSON.stringify(state);
}
