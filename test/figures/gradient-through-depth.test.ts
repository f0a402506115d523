import { describe, expect, it } from 'vitest';
import {
  checkGradientDepthState,
  clearGradientDepthCache,
  depthFunctions,
  derivative,
  derivative32,
  describeFloat32,
  describeGradientDepth,
  float32Data,
  float32Figure,
  float32OneThreshold,
  float32Thresholds,
  formatGradientDepthState,
  formatLog10,
  type GradientDepthState,
  gradientDepthData,
  gradientDepthDefaults,
  gradientDepthFigure,
  parseGradientDepthState,
  powerOfTen,
  quantile,
  standardNormals,
  zeroShareFigure,
} from '../../src/components/figures/gradient-through-depth.ts';
import { renderToString } from '../../src/components/figures/render.ts';
import { activations } from '../../src/lib/activations/index.ts';
import { normaliseSvg } from './snapshot.ts';

const state = (s: Partial<GradientDepthState> = {}): GradientDepthState => ({
  ...gradientDepthDefaults,
  ...s,
});
const at = (data: ReturnType<typeof gradientDepthData>, fn: string, depth: number) =>
  data.points.find((p) => p.fn === fn && p.depth === depth);

describe('gradientDepthData(state)', () => {
  it('has one point per function and depth, and the 0.25^l reference', () => {
    const data = gradientDepthData(state({ depth: 7 }));
    expect(data.points).toHaveLength(4 * 7);
    expect(data.reference.map((r) => r.depth)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(data.reference[6].value).toBeCloseTo(7 * Math.log10(0.25), 12);
  });

  it('never lets sigmoid beat 0.25 per layer', () => {
    const data = gradientDepthData(state({ fns: ['sigmoid'], depth: 50, mu: 0, sigma: 0.1 }));
    for (const p of data.points) {
      expect(p.q90).toBeLessThanOrEqual(data.reference[p.depth - 1].value + 1e-12);
      expect(p.zeroShare).toBe(0);
    }
  });

  it('keeps ReLU products at exactly 1 on the paths that survive, and counts the rest as 0', () => {
    const data = gradientDepthData(state({ fns: ['relu'], depth: 12, mu: 0, sigma: 1 }));
    for (const p of data.points) {
      if (p.alive > 0) expect([p.q10, p.median, p.q90]).toEqual([0, 0, 0]);
      else expect(p.median).toBeNaN();
    }
    // Half the paths die per layer on average: 1 − 2^−l of them are 0 by layer l.
    expect(at(data, 'relu', 1)?.zeroShare).toBeCloseTo(0.5, 1);
    expect(at(data, 'relu', 3)?.zeroShare).toBeCloseTo(1 - 1 / 8, 1);
    expect(at(data, 'relu', 12)?.alive).toBeLessThan(3);
  });

  it('matches the product computed directly from the same seeded normals', () => {
    const s = state({ fns: ['tanh'], depth: 3, mu: 0.5, sigma: 2, seed: 4 });
    const n = standardNormals(4);
    const logs = Array.from({ length: 200 }, (_, path) => {
      let p = 1;
      for (let l = 0; l < 3; l++) p *= activations.tanh.df(0.5 + 2 * n[path * 50 + l]);
      return Math.log10(p);
    }).sort((a, b) => a - b);
    expect(at(gradientDepthData(s), 'tanh', 3)?.median).toBeCloseTo(quantile(logs, 0.5), 12);
  });

  it('gives the same numbers when the depth moves as when computed from layer 1', () => {
    const fresh = (s: GradientDepthState) => {
      clearGradientDepthCache();
      return JSON.stringify(gradientDepthData(s));
    };
    const base = state({ mu: 0.3, sigma: 1.7 });
    const expected = [5, 20, 50, 12].map((depth) => fresh({ ...base, depth }));
    clearGradientDepthCache();
    // Deeper extends the kept runs, shallower takes a prefix, μ or σ starts again.
    const moved = [5, 20, 50, 12].map((depth) =>
      JSON.stringify(gradientDepthData({ ...base, depth })),
    );
    expect(moved).toEqual(expected);
    expect(JSON.stringify(gradientDepthData({ ...base, depth: 12, mu: 0 }))).toBe(
      fresh({ ...base, depth: 12, mu: 0 }),
    );
    expect(JSON.stringify(gradientDepthData({ ...base, depth: 12, precision: 'float32' }))).toBe(
      fresh({ ...base, depth: 12, precision: 'float32' }),
    );
  });

  it('loses small products to exact zeros in float32 that float64 keeps', () => {
    const deep = { fns: ['sigmoid' as const], depth: 50, mu: 0, sigma: 5 };
    const f64 = gradientDepthData(state({ ...deep, precision: 'float64' }));
    const f32 = gradientDepthData(state({ ...deep, precision: 'float32' }));
    expect(at(f64, 'sigmoid', 50)?.zeroShare).toBe(0);
    expect(at(f32, 'sigmoid', 50)?.zeroShare).toBe(1);
  });

  it('is the same for the same seed and different for another', () => {
    const a = gradientDepthData(state());
    expect(gradientDepthData(state())).toEqual(a);
    expect(gradientDepthData(state({ seed: 2 }))).not.toEqual(a);
  });
});

describe('derivative32(fn)(z)', () => {
  it('is 0 exactly where sigmoid and tanh round to 1 in float32', () => {
    const { sigmoid, tanh } = float32Thresholds();
    expect(sigmoid).toBeCloseTo(Math.log(2 ** 25 - 1), 6); // ≈ 17.33
    expect(tanh).toBeCloseTo(9.0109, 3);
    expect(derivative32.sigmoid(17.4)).toBe(0);
    expect(derivative32.sigmoid(17.2)).toBeGreaterThan(0);
    expect(derivative32.tanh(9.1)).toBe(0);
    expect(derivative32.tanh(8.9)).toBeGreaterThan(0);
    // float64 still has a derivative there.
    expect(activations.sigmoid.df(17.4)).toBeGreaterThan(2e-8);
  });
  it('agrees with float64 to float32 precision for moderate inputs', () => {
    for (const fn of depthFunctions) {
      for (const z of [-3, -0.7, 0.3, 2.5]) {
        const exact = activations[fn].df(z);
        expect(Math.abs(derivative32[fn](z) - exact)).toBeLessThan(1e-6 * (1 + Math.abs(exact)));
        expect(derivative(fn, 'float64')(z)).toBe(exact);
      }
    }
  });
  it('finds where a function rounds to 1 by bisection', () => {
    expect(float32OneThreshold((x) => x, 0, 2)).toBe(1 - 2 ** -25);
  });
});

describe('quantile(sorted, q)', () => {
  it('interpolates between neighbours', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(quantile([5], 0.1)).toBe(5);
  });
});

describe('formatLog10(log) and powerOfTen(k)', () => {
  it('writes values given by their logarithm', () => {
    expect(formatLog10(0)).toBe('1');
    expect(formatLog10(Math.log10(0.25))).toBe('0.25');
    expect(formatLog10(20 * Math.log10(0.25))).toBe('9.1×10⁻¹³');
    expect(formatLog10(-Infinity)).toBe('0');
    expect(formatLog10(Math.log10(9.96e-5))).toBe('1×10⁻⁴');
    expect(powerOfTen(-20)).toBe('10⁻²⁰');
    expect(powerOfTen(0)).toBe('1');
    expect(powerOfTen(3)).toBe('10³');
  });
});

describe('describeGradientDepth(state)', () => {
  it('states the medians, the zeros and the best case in numbers', () => {
    const text = describeGradientDepth(state());
    expect(text).toMatch(/^Over 20 layers with z ~ N\(0, 1²\), 200 seeded paths, float64, /);
    expect(text).toMatch(/sigmoid \d\.?\d?×10⁻¹⁵ \(10–90%: /);
    expect(text).toContain('ReLU: all 200 products are exactly 0 by layer 20');
    expect(text).toContain("Sigmoid's best case, 0.25^20, is 9.1×10⁻¹³.");
  });
  it('gives the share of zeros while some paths survive', () => {
    const text = describeGradientDepth(state({ fns: ['relu'], depth: 2, mu: 1 }));
    expect(text).toMatch(/ReLU 1 over the \d+ nonzero products \(10–90%: 1 to 1\), while \d+% /);
    expect(describeGradientDepth(state({ fns: [] }))).toMatch(/no function chosen\.$/);
    expect(describeGradientDepth(state({ fns: ['relu'], depth: 3, mu: -3, sigma: 0.1 }))).toContain(
      'every one is 0 from the first layer',
    );
  });
});

describe('parseGradientDepthState(params)', () => {
  it('round-trips a formatted state', () => {
    const s = state({
      fns: ['tanh', 'elu'],
      depth: 33,
      mu: -1.2,
      sigma: 2.5,
      precision: 'float32',
      seed: 9,
    });
    const params = new URLSearchParams(formatGradientDepthState(s, 'gd-'));
    expect(parseGradientDepthState(params, 'gd-')).toEqual({ state: s, problems: [] });
    expect(parseGradientDepthState(new URLSearchParams('fns='), '').state.fns).toEqual([]);
  });
  it('clamps and explains bad values instead of failing', () => {
    const { state: s, problems } = parseGradientDepthState(
      new URLSearchParams('fns=relu,swish,cosh&depth=99&mu=abc&sigma=0&prec=16&seed=-1'),
    );
    expect(s).toEqual({ ...gradientDepthDefaults, fns: ['relu'], depth: 50, sigma: 0.1 });
    expect(problems).toEqual([
      'Unknown functions "swish", "cosh"; choose from sigmoid, tanh, relu, gelu, leaky-relu, elu.',
      'Layers must be from 1 to 50; showing 50.',
      'μ must be from -3 to 3; showing 0.',
      'σ must be from 0.1 to 5; showing 0.1.',
      'Precision must be 64 or 32; showing float64.',
      'Seed must be a whole number ≥ 0; showing seed 1.',
    ]);
    expect(
      parseGradientDepthState(new URLSearchParams('mu=0.3000001&fns=elu')).state,
    ).toMatchObject({ mu: 0.3, fns: ['elu'] });
    expect(parseGradientDepthState(new URLSearchParams('fns=x')).problems[0]).toBe(
      'Unknown function "x"; choose from sigmoid, tanh, relu, gelu, leaky-relu, elu.',
    );
  });
});

describe('checkGradientDepthState(state)', () => {
  it('accepts the defaults and names every bad prop', () => {
    expect(checkGradientDepthState(gradientDepthDefaults)).toEqual([]);
    const bad = {
      fns: ['softmax'],
      depth: 2.5,
      mu: 9,
      sigma: 0,
      precision: 'float16',
      seed: -1,
    } as unknown as GradientDepthState;
    expect(checkGradientDepthState(bad)).toEqual([
      'fns must be a list of sigmoid, tanh, relu, gelu, leaky-relu, elu',
      'mu must be a number from -3 to 3',
      'sigma must be a number from 0.1 to 5',
      'depth must be a whole number',
      'precision must be float64 or float32',
      'seed must be a whole number ≥ 0',
    ]);
  });
});

describe('figures', () => {
  const states: Record<string, GradientDepthState> = {
    default: state(),
    'float32-wide': state({
      fns: ['sigmoid', 'tanh', 'relu', 'gelu', 'leaky-relu', 'elu'],
      depth: 30,
      sigma: 3,
      precision: 'float32',
    }),
    'relu-shifted': state({ fns: ['relu', 'leaky-relu'], depth: 10, mu: 1, sigma: 1 }),
  };
  for (const [name, s] of Object.entries(states)) {
    it(`renders the ${name} state as the committed SVGs`, async () => {
      const main = renderToString(gradientDepthFigure(s));
      await expect(normaliseSvg(main)).toMatchFileSnapshot(
        `../output/gradient-through-depth-${name}.svg`,
      );
      const zeros = renderToString(zeroShareFigure(s));
      await expect(normaliseSvg(zeros)).toMatchFileSnapshot(
        `../output/gradient-through-depth-${name}-zeros.svg`,
      );
    });
  }
  it('renders the float32 view of sigmoid as the committed SVG', async () => {
    const svg = renderToString(float32Figure());
    await expect(normaliseSvg(svg)).toMatchFileSnapshot(
      '../output/gradient-through-depth-float32.svg',
    );
    expect(svg).toContain('aria-description="In float32, σ(x) rounds to exactly 1 from x ≈ 17.33');
  });
  it('labels the figures for screen readers and handles no function', () => {
    const svg = renderToString(gradientDepthFigure(state({ depth: 5 })));
    expect(svg).toContain('aria-label="Product of the activation');
    expect(svg).toContain('aria-description="Over 5 layers');
    const none = renderToString(zeroShareFigure(state({ fns: [], depth: 1 })));
    expect(none).toContain('aria-description="No function chosen."');
  });
  it('draws float32 zeros from x ≈ 17.33 on', () => {
    const data = float32Data();
    const firstZero = data.find((d) => d.zero);
    expect(firstZero?.x).toBeGreaterThan(17.3);
    expect(firstZero?.x).toBeLessThan(17.4);
    expect(describeFloat32()).toContain('tanh rounds to 1 from x ≈ 9.01');
  });
});
