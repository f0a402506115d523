// Figure: softmax of a few logits as bars, the stable computation (the kernel's: shift by the
// maximum, log-sum-exp) against the naive formula e^{x_i/T} / Σ_j e^{x_j/T} computed with
// Math.exp, which overflows to Infinity once a scaled logit passes ln(Number.MAX_VALUE).
// Pure: state in, data, table rows, sentences and Plot options out.

import * as Plot from '@observablehq/plot';
import { activations, vectors } from '../../lib/activations/index.ts';
import { overflowThreshold, type SoftmaxExplorerState } from './softmax-explorer-state.ts';

export * from './softmax-explorer-state.ts';

/** How the naive formula fared: right, overflowed, underflowed, or lost digits. */
export type NaiveOutcome = 'agrees' | 'overflow' | 'underflow' | 'inaccurate';

export interface SoftmaxExplorerData {
  /** Logit names: x₁, x₂, … */
  names: string[];
  /** The logits with the shift added: what softmax receives. */
  x: number[];
  /** x / T, the exponents. */
  scaled: number[];
  /** Math.exp(x_i / T), as the naive formula computes them (may be Infinity or 0). */
  naiveExp: number[];
  /** Σ_j Math.exp(x_j / T), naively (may be Infinity or 0). */
  naiveSum: number;
  /** The naive probabilities e^{x_i/T} / Σ e^{x_j/T} (may be NaN). */
  naive: number[];
  naiveOutcome: NaiveOutcome;
  /** max_j x_j / T, the shift the stable formula uses. */
  max: number;
  /** log Σ_j e^{x_j/T} computed as m + log1p(Σ_{j≠k} e^{x_j/T − m}): never overflows. */
  logSumExp: number;
  /** The kernel's softmax (src/lib/activations/softmax.ts) at temperature T. */
  stable: number[];
  /** With exactly two logits: σ((x₁ − x₂)/T), equal to p₁. */
  sigmoid?: number;
}

const subscripts = '₀₁₂₃₄₅₆₇₈₉';
export const logitName = (i: number) => `x${subscripts[i + 1]}`;

/** Everything the figure, the table and the caption show, for one state. */
export function softmaxExplorerData({
  logits,
  shift,
  temperature: t,
}: SoftmaxExplorerState): SoftmaxExplorerData {
  const n = logits.length;
  const x = logits.map((v) => v + shift);
  const scaled = x.map((v) => v / t);
  const naiveExp = scaled.map((v) => Math.exp(v));
  const naiveSum = naiveExp.reduce((a, b) => a + b, 0);
  const naive = naiveExp.map((e) => e / naiveSum);

  const stableOut = new Float64Array(n);
  vectors.softmax.with({ temperature: t }).forward(Float64Array.from(x), stableOut);
  const stable = Array.from(stableOut);

  let k = 0;
  for (let i = 1; i < n; i++) if (scaled[i] > scaled[k]) k = i;
  const max = scaled[k];
  let others = 0;
  for (let j = 0; j < n; j++) if (j !== k) others += Math.exp(scaled[j] - max);
  const logSumExp = max + Math.log1p(others);

  let naiveOutcome: NaiveOutcome = 'agrees';
  if (naiveSum === Number.POSITIVE_INFINITY) naiveOutcome = 'overflow';
  else if (naiveSum === 0) naiveOutcome = 'underflow';
  else if (naive.some((p, i) => !(Math.abs(p - stable[i]) <= 1e-9))) naiveOutcome = 'inaccurate';

  const data: SoftmaxExplorerData = {
    names: logits.map((_, i) => logitName(i)),
    x,
    scaled,
    naiveExp,
    naiveSum,
    naive,
    naiveOutcome,
    max,
    logSumExp,
    stable,
  };
  if (n === 2) data.sigmoid = activations.sigmoid.f((x[0] - x[1]) / t);
  return data;
}

/** A number as JavaScript would print it, shortened: NaN, Infinity, 8.218e+307, 0.6590. */
export function formatNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Infinity';
  if (v === Number.NEGATIVE_INFINITY) return '−Infinity';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1e5 || a < 1e-4 ? v.toExponential(digits - 1) : String(Number(v.toFixed(digits)));
  return s.replaceAll('-', '−');
}

/** A probability for reading: four decimals, or powers of ten when tiny. */
export function formatProbability(p: number): string {
  if (p === 0) return '0';
  if (Number.isFinite(p) && p > 0 && p < 5e-5) return p.toExponential(1).replace('-', '−');
  return Number.isFinite(p) ? p.toFixed(4) : formatNumber(p);
}

/** Rows of the "naive against stable" table, as the page shows them. */
export function softmaxExplorerRows(data: SoftmaxExplorerData) {
  return data.names.map((name, i) => ({
    name,
    x: formatNumber(data.x[i]),
    scaled: formatNumber(data.scaled[i]),
    exp: formatNumber(data.naiveExp[i]),
    naive: formatProbability(data.naive[i]),
    stable: formatProbability(data.stable[i]),
  }));
}

/** The sums under the table: the naive denominator and the log-sum-exp. */
export function softmaxExplorerTotals(data: SoftmaxExplorerData) {
  return { naiveSum: formatNumber(data.naiveSum), logSumExp: formatNumber(data.logSumExp, 6) };
}

const threshold = overflowThreshold.toFixed(2);

/** What happened to the naive formula, in one sentence. */
export function describeNaive(data: SoftmaxExplorerData): string {
  switch (data.naiveOutcome) {
    case 'overflow': {
      const inf = data.naiveExp.filter((e) => e === Number.POSITIVE_INFINITY).length;
      const why =
        inf > 0
          ? `e^(x/T) is Infinity for ${inf} of the ${data.x.length} logits (exponents above ln(Number.MAX_VALUE) ≈ ${threshold})`
          : `each e^(x/T) is finite but their sum passes Number.MAX_VALUE`;
      return `The naive formula fails: ${why}, so it gives ${data.naive.map(formatProbability).join(', ')}.`;
    }
    case 'underflow':
      return `The naive formula fails: every e^(x/T) underflows to 0 (all exponents below about −745.13), so it gives 0/0 = NaN.`;
    case 'inaccurate':
      return `The naive formula loses digits: its exponentials are so small (below 2.2e−308, subnormal) that they keep only a few digits, so it gives ${data.naive.map(formatProbability).join(', ')}.`;
    default:
      return 'The naive formula agrees: no exponential overflows yet.';
  }
}

/** The two-class identity, when there are exactly two logits. */
export function describeTwoClass(data: SoftmaxExplorerData): string {
  if (data.sigmoid === undefined) return '';
  const diff = Math.abs(data.sigmoid - data.stable[0]);
  return `Two classes: σ((x₁ − x₂)/T) = ${formatProbability(data.sigmoid)} and p₁ = ${formatProbability(data.stable[0])}; they differ by ${formatNumber(diff, 2)}.`;
}

/** What the figure shows, in numbers: the text alternative and the caption. */
export function describeSoftmaxExplorer(
  state: SoftmaxExplorerState,
  data = softmaxExplorerData(state),
): string {
  const shift =
    state.shift === 0
      ? ''
      : `, each shifted by ${String(state.shift).replace('-', '−')} (largest ${formatNumber(Math.max(...data.x))})`;
  const list = data.names.map((n, i) => `p${n.slice(1)} = ${formatProbability(data.stable[i])}`);
  const parts = [
    `Softmax at T = ${state.temperature} of ${data.names.length} logits ${state.logits.map((v) => String(v).replace('-', '−')).join(', ')}${shift}: ${list.join(', ')}.`,
    describeNaive(data),
  ];
  if (data.sigmoid !== undefined) parts.push(describeTwoClass(data));
  return parts.join(' ');
}

/** Plot options for the bars. Colours are CSS variables, so light and dark themes both work. */
export function softmaxExplorerFigure(state: SoftmaxExplorerState, width = 640): Plot.PlotOptions {
  const data = softmaxExplorerData(state);
  const rows = data.names.map((name, i) => ({
    name,
    stable: data.stable[i],
    naive: data.naive[i],
    label: formatProbability(data.stable[i]),
    naiveLabel: `naive ${formatProbability(data.naive[i])}`,
  }));
  const finite = rows.filter((r) => Number.isFinite(r.naive));
  return {
    width,
    height: 280,
    marginLeft: 50,
    marginTop: 24,
    marginBottom: 56,
    style: { fontSize: '13px', background: 'transparent' },
    ariaLabel: `Softmax probabilities of ${data.names.length} logits, stable and naive`,
    ariaDescription: describeSoftmaxExplorer(state, data),
    x: { domain: data.names, label: null, padding: 0.35, tickSize: 0 },
    y: { domain: [0, 1], label: 'probability', grid: true },
    marks: [
      // Marks are hidden from assistive technology: the figure's description and the table
      // beside it give the same numbers.
      Plot.barY(rows, {
        x: 'name',
        y: 'stable',
        fill: 'var(--nl-series-1)',
        className: 'nl-sm-stable',
        ariaHidden: 'true',
      }),
      Plot.ruleY([0], { stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
      Plot.tickY(finite, {
        x: 'name',
        y: 'naive',
        stroke: 'var(--nl-series-2)',
        strokeWidth: 3,
        className: 'nl-sm-naive',
        ariaHidden: 'true',
      }),
      Plot.text(rows, {
        x: 'name',
        y: 'stable',
        text: 'label',
        dy: -9,
        fill: 'currentColor',
        ariaHidden: 'true',
      }),
      Plot.text(rows, {
        x: 'name',
        text: 'naiveLabel',
        frameAnchor: 'bottom',
        dy: 30,
        fill: 'currentColor',
        className: 'nl-sm-naive-label',
        ariaHidden: 'true',
      }),
    ],
  };
}
