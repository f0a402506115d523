// The widgets redraw by changing the figure already in the page into the new one (plot.ts,
// showPlot / morph). That must give exactly the SVG a fresh draw gives: here each widget's
// figure is drawn at state A, then B is shown over it, and the box must hold what drawing B
// alone gives (the same normalisation as the snapshots), in the same <svg> element, with B's
// scales.

import type * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  functionExplorerDefaults,
  functionExplorerFigure,
} from '../../src/components/figures/function-explorer.ts';
import {
  gradientDepthDefaults,
  gradientDepthFigure,
  zeroShareFigure,
} from '../../src/components/figures/gradient-through-depth.ts';
import { linearRegionsFigure, lrDefaults } from '../../src/components/figures/linear-regions.ts';
import {
  selfNormalisationDefaults,
  selfNormalisationFigure,
} from '../../src/components/figures/self-normalisation.ts';
import {
  softmaxExplorerDefaults,
  softmaxExplorerFigure,
} from '../../src/components/figures/softmax-explorer.ts';
import {
  stackedLayersDefaults,
  stackedLayersFigure,
} from '../../src/components/figures/stacked-layers.ts';
import {
  uaDefaults,
  universalApproximationFigure,
} from '../../src/components/figures/universal-approximation.ts';
import { drawPlot, morph, showFigures, showPlot } from '../../src/components/widgets/plot.ts';
import { normaliseSvg } from './snapshot.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>');
const inDocument = (o: Plot.PlotOptions) => ({ ...o, document: document as unknown as Document });
const fresh = (o: Plot.PlotOptions) => normaliseSvg(drawPlot(inDocument(o)).outerHTML);

/** Shows A, then B over it; expects the box to hold B as drawn afresh, in A's element. */
function expectMorphed(a: Plot.PlotOptions, b: Plot.PlotOptions) {
  const box = document.createElement('div');
  const first = showPlot(box, inDocument(a));
  const second = showPlot(box, inDocument(b));
  expect(second).toBe(first);
  expect(box.children).toHaveLength(1);
  expect(normaliseSvg(box.innerHTML)).toBe(fresh(b));
  const drawn = drawPlot(inDocument(b));
  expect(second.scale('x')?.domain).toEqual(drawn.scale('x')?.domain);
  expect(second.scale('y')?.domain).toEqual(drawn.scale('y')?.domain);
}

describe('showPlot: A then B gives what drawing B gives', () => {
  it('GradientThroughDepth: depth, μ, σ, functions and precision', () => {
    const a = gradientDepthDefaults;
    for (const b of [
      { ...a, depth: 21 },
      { ...a, depth: 3 },
      { ...a, mu: 0.3 },
      { ...a, sigma: 2.5 },
      { ...a, fns: ['relu' as const] },
      { ...a, precision: 'float32' as const, mu: 6 },
    ]) {
      expectMorphed(gradientDepthFigure(a, 640), gradientDepthFigure(b, 640));
      expectMorphed(zeroShareFigure(a, 640), zeroShareFigure(b, 640));
      expectMorphed(gradientDepthFigure(b, 640), gradientDepthFigure(a, 640));
    }
  });

  it('FunctionExplorer: range, parameters, d2, shading and the difference panel', () => {
    const a = { ...functionExplorerDefaults, fns: ['sigmoid', 'relu', 'gelu'] };
    for (const b of [
      { ...a, halfWidth: 5.5 },
      { ...a, x: -2 },
      { ...a, shade: true },
      { ...a, fns: ['gelu'] },
      { ...a, params: { elu: { alpha: 0.5 } }, fns: ['elu', 'relu'] },
    ]) {
      const pa = functionExplorerFigure(a, 640);
      const pb = functionExplorerFigure(b, 640);
      for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
        expectMorphed(pa[i].options, pb[i].options);
        expectMorphed(pb[i].options, pa[i].options);
      }
    }
  });

  it('SoftmaxExplorer: a logit and the temperature', () => {
    const a = softmaxExplorerDefaults;
    for (const b of [
      { ...a, logits: [a.logits[0] + 0.1, ...a.logits.slice(1)] },
      { ...a, temperature: 0.5 },
      { ...a, logits: [800, 1, 0.1] },
      { ...a, logits: [1, 2] },
    ]) {
      expectMorphed(softmaxExplorerFigure(a, 640), softmaxExplorerFigure(b, 640));
      expectMorphed(softmaxExplorerFigure(b, 640), softmaxExplorerFigure(a, 640));
    }
  });

  it('SelfNormalisation: depth, width and the input', () => {
    const a = { ...selfNormalisationDefaults, depth: 12, width: 16 };
    for (const b of [
      { ...a, depth: 13 },
      { ...a, width: 24 },
      { ...a, inputMean: 0.5 },
      { ...a, activations: ['selu' as const] },
    ]) {
      for (const panel of ['mean', 'variance'] as const) {
        expectMorphed(
          selfNormalisationFigure(a, panel, 640),
          selfNormalisationFigure(b, panel, 640),
        );
      }
    }
  });

  it('LinearRegions, UniversalApproximation and StackedLayers', () => {
    const lr = { ...lrDefaults, units: 4 };
    for (const b of [
      { ...lr, units: 5 },
      { ...lr, layers: 3 },
      { ...lr, activation: 'tanh' as const },
    ]) {
      expectMorphed(linearRegionsFigure(lr, 454, 24), linearRegionsFigure(b, 454, 24));
    }
    for (const b of [
      { ...uaDefaults, n: uaDefaults.n + 1 },
      { ...uaDefaults, unit: 'tanh' as const },
      { ...uaDefaults, showUnits: !uaDefaults.showUnits },
    ]) {
      expectMorphed(
        universalApproximationFigure(uaDefaults, 640),
        universalApproximationFigure(b, 640),
      );
    }
    for (const b of [
      { ...stackedLayersDefaults, depth: 4 },
      { ...stackedLayersDefaults, activation: 'relu' as const },
    ]) {
      expectMorphed(stackedLayersFigure(stackedLayersDefaults, 640), stackedLayersFigure(b, 640));
    }
  });
});

describe('morph and showFigures', () => {
  const parse = (html: string) => {
    const box = document.createElement('div');
    box.innerHTML = html;
    return box.firstElementChild as Element;
  };

  it('updates attributes and text, keeps matching nodes, replaces and adds the others', () => {
    const from = parse(
      '<g a="1" b="2"><text>x</text><path d="M0" fill="red"></path><line></line><rect></rect><i></i></g>',
    );
    const after =
      '<g a="1" b="3"><text>y</text><path d="M1" fill="red"></path><circle r="2"></circle><rect x="1"></rect><circle></circle></g>';
    const text = from.querySelector('text')?.firstChild;
    const path = from.querySelector('path');
    const rect = from.querySelector('rect');
    morph(from, parse(after));
    expect(from.outerHTML).toBe(after);
    // Matching nodes stay: the text node and the path are the same objects; the rect has
    // other attribute names, so the new one replaced it.
    expect(from.querySelector('text')?.firstChild).toBe(text);
    expect(from.querySelector('path')).toBe(path);
    expect(from.querySelector('rect')).not.toBe(rect);
    // Extra children go.
    const g = parse('<g><a></a><b></b></g>');
    morph(g, parse('<g><a></a></g>'));
    expect(g.outerHTML).toBe('<g><a></a></g>');
  });

  it('replaces the box’s children when they do not match the new figures', () => {
    const box = document.createElement('div');
    box.innerHTML = '<p>no JavaScript</p>';
    const figure = drawPlot(inDocument(stackedLayersFigure(stackedLayersDefaults, 640)));
    expect(showFigures(box, [figure])).toEqual([figure]);
    expect(box.firstElementChild).toBe(figure);
    const two = [1, 2].map(() =>
      drawPlot(inDocument(stackedLayersFigure(stackedLayersDefaults, 640))),
    );
    expect(showFigures(box, two)).toEqual(two);
    expect(box.children).toHaveLength(2);
    // A root with other attributes (here: another aria-label) is replaced, not morphed.
    const other = drawPlot(
      inDocument({ ...stackedLayersFigure(stackedLayersDefaults, 640), ariaLabel: undefined }),
    );
    expect(showFigures(box, [other, two[1]])).toEqual([other, two[1]]);
  });
});
