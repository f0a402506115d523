import { describe, expect, it } from 'vitest';
import { renderToString } from '../../src/components/figures/render.ts';
import { snapToStep } from '../../src/components/figures/slider.ts';
import {
  checkSoftmaxExplorerProps,
  describeNaive,
  describeSoftmaxExplorer,
  describeTwoClass,
  formatNumber,
  formatProbability,
  formatSliderValue,
  formatSoftmaxExplorerState,
  overflowThreshold,
  parseSoftmaxExplorerState,
  softmaxExplorerData,
  softmaxExplorerDefaults,
  softmaxExplorerFigure,
  softmaxExplorerLimits,
  softmaxExplorerRows,
  softmaxExplorerTotals,
} from '../../src/components/figures/softmax-explorer.ts';
import { vectors } from '../../src/lib/activations/index.ts';
import { normaliseSvg } from './snapshot.ts';

const at = (logits: number[], shift = 0, temperature = 1) => ({ logits, shift, temperature });

describe('overflowThreshold', () => {
  it('is ln(Number.MAX_VALUE), the edge where Math.exp overflows', () => {
    expect(overflowThreshold).toBe(709.782712893384);
    expect(Math.exp(overflowThreshold)).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(Math.exp(709.79)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('softmaxExplorerData(state)', () => {
  it('matches the textbook values and the naive formula for small logits', () => {
    const d = softmaxExplorerData(at([2, 1, 0.1]));
    expect(d.stable.map((p) => +p.toFixed(4))).toEqual([0.659, 0.2424, 0.0986]);
    expect(d.naiveOutcome).toBe('agrees');
    for (const [i, p] of d.naive.entries()) expect(p).toBeCloseTo(d.stable[i], 14);
    expect(d.logSumExp).toBeCloseTo(Math.log(Math.exp(2) + Math.exp(1) + Math.exp(0.1)), 14);
    expect(d.sigmoid).toBeUndefined();
  });

  it('keeps the stable probabilities under any shift while the naive ones overflow', () => {
    const base = softmaxExplorerData(at([2, 1, 0.1])).stable;
    const d = softmaxExplorerData(at([2, 1, 0.1], 710));
    for (const [i, p] of d.stable.entries()) expect(p).toBeCloseTo(base[i], 12);
    expect(d.naiveOutcome).toBe('overflow');
    expect(d.naiveExp).toEqual([Infinity, Infinity, Infinity]);
    expect(d.naive.every(Number.isNaN)).toBe(true);
    expect(d.logSumExp).toBeCloseTo(712 + Math.log(1 + Math.exp(-1) + Math.exp(-1.9)), 10);
  });

  it('overflows exactly when an exponent passes ln(Number.MAX_VALUE)', () => {
    // 707.9 + 2 = 709.9 > 709.78: one Infinity, NaN for it and 0 for the others.
    const d = softmaxExplorerData(at([2, 1, 0.1], 707.9 - 0.1 + 0.1));
    expect(d.naiveExp[0]).toBe(Infinity);
    expect(d.naive[0]).toBeNaN();
    expect(d.naive.slice(1)).toEqual([0, 0]);
    // Just below the edge the naive formula still agrees.
    expect(softmaxExplorerData(at([0, -5, -9], 709)).naiveOutcome).toBe('agrees');
  });

  it('overflows in the sum even when each exponential is finite', () => {
    const d = softmaxExplorerData(at([0, 0, 0], 709.5));
    expect(d.naiveExp.every(Number.isFinite)).toBe(true);
    expect(d.naiveSum).toBe(Infinity);
    expect(d.naive).toEqual([0, 0, 0]);
    expect(describeNaive(d)).toContain('sum passes Number.MAX_VALUE');
  });

  it('underflows to 0/0 far below, and loses digits in the subnormal range', () => {
    const under = softmaxExplorerData(at([2, 1, 0.1], -800));
    expect(under.naiveOutcome).toBe('underflow');
    expect(under.naive.every(Number.isNaN)).toBe(true);
    expect(describeNaive(under)).toContain('0/0 = NaN');
    const sub = softmaxExplorerData(at([2, 1, 0.1], -740));
    expect(sub.naiveOutcome).toBe('inaccurate');
    expect(describeNaive(sub)).toContain('subnormal');
  });

  it('divides by the temperature, as the kernel does', () => {
    const d = softmaxExplorerData(at([2, 1, 0.1], 0, 0.5));
    const out = new Float64Array(3);
    vectors.softmax.forward(Float64Array.from([4, 2, 0.2]), out);
    for (const [i, p] of d.stable.entries()) expect(p).toBeCloseTo(out[i], 14);
    // At T = 0.05 a logit of 40 is already past the edge: 40 / 0.05 = 800.
    expect(softmaxExplorerData(at([2, 1], 38, 0.05)).naiveOutcome).toBe('overflow');
  });

  it('equals the sigmoid of the difference with two logits', () => {
    for (const [a, b, t, shift] of [
      [3, 1, 2, 0],
      [-4, 7.5, 0.3, 900],
      [0, 0, 1, -1000],
      [10, -10, 0.05, 0],
    ]) {
      const d = softmaxExplorerData(at([a, b], shift, t));
      expect(d.sigmoid).toBeDefined();
      expect(Math.abs((d.sigmoid as number) - d.stable[0])).toBeLessThanOrEqual(2e-16);
    }
    expect(describeTwoClass(softmaxExplorerData(at([3, 1], 0, 2)))).toBe(
      'Two classes: σ((x₁ − x₂)/T) = 0.7311 and p₁ = 0.7311; they differ by 0.',
    );
    expect(describeTwoClass(softmaxExplorerData(at([3, 1, 0])))).toBe('');
  });
});

describe('formatNumber(v) and formatProbability(p)', () => {
  it('prints what JavaScript prints, shortened', () => {
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('Infinity');
    expect(formatNumber(-Infinity)).toBe('−Infinity');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Math.exp(709))).toBe('8.218e+307');
    expect(formatNumber(-2.5e-7)).toBe('−2.500e−7');
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatProbability(0)).toBe('0');
    expect(formatProbability(1e-9)).toBe('1.0e−9');
    expect(formatProbability(0.5)).toBe('0.5000');
    expect(formatProbability(Number.NaN)).toBe('NaN');
    expect(formatSliderValue(-0.1)).toBe('−0.1');
    expect(formatSliderValue(2)).toBe('2');
  });
});

describe('softmaxExplorerRows(data) and totals', () => {
  it('lists every logit with its naive and stable probability', () => {
    const d = softmaxExplorerData(at([2, 1, 0.1], 708));
    expect(softmaxExplorerRows(d)[0]).toEqual({
      name: 'x₁',
      x: '710',
      scaled: '710',
      exp: 'Infinity',
      naive: 'NaN',
      stable: '0.6590',
    });
    expect(softmaxExplorerTotals(d)).toEqual({ naiveSum: 'Infinity', logSumExp: '710.41703' });
  });
});

describe('describeSoftmaxExplorer(state)', () => {
  it('lists the probabilities and says how the naive formula fared', () => {
    expect(describeSoftmaxExplorer(softmaxExplorerDefaults)).toBe(
      'Softmax at T = 1 of 3 logits 2, 1, 0.1: p₁ = 0.6590, p₂ = 0.2424, p₃ = 0.0986. The naive formula agrees: no exponential overflows yet.',
    );
    const shifted = describeSoftmaxExplorer(at([2, 1, 0.1], 708));
    expect(shifted).toContain('each shifted by 708 (largest 710)');
    expect(shifted).toContain('e^(x/T) is Infinity for 1 of the 3 logits');
    expect(shifted).toContain('≈ 709.78');
    expect(shifted).toContain('so it gives NaN, 0, 0.');
    expect(describeSoftmaxExplorer(at([1, -2], -5, 2))).toContain(
      'logits 1, −2, each shifted by −5',
    );
    expect(describeSoftmaxExplorer(at([1, -2]))).toContain('Two classes');
  });
});

describe('parseSoftmaxExplorerState(params)', () => {
  it('round-trips a formatted state', () => {
    const state = at([1.5, -2, 0, 9.9], 712, 0.25);
    const params = new URLSearchParams(formatSoftmaxExplorerState(state, 'sm-'));
    expect(parseSoftmaxExplorerState(params, 'sm-')).toEqual({ state, problems: [] });
  });

  it('clamps and explains bad values instead of failing', () => {
    let r = parseSoftmaxExplorerState(new URLSearchParams('x=1,2,3,4,5,6,7&shift=5000&t=0'));
    expect(r.state).toEqual(at([1, 2, 3, 4, 5, 6], 1000, 0.05));
    expect(r.problems).toEqual([
      'At most 6 logits; showing the first 6.',
      'Shift must be from -1000 to 1000; showing 1000.',
      'Temperature must be from 0.05 to 10; showing 0.05.',
    ]);
    r = parseSoftmaxExplorerState(new URLSearchParams('x=1,abc&shift=&t=x'));
    expect(r.state).toEqual(softmaxExplorerDefaults);
    expect(r.problems).toEqual([
      'Logits "1,abc" must be numbers separated by commas; showing 2, 1, 0.1.',
      'Shift "" is not a number; showing 0.',
      'Temperature "x" is not a number; showing 1.',
    ]);
    r = parseSoftmaxExplorerState(new URLSearchParams('x=50'));
    expect(r.state.logits).toEqual([10, 0]);
    expect(r.problems).toEqual([
      'Each logit must be from -10 to 10 (use the shift for more); showing 10.',
      'At least 2 logits; showing 10, 0.',
    ]);
    expect(parseSoftmaxExplorerState(new URLSearchParams('x=0.123,1&t=0.33')).state).toEqual(
      at([0.1, 1], 0, 0.35),
    );
  });

  it('snaps to the slider grid', () => {
    expect(snapToStep(0.26, softmaxExplorerLimits.temperature)).toBe(0.25);
    expect(snapToStep(-11, softmaxExplorerLimits.logit)).toBe(-10);
  });
});

describe('checkSoftmaxExplorerProps(state)', () => {
  it('accepts the defaults and rejects bad props with a clear message', () => {
    expect(() => checkSoftmaxExplorerProps(softmaxExplorerDefaults)).not.toThrow();
    expect(() => checkSoftmaxExplorerProps(at([1]))).toThrow(/logits must be 2 to 6 numbers/);
    expect(() => checkSoftmaxExplorerProps(at([1, 20]))).toThrow(/from -10 to 10/);
    expect(() => checkSoftmaxExplorerProps(at([1, 2], 2000))).toThrow(/shift must be/);
    expect(() => checkSoftmaxExplorerProps(at([1, 2], 0, 0))).toThrow(/temperature must be/);
  });

  it('uses the catalogue’s temperature range', () => {
    const [t] = vectors.softmax.params;
    const { temperature } = softmaxExplorerLimits;
    expect([temperature.min, temperature.max, temperature.step]).toEqual([t.min, t.max, t.step]);
    expect(softmaxExplorerDefaults.temperature).toBe(t.default);
  });
});

describe('softmaxExplorerFigure(state)', () => {
  const states = {
    default: softmaxExplorerDefaults,
    overflow: at([2, 1, 0.1, -3], 708),
    'two-class': at([3, 1], 0, 2),
  };
  for (const [name, state] of Object.entries(states)) {
    it(`renders the ${name} state as the committed SVG`, async () => {
      const svg = renderToString(softmaxExplorerFigure(state));
      await expect(normaliseSvg(svg)).toMatchFileSnapshot(`../output/softmax-explorer-${name}.svg`);
    });
  }
  it('labels the figure for screen readers and marks naive failures', () => {
    const svg = renderToString(softmaxExplorerFigure(states.overflow));
    expect(svg).toContain('aria-label="Softmax probabilities of 4 logits, stable and naive"');
    expect(svg).toContain('aria-description="Softmax at T = 1 of 4 logits');
    expect(svg).toContain('naive NaN');
  });
});
