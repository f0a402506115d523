// The heavy half of <nl-self-normalisation>: Plot, the kernel and the trajectories, loaded on
// first use.

import {
  describeSelfNormalisation,
  layersDone,
  type SelfNormalisationState,
  selfNormalisationData,
  selfNormalisationFigure,
} from '../figures/self-normalisation.ts';
import { boxWidth, showPlot } from './plot.ts';

/**
 * Draws `state` as far as about 6 ms of computing gets it (the rest of a frame is Plot's);
 * false while layers are still missing, so the caller draws again on the next frame.
 */
export function draw(widget: HTMLElement, state: SelfNormalisationState): boolean {
  const mean = widget.querySelector('.sn-mean') as HTMLElement;
  const variance = widget.querySelector('.sn-variance') as HTMLElement;
  // Draw at the width the reader has, so phone screens get readable labels.
  const width = boxWidth(mean, 640);
  const start = performance.now();
  const data = selfNormalisationData(state, () => performance.now() - start > 6);
  showPlot(mean, selfNormalisationFigure(state, 'mean', width, data));
  showPlot(variance, selfNormalisationFigure(state, 'variance', width, data));
  (widget.querySelector('figcaption') as HTMLElement).textContent = describeSelfNormalisation(
    state,
    data,
  );
  widget.dataset.state = JSON.stringify(state);
  return layersDone(state, data) === state.depth;
}
