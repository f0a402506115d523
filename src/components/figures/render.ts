// Server-side rendering of a figure: Plot draws into a linkedom document at build time, so
// the page carries the SVG and a reader without JavaScript still sees the picture.

import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export function renderToString(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const figure = Plot.plot({ ...options, document: document as unknown as Document });
  return figure.outerHTML;
}
