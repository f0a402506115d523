// Figure for "which curve is this?" quiz questions: one small plot of an activation or of
// its derivative, drawn from the catalogue. The label and description never name the
// function (that would give the answer away); they state the curve's values in numbers.

import * as Plot from '@observablehq/plot';
import { activations, isActivationId } from '../../lib/activations/index.ts';

export interface QuizCurveState {
  activation: string;
  curve: 'f' | 'df';
  params?: Record<string, number>;
  domain?: readonly [number, number];
  /** "A", "B", ...: what the reader sees and what screen readers announce. */
  letter: string;
}

const samples = 241;

/** The catalogue entry for a state, with its parameters; throws a clear error at build time. */
function entry(state: QuizCurveState) {
  if (!isActivationId(state.activation)) {
    throw new Error(`Quiz curve: unknown activation "${state.activation}"`);
  }
  const a = activations[state.activation];
  return state.params ? a.with(state.params) : a;
}

/** Sampled points of the curve over its domain ([-5, 5] by default). */
export function quizCurveData(state: QuizCurveState): { x: number; y: number }[] {
  const a = entry(state);
  const [lo, hi] = state.domain ?? [-5, 5];
  const fn = state.curve === 'f' ? a.f : a.df;
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < samples; i++) {
    const x = lo + ((hi - lo) * i) / (samples - 1);
    points.push({ x, y: fn(x) });
  }
  return points;
}

const fmt = (v: number) => {
  const r = Math.round(v * 100) / 100;
  return (Object.is(r, -0) ? 0 : r).toString().replace('-', '−');
};

/** The text alternative: the curve's value at five evenly spaced inputs, and its extremes. */
export function describeQuizCurve(state: QuizCurveState): string {
  const a = entry(state);
  const fn = state.curve === 'f' ? a.f : a.df;
  const [lo, hi] = state.domain ?? [-5, 5];
  const xs = [0, 0.25, 0.5, 0.75, 1].map((t) => lo + t * (hi - lo));
  const ys = quizCurveData(state).map((p) => p.y);
  const values = xs.map((x) => `${fmt(fn(x))} at ${fmt(x)}`).join(', ');
  return `Curve ${state.letter}: ${values}; lowest ${fmt(Math.min(...ys))}, highest ${fmt(Math.max(...ys))}.`;
}

/** Plot options for one small curve. Colours are CSS variables (light and dark themes). */
export function quizCurveFigure(state: QuizCurveState, width = 220): Plot.PlotOptions {
  const data = quizCurveData(state);
  const [lo, hi] = state.domain ?? [-5, 5];
  return {
    width,
    height: Math.round(width * 0.62),
    marginLeft: 34,
    marginRight: 8,
    marginTop: 10,
    marginBottom: 24,
    style: { fontSize: '11px', background: 'transparent' },
    ariaLabel: `Curve ${state.letter}`,
    ariaDescription: describeQuizCurve(state),
    x: { domain: [lo, hi], ticks: 5, label: null },
    y: { grid: true, nice: true, ticks: 4, label: null },
    marks: [
      Plot.ruleY([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
      Plot.ruleX([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
      Plot.lineY(data, {
        x: 'x',
        y: 'y',
        className: 'nl-curve',
        ariaHidden: 'true',
        stroke: 'var(--nl-series-1)',
        strokeWidth: 2,
      }),
    ],
  };
}
