// Plot.plot for figures drawn again and again in the page. Plot puts a <style> element in
// every SVG it makes; adding or removing a <style> invalidates the style of the whole
// document, which on a lesson of ~2,000 elements cost about 4 ms per figure per redraw
// (measured in Chromium). The same rules live once in src/styles/nonlinear.css (.nl-plot),
// so the element is dropped. Build-time SVGs keep theirs: they are parsed once with the page.
//
// showFigures puts new figures into a box by changing the figures already there into them
// (morph), not by replacing them: most of a redrawn figure (axes, grid, labels, the SVG
// itself) is the same as before, and elements that stay in the page keep their computed style
// and layout, so the browser restyles and lays out only what changed.

import * as Plot from '@observablehq/plot';

export function drawPlot(options: Plot.PlotOptions): ReturnType<typeof Plot.plot> {
  const figure = Plot.plot(options);
  for (const style of figure.querySelectorAll('style')) style.remove();
  return figure;
}

/** Whether a and b have the same attribute names in the same order. */
function sameAttributeNames(a: Element, b: Element) {
  const x = a.attributes;
  const y = b.attributes;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    if (x[i].name !== y[i].name || x[i].namespaceURI !== y[i].namespaceURI) return false;
  }
  return true;
}

/** Same node type, and for elements the same name and the same attribute names in order. */
const sameKind = (a: Node, b: Node) =>
  a.nodeType === b.nodeType &&
  (a.nodeType !== 1 ||
    ((a as Element).namespaceURI === (b as Element).namespaceURI &&
      (a as Element).localName === (b as Element).localName &&
      sameAttributeNames(a as Element, b as Element)));

/**
 * Changes the DOM under element `from` into that of `to`, which has the same kind (sameKind):
 * changed attribute values are set (in place, so the order stays), children of the same
 * kind are morphed pairwise, text is updated, and the rest of `to`'s children move over
 * (so `to` is left in pieces) or `from`'s extra ones go. Afterwards `from` serialises exactly
 * as `to` did.
 */
export function morph(from: Element, to: Element) {
  const x = from.attributes;
  const y = to.attributes;
  for (let i = 0; i < y.length; i++) {
    if (x[i].value !== y[i].value) {
      if (y[i].namespaceURI) from.setAttributeNS(y[i].namespaceURI, y[i].name, y[i].value);
      else from.setAttribute(y[i].name, y[i].value);
    }
  }
  let a = from.firstChild;
  let b = to.firstChild;
  while (b) {
    const next = b.nextSibling;
    if (a && sameKind(a, b)) {
      if (a.nodeType === 1) morph(a as Element, b as Element);
      else if (a.nodeValue !== b.nodeValue) a.nodeValue = b.nodeValue;
      a = a.nextSibling;
    } else if (a) {
      // A node of another kind where b goes: b takes its place.
      const after = a.nextSibling;
      from.replaceChild(b, a);
      a = after;
    } else {
      from.appendChild(b);
    }
    b = next;
  }
  while (a) {
    const after = a.nextSibling;
    from.removeChild(a);
    a = after;
  }
}

type Figure = ReturnType<typeof Plot.plot>;

const widths = new WeakMap<Element, number>();
let observer: ResizeObserver | undefined;

/**
 * The width to draw a figure at in `box`: its width in whole pixels, at most `max` (and `max`
 * when the box has none, e.g. hidden). Reading clientWidth in a frame whose controls just
 * changed forces a style and layout pass before the drawing, and a second one after; so
 * the width is read once and then kept up to date by a ResizeObserver.
 */
export function boxWidth(box: Element, max: number): number {
  let width = widths.get(box);
  if (width === undefined) {
    observer ??= new ResizeObserver((entries) => {
      for (const { target } of entries) widths.set(target, target.clientWidth);
    });
    observer.observe(box);
    width = box.clientWidth;
    widths.set(box, width);
  }
  return Math.round(Math.min(max, width || max));
}

/**
 * Shows `figures` in `box`: a figure already in its place and of the same kind is changed into
 * the new one (see morph) and takes the new one's `scale` and `legend`; another element is
 * replaced; if the box holds a different number of elements, all are replaced. Returns the
 * figures now in the box.
 */
export function showFigures(box: Element, figures: Figure[]): Figure[] {
  const old = [...box.children];
  if (old.length !== figures.length) {
    box.replaceChildren(...figures);
    return figures;
  }
  return figures.map((figure, i) => {
    if (!sameKind(old[i], figure)) {
      box.replaceChild(figure, old[i]);
      return figure;
    }
    const kept = old[i] as Figure;
    morph(kept, figure);
    kept.scale = figure.scale;
    kept.legend = figure.legend;
    return kept;
  });
}

/** Draws `options` with Plot and shows the figure in `box` (see showFigures). */
export function showPlot(box: Element, options: Plot.PlotOptions): Figure {
  return showFigures(box, [drawPlot(options)])[0];
}
