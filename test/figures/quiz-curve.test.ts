import { describe, expect, it } from 'vitest';
import {
  describeQuizCurve,
  quizCurveData,
  quizCurveFigure,
} from '../../src/components/figures/quiz-curve.ts';
import { renderToString } from '../../src/components/figures/render.ts';
import { normaliseSvg } from './snapshot.ts';

describe('quizCurveData(state)', () => {
  it('samples f or f′ over the domain', () => {
    const f = quizCurveData({ activation: 'sigmoid', curve: 'f', letter: 'A' });
    expect(f[0].x).toBe(-5);
    expect(f.at(-1)?.x).toBe(5);
    expect(f[120].y).toBe(0.5);
    const df = quizCurveData({ activation: 'sigmoid', curve: 'df', letter: 'A', domain: [-1, 1] });
    expect(df[120].y).toBe(0.25);
    expect(df[0].x).toBe(-1);
  });

  it('uses parameters and rejects unknown ids clearly', () => {
    const leaky = quizCurveData({
      activation: 'leaky-relu',
      curve: 'df',
      params: { alpha: 0.1 },
      letter: 'B',
    });
    expect(leaky[0].y).toBe(0.1);
    expect(() => quizCurveData({ activation: 'softmax', curve: 'f', letter: 'C' })).toThrow(
      'Quiz curve: unknown activation "softmax"',
    );
  });
});

describe('describeQuizCurve(state)', () => {
  it('states values in numbers without naming the function', () => {
    const text = describeQuizCurve({ activation: 'relu', curve: 'f', letter: 'C' });
    expect(text).toBe(
      'Curve C: 0 at −5, 0 at −2.5, 0 at 0, 2.5 at 2.5, 5 at 5; lowest 0, highest 5.',
    );
    expect(text).not.toMatch(/relu/i);
  });
});

describe('quizCurveFigure(state)', () => {
  for (const [name, state] of [
    ['sigmoid-df', { activation: 'sigmoid', curve: 'df', letter: 'A' }],
    ['hard-swish', { activation: 'hard-swish', curve: 'f', letter: 'B', domain: [-7, 7] }],
  ] as const) {
    it(`draws ${name}`, async () => {
      const options = quizCurveFigure(state);
      expect(options.ariaLabel).toBe(`Curve ${state.letter}`);
      const svg = renderToString(options);
      expect(svg).toContain('nl-curve');
      await expect(normaliseSvg(svg)).toMatchFileSnapshot(`../output/quiz-curve-${name}.svg`);
    });
  }
});
