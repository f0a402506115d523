import { describe, expect, it } from 'vitest';
import { renderToString } from '../../src/components/figures/render.ts';
import {
  ACT_BINS,
  activationBins,
  appendPoint,
  bandPath,
  describeLayers,
  formatSaturationState,
  histogramBars,
  histogramFigure,
  histogramQuantile,
  historyFigure,
  initialProbes,
  linePath,
  parseSaturationState,
  rowY,
  type SatPoint,
  type SaturationLabState,
  satSessionConfig,
  saturationDefaults,
  saturationInits,
  summarise,
  validateSaturationState,
  xMaxFor,
} from '../../src/components/figures/saturation-lab.ts';
import { TrainingSession } from '../../src/components/workers/training-session.ts';
import { activations } from '../../src/lib/activations/index.ts';
import { normaliseSvg } from './snapshot.ts';

const state = (s: Partial<SaturationLabState> = {}): SaturationLabState => ({
  ...saturationDefaults,
  ...s,
});

describe('histogramQuantile', () => {
  const h = { lo: 0, hi: 4, counts: [1, 2, 3, 4], below: 0, above: 0 };
  it('interpolates within a bin', () => {
    expect(histogramQuantile(h, 0.5)).toBeCloseTo(2 + 2 / 3, 12);
    expect(histogramQuantile(h, 0.1)).toBeCloseTo(1, 12);
  });
  it('puts quantiles in the tails at the range ends', () => {
    const tails = { lo: -1, hi: 1, counts: [0, 0], below: 5, above: 5 };
    expect(histogramQuantile(tails, 0.02)).toBe(-1);
    expect(histogramQuantile(tails, 0.98)).toBe(1);
  });
});

describe('activationBins', () => {
  it('sends every counted value to a bin of f(z) and sums to 1', () => {
    const h = { lo: -40, hi: 40, counts: new Array(1600).fill(0), below: 3, above: 1 };
    h.counts[800] = 6; // z in [0, 0.05): tanh near 0.025, bin 10 of 20 over [-1, 1]
    const bins = activationBins('tanh', h);
    expect(bins).toHaveLength(ACT_BINS);
    expect(bins.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(bins[10]).toBeCloseTo(0.6, 12);
    expect(bins[0]).toBeCloseTo(0.3, 12);
    expect(bins[19]).toBeCloseTo(0.1, 12);
  });
  it('is all zero for an empty histogram', () => {
    const h = { lo: -1, hi: 1, counts: [0, 0], below: 0, above: 0 };
    expect(activationBins('sigmoid', h)).toEqual(new Array(ACT_BINS).fill(0));
  });
});

describe('initialProbes', () => {
  it('equals the probes of the worker session after its first step', async () => {
    const s = state({ activation: 'sigmoid', depth: 3 });
    const session = new TrainingSession();
    expect((await session.configure(satSessionConfig(s))).ok).toBe(true);
    const r = session.step(1);
    expect(r.ok && r.value.probes).toEqual(initialProbes(s));
  }, 60_000);

  it('summarises each hidden layer, percentiles as f of the pre-activation ones', () => {
    const s = state({ activation: 'tanh', depth: 4 });
    const probes = initialProbes(s);
    const layers = summarise('tanh', probes);
    expect(layers.map((l) => l.layer)).toEqual([1, 2, 3, 4]);
    for (const l of layers) {
      expect(l.p02).toBeLessThan(l.p50);
      expect(l.p50).toBeLessThan(l.p98);
      expect(l.bins.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(l.gradNorm).toBeGreaterThan(0);
    }
    const h = probes[1].activation?.histogram;
    expect(layers[0].p50).toBe(activations.tanh.f(histogramQuantile(h as never, 0.5)));
  });

  it('keeps the spread of tanh layers with Xavier and saturates them with He', () => {
    const xavier = summarise('tanh', initialProbes(state({ init: 'glorot-uniform' })));
    const he = summarise('tanh', initialProbes(state({ init: 'he-uniform' })));
    const spread = (l: { p02: number; p98: number }) => l.p98 - l.p02;
    expect(spread(xavier[4]) / spread(xavier[0])).toBeGreaterThan(0.6);
    for (let k = 1; k < 5; k++) expect(he[k].saturated).toBeGreaterThan(xavier[k].saturated);
  });
});

describe('the claims of the gallery page and lesson 8', () => {
  it('sigmoid with Xavier: the top layer falls from 0.48 to 0.13 in 4,000 updates, at 18% accuracy', async () => {
    const s = state({ activation: 'sigmoid', init: 'glorot-uniform' });
    const session = new TrainingSession();
    await session.configure(satSessionConfig(s));
    const first = session.step(1);
    const later = session.step(3999);
    if (!first.ok || !later.ok) throw new Error('session failed');
    const top = (p: typeof first.value.probes) => summarise('sigmoid', p ?? [])[4].p50;
    expect(top(first.value.probes).toFixed(2)).toBe('0.48');
    expect(top(later.value.probes).toFixed(2)).toBe('0.13');
    expect(later.value.step).toBe(4000);
    expect(Math.round((later.value.testAccuracy ?? 0) * 100)).toBe(18);
  }, 300_000);
});

describe('history', () => {
  const point = (step: number): SatPoint => ({ step, layers: [] });
  it('appends in order and ignores old steps', () => {
    const h = appendPoint(appendPoint([], point(1)), point(5));
    expect(h.map((p) => p.step)).toEqual([1, 5]);
    expect(appendPoint(h, point(3))).toBe(h);
  });
  it('thins the older half past the cap', () => {
    let h: SatPoint[] = [];
    for (let i = 1; i <= 11; i++) h = appendPoint(h, point(i), 10);
    expect(h.map((p) => p.step)).toEqual([1, 3, 5, 6, 7, 8, 9, 10, 11]);
  });
  it('doubles the step axis as needed', () => {
    expect(xMaxFor(0)).toBe(250);
    expect(xMaxFor(250)).toBe(250);
    expect(xMaxFor(251)).toBe(500);
    expect(xMaxFor(3000)).toBe(4000);
  });
});

describe('geometry', () => {
  it('maps each layer into its own row', () => {
    expect(rowY('sigmoid', 1, 0)).toBeCloseTo(0.1, 12);
    expect(rowY('sigmoid', 1, 1)).toBeCloseTo(0.9, 12);
    expect(rowY('tanh', 3, 0)).toBeCloseTo(2.5, 12);
  });
  it('writes paths', () => {
    expect(linePath([0, 1], [2, 3])).toBe('M0.0,2.0L1.0,3.0');
    expect(bandPath([0, 1], [0, 0], [2, 3])).toBe('M0.0,2.0L1.0,3.0L1.0,0.0L0.0,0.0Z');
    expect(bandPath([], [], [])).toBe('');
  });
  it('scales each histogram row to its tallest bar', () => {
    const bars = histogramBars('sigmoid', [
      {
        layer: 2,
        p02: 0,
        p50: 0,
        p98: 0,
        bins: [0.5, 0.25, ...new Array(18).fill(0.0125)],
        saturated: 0,
        gradNorm: 1,
      },
    ]);
    expect(bars).toHaveLength(ACT_BINS);
    expect(bars[0].y2 - bars[0].y1).toBeCloseTo(0.8, 12);
    expect(bars[1].y2 - bars[1].y1).toBeCloseTo(0.4, 12);
    expect(bars[0].x1).toBe(0);
    expect(bars[19].x2).toBeCloseTo(1, 12);
  });
});

describe('state', () => {
  it('round-trips through the URL', () => {
    const s = state({
      activation: 'softsign',
      init: 'he-uniform',
      depth: 3,
      learningRate: 0.3,
      seed: 7,
    });
    const params = new URLSearchParams(formatSaturationState(s, 'x-'));
    expect(parseSaturationState(params, 'x-')).toEqual({ state: s, problems: [] });
  });
  it('explains and clamps bad values', () => {
    const params = new URLSearchParams('act=relu&init=zeros&depth=9&lr=5&seed=-1');
    const { state: s, problems } = parseSaturationState(params);
    expect(s).toEqual(saturationDefaults);
    expect(problems).toHaveLength(5);
    expect(problems[2]).toContain('showing 5');
    expect(parseSaturationState(new URLSearchParams('depth=1.5')).problems).toHaveLength(1);
  });
  it("offers the paper's standard initialisation, and starts from it", () => {
    expect(saturationInits).toContain('standard');
    expect(saturationDefaults.init).toBe('standard');
    expect(parseSaturationState(new URLSearchParams('init=standard')).problems).toEqual([]);
  });
  it('rejects bad props with a clear error', () => {
    expect(() => validateSaturationState(state())).not.toThrow();
    expect(() => validateSaturationState(state({ activation: 'relu' as never }))).toThrow(
      /activation/,
    );
    expect(() => validateSaturationState(state({ init: 'zeros' as never }))).toThrow(/init/);
    expect(() => validateSaturationState(state({ depth: 0 }))).toThrow(/depth/);
    expect(() => validateSaturationState(state({ learningRate: 2 }))).toThrow(/learningRate/);
    expect(() => validateSaturationState(state({ seed: -1 }))).toThrow(/seed/);
  });
});

describe('figures', () => {
  for (const [name, s] of [
    ['tanh-xavier', state({ activation: 'tanh', init: 'glorot-uniform' })],
    ['sigmoid-he-3', state({ activation: 'sigmoid', init: 'he-uniform', depth: 3 })],
  ] as const) {
    it(`draws ${name}`, async () => {
      const layers = summarise(s.activation, initialProbes(s));
      const history = [
        { step: 1, layers },
        { step: 2, layers },
      ];
      const svg =
        renderToString(historyFigure(s, history, 400)) +
        renderToString(histogramFigure(s, layers, 320));
      expect(svg).toContain(`sat-band-${s.depth}`);
      expect((svg.match(/<rect/g) ?? []).length).toBeGreaterThanOrEqual(ACT_BINS * s.depth);
      await expect(normaliseSvg(svg)).toMatchFileSnapshot(`../output/saturation-lab-${name}.svg`);
      const text = describeLayers(s, 1, layers);
      expect(text).toContain('the initial weights');
      expect(text).toContain(`Layer ${s.depth}: middle 96%`);
    });
  }
  it('describes a later update without the initial-weights note', () => {
    const s = state({ depth: 1 });
    const layers = summarise(s.activation, initialProbes(s));
    expect(describeLayers(s, 40, layers)).toMatch(/1 hidden layer of 64.*update 40\. Layer 1/);
  });
});
