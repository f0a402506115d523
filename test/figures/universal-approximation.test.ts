import { describe, expect, it } from 'vitest';
import { renderToString } from '../../src/components/figures/render.ts';
import {
  checkUniversalApproximationProps,
  describeUniversalApproximation,
  formatUniversalApproximationState,
  parseUniversalApproximationState,
  uaBasis,
  uaDefaults,
  uaDomain,
  uaSamples,
  uaScaledUnits,
  uaTargetFunction,
  universalApproximationData,
  universalApproximationFigure,
} from '../../src/components/figures/universal-approximation.ts';
import { normaliseSvg } from './snapshot.ts';

describe('uaBasis(unit, n)', () => {
  it('puts ReLU knots evenly from −π, one interval apart', () => {
    const { centres, unit } = uaBasis('relu', 4);
    expect(Array.from(centres)).toEqual([-Math.PI, -Math.PI / 2, 0, Math.PI / 2]);
    expect(unit(2, -1)).toBe(0);
    expect(unit(2, 1.5)).toBe(1.5);
  });
  it('centres tanh steps in equal intervals with slope tied to the spacing', () => {
    const { centres, unit } = uaBasis('tanh', 2);
    expect(centres[0]).toBeCloseTo(-Math.PI / 2, 15);
    expect(centres[1]).toBeCloseTo(Math.PI / 2, 15);
    expect(unit(1, Math.PI / 2)).toBeCloseTo(0, 15);
    // κ = 1.5 over a spacing of π: half a spacing from its centre a unit reaches tanh(0.75).
    expect(unit(1, Math.PI)).toBeCloseTo(Math.tanh(0.75), 14);
  });
});

describe('universalApproximationData(state)', () => {
  it('samples the targets on [−π, π], with x = 0 included', () => {
    const d = universalApproximationData({ target: 'step', unit: 'relu', n: 3 });
    expect(d.x).toHaveLength(uaSamples);
    expect(d.x[0]).toBe(uaDomain[0]);
    expect(d.x[uaSamples - 1]).toBe(uaDomain[1]);
    expect(d.x[(uaSamples - 1) / 2]).toBe(0);
    expect(d.target[(uaSamples - 1) / 2]).toBe(1);
    expect(uaTargetFunction.step(-0.1)).toBe(-1);
  });

  it('fits |x| exactly with ReLUs when a knot lands on 0 (even N), not otherwise', () => {
    for (const n of [2, 4, 10, 50]) {
      expect(universalApproximationData({ target: 'abs', unit: 'relu', n }).maxError).toBeLessThan(
        1e-12,
      );
    }
    for (const n of [1, 3, 5]) {
      expect(
        universalApproximationData({ target: 'abs', unit: 'relu', n }).maxError,
      ).toBeGreaterThan(0.1);
    }
  });

  it('with one ReLU gives the least-squares straight line', () => {
    const d = universalApproximationData({ target: 'sine', unit: 'relu', n: 1 });
    // The best line for sin x on a symmetric grid: slope Σx·sin x / Σx², intercept 0.
    let sxy = 0;
    let sxx = 0;
    for (const x of d.x) {
      sxy += x * Math.sin(x);
      sxx += x * x;
    }
    const slope = sxy / sxx;
    for (let i = 0; i < uaSamples; i += 50) expect(d.fit[i]).toBeCloseTo(slope * d.x[i], 10);
    expect(d.weights[0]).toBeCloseTo(slope, 10);
  });

  it('gets closer to a smooth target as N grows, for both units', () => {
    for (const unit of ['relu', 'tanh'] as const) {
      const errors = [3, 6, 12, 25, 50].map(
        (n) => universalApproximationData({ target: 'sine', unit, n }).maxError,
      );
      for (let i = 1; i < errors.length; i++) expect(errors[i]).toBeLessThan(errors[i - 1]);
      expect(errors[4]).toBeLessThan(0.01);
    }
  });

  it('cannot fit the jump of the step: the error stays near 1', () => {
    for (const unit of ['relu', 'tanh'] as const) {
      for (const n of [1, 10, 50]) {
        const d = universalApproximationData({ target: 'step', unit, n });
        expect(d.maxError).toBeGreaterThan(0.9);
        expect(Math.abs(d.maxErrorAt)).toBeLessThan(0.1);
      }
    }
  });

  it('is the sum of the scaled units plus the bias', () => {
    const state = { ...uaDefaults, unit: 'tanh' as const, n: 5 };
    const d = universalApproximationData(state);
    const i = 123;
    let sum = d.bias;
    for (let k = 0; k < 5; k++) sum += d.weights[k] * d.basis.unit(k, d.x[i]);
    expect(d.fit[i]).toBeCloseTo(sum, 12);
    expect(d.rmsError).toBeLessThanOrEqual(d.maxError);
    const rows = uaScaledUnits(state, d);
    expect(rows).toHaveLength(5 * 121);
    expect(
      uaScaledUnits({ ...uaDefaults, n: 6 }, universalApproximationData(uaDefaults)),
    ).toHaveLength(18);
  });
});

describe('describeUniversalApproximation(state)', () => {
  it('states the units, the solve and the errors in numbers', () => {
    const text = describeUniversalApproximation(uaDefaults);
    expect(text).toMatch(
      /^sin x fitted by 6 ReLU units \(knots evenly spaced on \[−π, π\]\) plus a bias, output weights solved by least squares: max error 0\.\d{3} at x = −?\d\.\d{3}, RMS error 0\.\d{3}, over 401 evenly spaced points\.$/,
    );
    expect(describeUniversalApproximation({ ...uaDefaults, unit: 'tanh', n: 1 })).toContain(
      '1 tanh unit (smooth steps centred in 1 equal interval of',
    );
  });
  it('explains the step and an exact fit', () => {
    expect(describeUniversalApproximation({ ...uaDefaults, target: 'step' })).toContain(
      'cannot jump',
    );
    const exact = describeUniversalApproximation({ ...uaDefaults, target: 'abs', n: 4 });
    expect(exact).toMatch(/max error \d\.\d×10\^-1\d/);
    expect(exact).toContain('exact up to rounding');
    expect(describeUniversalApproximation({ ...uaDefaults, n: 20 })).toContain(
      'max error 0.0082 at x',
    );
  });
});

describe('parseUniversalApproximationState(params)', () => {
  it('round-trips a formatted state', () => {
    const state = { target: 'abs' as const, unit: 'tanh' as const, n: 37, showUnits: false };
    const params = new URLSearchParams(formatUniversalApproximationState(state, 'ua-'));
    expect(parseUniversalApproximationState(params, 'ua-')).toEqual({ state, problems: [] });
  });
  it('clamps and explains bad values instead of failing', () => {
    const { state, problems } = parseUniversalApproximationState(
      new URLSearchParams('target=cosine&unit=gelu&n=99&show=yes'),
    );
    expect(state).toEqual({ ...uaDefaults, n: 50 });
    expect(problems).toEqual([
      'Unknown target "cosine"; showing sin x.',
      'Unknown unit "gelu"; showing ReLU.',
      'Units must be a whole number from 1 to 50; showing 50.',
      '"show" must be 1 or 0; showing the units.',
    ]);
    expect(parseUniversalApproximationState(new URLSearchParams('n=2.6')).state.n).toBe(3);
    expect(parseUniversalApproximationState(new URLSearchParams('n=abc')).state.n).toBe(6);
    expect(parseUniversalApproximationState(new URLSearchParams('n=')).problems).toHaveLength(1);
    expect(parseUniversalApproximationState(new URLSearchParams('n=-3')).state.n).toBe(1);
  });
});

describe('checkUniversalApproximationProps(state)', () => {
  it('accepts good props and names the first bad one', () => {
    expect(checkUniversalApproximationProps(uaDefaults)).toBeUndefined();
    const bad = (p: object) =>
      checkUniversalApproximationProps({ ...uaDefaults, ...p } as typeof uaDefaults);
    expect(bad({ target: 'cos' })).toMatch(/target must be one of sine, step, abs/);
    expect(bad({ unit: 'elu' })).toMatch(/unit must be one of relu, tanh/);
    expect(bad({ n: 0 })).toMatch(/n must be a whole number from 1 to 50/);
    expect(bad({ n: 2.5 })).toMatch(/n must be/);
    expect(bad({ showUnits: 'yes' })).toMatch(/showUnits/);
  });
});

describe('universalApproximationFigure(state)', () => {
  const states = [
    ['sine-relu-6', uaDefaults],
    ['step-tanh-10', { target: 'step', unit: 'tanh', n: 10, showUnits: true }],
    ['abs-relu-3-plain', { target: 'abs', unit: 'relu', n: 3, showUnits: false }],
  ] as const;
  for (const [name, state] of states) {
    it(`renders ${name} as the committed SVG`, async () => {
      const svg = renderToString(universalApproximationFigure(state));
      await expect(normaliseSvg(svg)).toMatchFileSnapshot(
        `../output/universal-approximation-${name}.svg`,
      );
    });
  }
  it('labels the figure and draws units only when asked', () => {
    const svg = renderToString(universalApproximationFigure(uaDefaults, 400));
    expect(svg).toContain('aria-label="sin x and its least-squares fit by 6 ReLU units"');
    expect(svg).toContain('aria-description="sin x fitted by 6 ReLU units');
    expect(svg).toContain('nl-units');
    const plain = renderToString(universalApproximationFigure({ ...uaDefaults, showUnits: false }));
    expect(plain).not.toContain('nl-units');
    expect(plain).toContain('nl-fit');
  });
});
