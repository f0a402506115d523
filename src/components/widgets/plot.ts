// Plot.plot for figures drawn again and again in the page. Plot puts a <style> element in
// every SVG it makes; adding or removing a <style> invalidates the style of the whole
// document, which on a lesson of ~2,000 elements cost about 4 ms per figure per redraw
// (measured in Chromium). The same rules live once in src/styles/nonlinear.css (.nl-plot),
// so the element is dropped. Build-time SVGs keep theirs: they are parsed once with the page.

import * as Plot from '@observablehq/plot';

export function drawPlot(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  const figure = Plot.plot(options);
  for (const style of figure.querySelectorAll('style')) style.remove();
  return figure;
}
