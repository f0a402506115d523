import { describe, expect, it, vi } from 'vitest';
import { renderToString } from '../../src/components/figures/render.ts';
import {
  checkSelfNormalisationProps,
  clearSelfNormalisationCache,
  describeSelfNormalisation,
  formatPower,
  formatSelfNormalisationState,
  formatStat,
  layerSeed,
  layersDone,
  layerWeights,
  parseSelfNormalisationState,
  selfNormalisationData,
  selfNormalisationDefaults,
  selfNormalisationFigure,
} from '../../src/components/figures/self-normalisation.ts';
import { normaliseSvg } from './snapshot.ts';

// Pushing batches through 50 layers takes a while on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const base = selfNormalisationDefaults;
const last = (a: number[]) => a[a.length - 1];

describe('layerWeights(seed, width, layer)', () => {
  it('draws LeCun-normal weights: mean 0, variance 1/fan-in', () => {
    const w = layerWeights(1, 128, 3);
    const mean = w.reduce((a, b) => a + b, 0) / w.length;
    const variance = w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length;
    expect(Math.abs(mean)).toBeLessThan(3 / Math.sqrt(w.length) / Math.sqrt(128));
    expect(variance * 128).toBeCloseTo(1, 1);
  });
  it('is fixed by seed and layer, and differs between layers and seeds', () => {
    expect(layerWeights(4, 16, 2)).toEqual(layerWeights(4, 16, 2));
    expect(layerWeights(4, 16, 2)).not.toEqual(layerWeights(4, 16, 3));
    expect(layerWeights(4, 16, 2)).not.toEqual(layerWeights(5, 16, 2));
    expect(layerSeed(1, 0)).not.toBe(layerSeed(0, 1));
  });
});

describe('selfNormalisationData(state)', () => {
  it('keeps SELU near mean 0 and variance 1 over 50 layers', () => {
    for (const seed of [1, 2, 3]) {
      const t = selfNormalisationData({ ...base, activations: ['selu'], seed }).get('selu');
      if (!t) throw new Error('no SELU trajectory');
      expect(t.mean).toHaveLength(51);
      for (let l = 1; l <= 50; l++) {
        expect(Math.abs(t.mean[l])).toBeLessThan(0.25);
        expect(t.variance[l]).toBeGreaterThan(0.6);
        expect(t.variance[l]).toBeLessThan(1.5);
      }
    }
  });

  it('pulls SELU back toward (0, 1) from an offset input', () => {
    const t = selfNormalisationData({
      ...base,
      activations: ['selu'],
      inputMean: 1,
      inputVariance: 4,
    }).get('selu');
    if (!t) throw new Error('no SELU trajectory');
    expect(Math.abs(t.mean[0] - 1)).toBeLessThan(0.15);
    expect(Math.abs(t.variance[0] - 4)).toBeLessThan(0.5);
    const tail = (a: number[]) => a.slice(10).reduce((x, y) => x + y, 0) / (a.length - 10);
    expect(Math.abs(tail(t.mean))).toBeLessThan(0.1);
    expect(tail(t.variance)).toBeGreaterThan(0.8);
    expect(tail(t.variance)).toBeLessThan(1.2);
  });

  it('halves ReLU’s variance at every layer, and shrinks tanh and ELU', () => {
    const data = selfNormalisationData(base);
    const relu = data.get('relu');
    if (!relu) throw new Error('no ReLU trajectory');
    const perLayer = (relu.variance[50] / relu.variance[1]) ** (1 / 49);
    expect(perLayer).toBeGreaterThan(0.45);
    expect(perLayer).toBeLessThan(0.55);
    for (const id of ['tanh', 'elu'] as const) {
      expect(last(data.get(id)?.variance ?? [])).toBeLessThan(0.05);
    }
  });

  it('uses the same input and weights for every activation, and caches runs', () => {
    clearSelfNormalisationCache();
    const small = { ...base, width: 32 };
    const all = selfNormalisationData(small);
    const [m0] = new Set([...all.values()].map((t) => t.mean[0]));
    expect([...all.values()].every((t) => t.mean[0] === m0)).toBe(true);
    const shallow = selfNormalisationData({ ...small, depth: 10 });
    expect(shallow.get('selu')?.variance).toEqual(all.get('selu')?.variance.slice(0, 11));
    // Extending past what was computed gives the same numbers as computing from scratch.
    const deep = selfNormalisationData({ ...small, depth: 70, activations: ['tanh'] });
    clearSelfNormalisationCache();
    expect(selfNormalisationData({ ...small, depth: 70, activations: ['tanh'] })).toEqual(deep);
    // Evict older inputs from the cache without losing correctness.
    for (let i = 0; i < 8; i++) {
      selfNormalisationData({ ...base, width: 16, inputMean: i / 10, activations: ['relu'] });
    }
    expect(selfNormalisationData({ ...small, depth: 10 })).toEqual(shallow);
    expect(selfNormalisationData({ ...base, activations: [] }).size).toBe(0);
  });
});

describe('selfNormalisationData(state, stop)', () => {
  it('stops early when asked and resumes to exactly the uninterrupted numbers', () => {
    const state = { ...base, width: 32, depth: 30, inputMean: 0.3 };
    clearSelfNormalisationCache();
    const whole = selfNormalisationData(state);
    clearSelfNormalisationCache();
    const calls: number[] = [];
    let data = selfNormalisationData(state, () => true);
    // At least one layer per call, so a budget too small for one layer still finishes.
    expect(layersDone(state, data)).toBe(1);
    expect(describeSelfNormalisation(state, data)).toBe('Computing layer 2 of 30…');
    while (layersDone(state, data) < state.depth) {
      let budget = 4;
      data = selfNormalisationData(state, () => --budget < 0);
      calls.push(layersDone(state, data));
    }
    expect(calls.slice(0, 3)).toEqual([6, 11, 16]);
    expect(data).toEqual(whole);
    expect(describeSelfNormalisation(state, data)).toMatch(/^After 30 layers/);
  });
});

describe('describeSelfNormalisation(state)', () => {
  it('states the last layer’s mean and variance for each activation', () => {
    const text = describeSelfNormalisation(base);
    expect(text).toMatch(
      /^After 50 layers of width 64 \(50 inputs from N\(0\.00, 1\.00\), LeCun-normal weights, seed 1\): SELU mean −?[\d.e−]+, variance [\d.]+; ReLU mean [\d.e−]+, variance [\d.]+e−16; tanh .*; ELU .*\.$/,
    );
    expect(describeSelfNormalisation({ ...base, depth: 1, activations: [] })).toBe(
      'No activation chosen: tick one to push the batch through 1 layer of width 64 (50 inputs from N(0.00, 1.00), LeCun-normal weights, seed 1).',
    );
  });
  it('formats statistics for reading', () => {
    expect(formatStat(0.98765)).toBe('0.99');
    expect(formatStat(-0.001234)).toBe('−1.2e−3');
    expect(formatStat(-0.0)).toBe('0.00');
    expect(formatStat(12345)).toBe('1.2e+4');
    expect(formatStat(Number.NaN)).toBe('NaN');
    expect([1e-6, 0.1, 1, 10, 1e3, 3e-6].map(formatPower)).toEqual([
      '1e−6',
      '0.1',
      '1',
      '10',
      '1e3',
      '',
    ]);
  });
});

describe('parseSelfNormalisationState(params)', () => {
  it('round-trips a formatted state', () => {
    const state = {
      activations: ['selu' as const, 'tanh' as const],
      depth: 30,
      width: 32,
      inputMean: -0.5,
      inputVariance: 2.25,
      seed: 9,
    };
    const params = new URLSearchParams(formatSelfNormalisationState(state, 'sn-'));
    expect(parseSelfNormalisationState(params, 'sn-')).toEqual({ state, problems: [] });
    const none = new URLSearchParams(formatSelfNormalisationState({ ...state, activations: [] }));
    expect(parseSelfNormalisationState(none).state.activations).toEqual([]);
  });
  it('clamps and explains bad values instead of failing', () => {
    const { state, problems } = parseSelfNormalisationState(
      new URLSearchParams('act=selu,gelu&depth=500&width=abc&mean=-3&var=0.3&seed=-1'),
    );
    expect(state).toEqual({
      ...base,
      activations: ['selu'],
      depth: 100,
      inputMean: -1,
      inputVariance: 0.25,
    });
    expect(problems).toEqual([
      'Unknown activation "gelu"; the choices are SELU, ReLU, tanh, ELU.',
      'Depth must be from 1 to 100; showing 100.',
      'Width "abc" is not a number; showing 64.',
      'Input mean must be from -1 to 1; showing -1.',
      'Seed must be a whole number from 0 to 1000000; showing seed 1.',
    ]);
    expect(parseSelfNormalisationState(new URLSearchParams('width=70')).state.width).toBe(64);
  });
});

describe('checkSelfNormalisationProps(state)', () => {
  it('accepts the defaults and rejects bad props with a clear message', () => {
    expect(() => checkSelfNormalisationProps(base)).not.toThrow();
    expect(() =>
      checkSelfNormalisationProps({ ...base, activations: ['gelu'] as unknown as ['selu'] }),
    ).toThrow(/activations must be some of selu, relu, tanh, elu/);
    expect(() => checkSelfNormalisationProps({ ...base, depth: 0 })).toThrow(/depth must be/);
    expect(() => checkSelfNormalisationProps({ ...base, width: 20 })).toThrow(/steps of 16/);
    expect(() => checkSelfNormalisationProps({ ...base, seed: 1.5 })).toThrow(/seed must be/);
  });
});

describe('selfNormalisationFigure(state, panel)', () => {
  const states = {
    default: base,
    offset: {
      ...base,
      activations: ['selu' as const, 'relu' as const],
      inputMean: 1,
      inputVariance: 4,
      depth: 20,
    },
  };
  for (const [name, state] of Object.entries(states)) {
    for (const panel of ['mean', 'variance'] as const) {
      it(`renders the ${name} ${panel} panel as the committed SVG`, async () => {
        const svg = renderToString(selfNormalisationFigure(state, panel));
        await expect(normaliseSvg(svg)).toMatchFileSnapshot(
          `../output/self-normalisation-${name}-${panel}.svg`,
        );
      });
    }
  }
  it('labels both panels for screen readers and draws one line per activation', () => {
    const mean = renderToString(selfNormalisationFigure(base, 'mean'));
    expect(mean).toContain('aria-label="Mean of the activations, layer by layer"');
    expect(mean).toContain('aria-description="After 50 layers of width 64');
    for (const id of ['selu', 'relu', 'tanh', 'elu']) expect(mean).toContain(`nl-sn-${id}`);
    const variance = renderToString(selfNormalisationFigure(base, 'variance'));
    expect(variance).toContain('(log scale)');
    const empty = renderToString(selfNormalisationFigure({ ...base, activations: [] }, 'variance'));
    expect(empty).not.toContain('nl-sn-selu');
  });
});
