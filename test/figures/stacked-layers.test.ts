import { describe, expect, it } from 'vitest';
import { renderToString } from '../../src/components/figures/render.ts';
import {
  countPieces,
  describeStackedLayers,
  formatStackedLayersState,
  parseStackedLayersState,
  stackedActivations,
  stackedLayersData,
  stackedLayersFigure,
} from '../../src/components/figures/stacked-layers.ts';
import { normaliseSvg } from './snapshot.ts';

const maxLineError = (x: Float64Array, y: Float64Array) => {
  const n = x.length - 1;
  const slope = (y[n] - y[0]) / (x[n] - x[0]);
  let err = 0;
  for (let i = 0; i <= n; i++) err = Math.max(err, Math.abs(y[0] + slope * (x[i] - x[0]) - y[i]));
  return err;
};

describe('stackedLayersData(state)', () => {
  it('is a straight line at every depth with no activation', () => {
    for (let depth = 1; depth <= 8; depth++) {
      for (const seed of [1, 2, 3]) {
        const { x, y, pieces } = stackedLayersData({ activation: 'none', depth, seed });
        const scale = Math.max(...y.map(Math.abs));
        expect(maxLineError(x, y)).toBeLessThan(1e-12 * (1 + scale));
        expect(pieces).toBe(1);
      }
    }
  });

  it('bends with ReLU and with tanh', () => {
    for (const activation of ['relu', 'tanh'] as const) {
      const { x, y } = stackedLayersData({ activation, depth: 3, seed: 1 });
      const scale = Math.max(...y.map(Math.abs));
      expect(maxLineError(x, y)).toBeGreaterThan(0.05 * scale);
    }
  });

  it('is the same network for every activation: only f changes', () => {
    // With one layer and ReLU, wherever every unit is active the output equals the linear one.
    const linear = stackedLayersData({ activation: 'none', depth: 1, seed: 5 }).y;
    const relu = stackedLayersData({ activation: 'relu', depth: 1, seed: 5 }).y;
    expect(relu).not.toEqual(linear);
    expect(stackedLayersData({ activation: 'relu', depth: 1, seed: 5 }).y).toEqual(relu);
  });
});

describe('countPieces(x, y)', () => {
  const x = Float64Array.from({ length: 601 }, (_, i) => -3 + i / 100);
  it('counts one piece for a line', () => {
    expect(
      countPieces(
        x,
        x.map((v) => 2 * v - 1),
      ),
    ).toBe(1);
  });
  it('counts the pieces of |x| and of a three-kink zig-zag', () => {
    expect(countPieces(x, x.map(Math.abs))).toBe(2);
    const zigzag = x.map((v) => Math.abs(Math.abs(v - 0.123) - 1.5) + 0.3 * v);
    expect(countPieces(x, zigzag)).toBe(4);
  });
});

describe('describeStackedLayers(state)', () => {
  it('states the line for no activation and the pieces for ReLU', () => {
    expect(describeStackedLayers({ activation: 'none', depth: 1, seed: 1 })).toMatch(
      /^With no activation, 1 random layer collapse into one straight line: y = -?\d+\.\d\dx [+−] \d+\.\d\d\.$/,
    );
    const { pieces } = stackedLayersData({ activation: 'relu', depth: 4, seed: 1 });
    expect(pieces).toBeGreaterThan(2);
    expect(describeStackedLayers({ activation: 'relu', depth: 4, seed: 1 })).toContain(
      `${pieces} straight pieces`,
    );
    expect(describeStackedLayers({ activation: 'tanh', depth: 2, seed: 1 })).toContain(
      'smooth curve',
    );
  });
});

describe('parseStackedLayersState(params)', () => {
  it('round-trips a formatted state', () => {
    const state = { activation: 'tanh' as const, depth: 7, seed: 12 };
    const params = new URLSearchParams(formatStackedLayersState(state, 'sl-'));
    expect(parseStackedLayersState(params, 'sl-')).toEqual({ state, problems: [] });
  });
  it('clamps and explains bad values instead of failing', () => {
    const { state, problems } = parseStackedLayersState(
      new URLSearchParams('act=sigmoid&depth=0&seed=-4'),
    );
    expect(state).toEqual({ activation: 'none', depth: 1, seed: 1 });
    expect(problems).toEqual([
      'Unknown activation "sigmoid"; showing no activation.',
      'Depth must be a whole number from 1 to 8; showing 1.',
      'Seed must be a whole number ≥ 0; showing seed 1.',
    ]);
    expect(parseStackedLayersState(new URLSearchParams('depth=2.5')).state.depth).toBe(3);
  });
});

describe('stackedLayersFigure(state)', () => {
  for (const activation of stackedActivations) {
    it(`renders ${activation} at depth 3 as the committed SVG`, async () => {
      const svg = renderToString(stackedLayersFigure({ activation, depth: 3, seed: 1 }));
      await expect(normaliseSvg(svg)).toMatchFileSnapshot(
        `../output/stacked-layers-${activation}.svg`,
      );
    });
  }
  it('labels the figure for screen readers', () => {
    const svg = renderToString(stackedLayersFigure({ activation: 'relu', depth: 2, seed: 1 }));
    expect(svg).toContain('aria-label="Output of 2 stacked layers with ReLU"');
    expect(svg).toContain('aria-description="With ReLU after each of 2 random layers');
  });
});
