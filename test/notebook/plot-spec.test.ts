import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { renderToString } from '../../src/components/figures/render.ts';
import {
  describePlotSpec,
  fromPlotSpec,
  markNames,
  PlotError,
  plotShim,
  toPlotSpec,
} from '../../src/lib/notebook/plot-spec.ts';

describe('toPlotSpec', () => {
  it('records marks as plain data and evaluates channel functions in the kernel', () => {
    const xs = new Float64Array([0, 1, 2]);
    const spec = toPlotSpec({
      marks: [
        plotShim.lineY(xs, { x: (_: unknown, i: number) => i * 10, stroke: 'red' }),
        [plotShim.ruleY([0])],
      ],
      x: { label: 'x', domain: [0, 20] },
      style: 'background: url(https://example.com)',
      unknownOption: 1,
    });
    expect(spec.options).toEqual({ x: { label: 'x', domain: [0, 20] } });
    expect(spec.marks).toEqual([
      { mark: 'lineY', data: [0, 1, 2], options: { x: [0, 10, 20], stroke: 'red' } },
      { mark: 'ruleY', data: [0], options: {} },
    ]);
    expect(structuredClone(spec)).toEqual(spec);
  });

  it('drops options that could link or script, and converts bigints and keeps dates', () => {
    const d = new Date(0);
    const spec = toPlotSpec({
      marks: [plotShim.dot([{ a: 1n, d }], { href: 'javascript:alert(1)', x: 'a' })],
    });
    expect(spec.marks[0]).toEqual({ mark: 'dot', data: [{ a: 1, d }], options: { x: 'a' } });
  });

  it('accepts marks without data and a single mark', () => {
    expect(toPlotSpec({ marks: plotShim.frame() }).marks).toEqual([
      { mark: 'frame', data: null, options: {} },
    ]);
  });

  it('names what cannot be drawn', () => {
    expect(() => toPlotSpec(null)).toThrow(PlotError);
    expect(() => toPlotSpec([1])).toThrow(/Plot options/);
    expect(() => toPlotSpec({ marks: [] })).toThrow(/no marks/);
    expect(() => toPlotSpec({ marks: [{ mark: 'image' }] })).toThrow(/marks\[0\] is not a mark/);
    expect(() => toPlotSpec({ marks: [plotShim.lineY(5 as never)] })).toThrow(/must be an array/);
    expect(() =>
      toPlotSpec({ marks: [plotShim.lineY([1])], x: { tickFormat: (d: number) => d } }),
    ).toThrow(/x.tickFormat is a function/);
    expect(() => toPlotSpec({ marks: [plotShim.lineY([1], { x: Symbol('s') })] })).toThrow(
      /cannot be drawn/,
    );
    expect(() => toPlotSpec({ marks: [plotShim.lineY(new Float64Array(11))] }, 10)).toThrow(
      /too many data points/,
    );
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 12; i++) at = at.a = {} as Record<string, unknown>;
    expect(() => toPlotSpec({ marks: [plotShim.frame()], x: deep })).toThrow(/nested too deeply/);
  });
});

describe('fromPlotSpec', () => {
  it('builds real Plot options that draw, at the width of the page', () => {
    const spec = toPlotSpec({
      marks: [plotShim.lineY([1, 4, 9], { stroke: 'var(--nl-series-1)' })],
      y: { grid: true },
      ariaLabel: 'Squares',
    });
    const options = fromPlotSpec(structuredClone(spec), Plot as never, 320);
    expect(options.width).toBe(320);
    const svg = renderToString(options as Plot.PlotOptions);
    expect(svg).toContain('<path');
    expect(svg).toContain('aria-label="Squares"');
  });

  it('ignores unknown marks and options in untrusted input', () => {
    const options = fromPlotSpec(
      {
        options: { width: 200, onclick: 'x' },
        marks: [
          { mark: 'lineY', data: [1], options: { href: 'x' } },
          { mark: 'eval', data: [], options: {} } as never,
        ],
      },
      Plot as never,
    );
    expect(Object.keys(options).sort()).toEqual(['marks', 'width']);
    expect((options.marks as unknown[]).length).toBe(1);
    expect(fromPlotSpec({} as never, Plot as never).marks).toEqual([]);
  });

  it('knows every mark it allows', () => {
    for (const name of markNames)
      expect(typeof (Plot as unknown as Record<string, unknown>)[name]).toBe('function');
  });
});

describe('describePlotSpec', () => {
  it('says what the figure holds', () => {
    const spec = toPlotSpec({
      marks: [plotShim.lineY([1, 2]), plotShim.ruleY([0]), plotShim.frame()],
      title: 'ReLU',
    });
    expect(describePlotSpec(spec)).toBe(
      'ReLU. Figure with 3 marks: lineY (2 points), ruleY (1 point), frame.',
    );
    expect(describePlotSpec(toPlotSpec({ marks: [plotShim.frame()] }))).toBe(
      'Figure with 1 mark: frame.',
    );
  });
});
