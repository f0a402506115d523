import { describe, expect, it } from 'vitest';
import {
  compareRow,
  compareRows,
  compareValues,
  costInputs,
  describeCompareTable,
  describeCosts,
  formatCompareTableState,
  formatCost,
  formatEnd,
  formatRange,
  measureForward,
  median,
  parseCompareTableState,
  shortAuthors,
  sortBy,
} from '../../src/components/figures/compare-table.ts';
import { activationIds, activations } from '../../src/lib/activations/index.ts';

const end = (value: number, closed: boolean) => ({ value, closed });

describe('formatRange(range)', () => {
  it('writes open and closed ends', () => {
    expect(formatRange({ lo: end(0, false), hi: end(1, false) })).toBe('(0, 1)');
    expect(formatRange({ lo: end(0, true), hi: end(Infinity, false) })).toBe('[0, ∞)');
    expect(formatRange({ lo: end(-Infinity, false), hi: end(Infinity, false) })).toBe('(−∞, ∞)');
    expect(formatRange({ lo: end(-1, true), hi: end(1, true) })).toBe('[−1, 1]');
  });
  it('never closes an infinite end, even if told to', () => {
    expect(formatRange({ lo: end(-Infinity, true), hi: end(Infinity, true) })).toBe('(−∞, ∞)');
  });
  it('gives the catalogue ranges as the facts list states them', () => {
    const r = (id: string) => compareRow(activations[id]).range;
    expect(r('sigmoid')).toBe('(0, 1)');
    expect(r('tanh')).toBe('(−1, 1)');
    expect(r('relu')).toBe('[0, ∞)');
    expect(r('relu6')).toBe('[0, 6]');
    expect(r('hard-sigmoid')).toBe('[0, 1]');
    expect(r('log-sigmoid')).toBe('(−∞, 0)');
    expect(r('elu')).toBe('(−1, ∞)');
    expect(r('selu')).toBe('(−1.7581, ∞)');
    expect(r('gelu')).toBe('[−0.16997, ∞)');
    expect(r('gelu-tanh')).toBe('[−0.17004, ∞)');
    expect(r('silu')).toBe('[−0.27846, ∞)');
    expect(r('mish')).toBe('[−0.30884, ∞)');
    expect(r('hard-swish')).toBe('[−0.375, ∞)');
  });
});

describe('formatEnd(value)', () => {
  it('uses a Unicode minus and five significant figures', () => {
    expect(formatEnd(-0.16997120747990366)).toBe('−0.16997');
    expect(formatEnd(6)).toBe('6');
    expect(formatEnd(-Infinity)).toBe('−∞');
    expect(formatEnd(Infinity)).toBe('∞');
  });
});

describe('shortAuthors(authors)', () => {
  it('shortens like a reference list', () => {
    expect(shortAuthors([])).toBe('');
    expect(shortAuthors(['D. Misra'])).toBe('Misra');
    expect(shortAuthors(['V. Nair', 'G. E. Hinton'])).toBe('Nair & Hinton');
    expect(shortAuthors(['D.-A. Clevert', 'T. Unterthiner', 'S. Hochreiter'])).toBe(
      'Clevert et al.',
    );
  });
});

describe('compareRows()', () => {
  const rows = compareRows();
  it('has one row per scalar function, in catalogue order', () => {
    expect(rows.map((r) => r.id)).toEqual([...activationIds]);
    expect(rows.map((r) => r.sort.catalogue)).toEqual(rows.map((_, i) => i));
  });
  it('reads properties, defaults and sources from the catalogue', () => {
    const relu = rows.find((r) => r.id === 'relu');
    expect(relu).toMatchObject({
      name: 'ReLU',
      tex: '\\max(x, 0)',
      zeroCentred: 'no',
      monotonic: 'non-decreasing',
      smoothness: 'C⁰ (kinks)',
      saturation: 'negative side',
      sparse: 'yes',
      pytorch: 'nn.ReLU()',
      keras: 'keras.activations.relu(x)',
      year: 2010,
      citation: { authors: 'Nair & Hinton', year: 2010, venue: 'ICML 2010, pp. 807–814' },
    });
    const tanh = rows.find((r) => r.id === 'tanh');
    expect(tanh).toMatchObject({ zeroCentred: 'yes', monotonic: 'strictly increasing' });
    expect(tanh?.smoothness).toBe('C^∞');
    expect(rows.find((r) => r.id === 'sigmoid')?.saturation).toBe('both sides');
    expect(rows.find((r) => r.id === 'log-sigmoid')?.saturation).toBe('positive side');
    expect(rows.find((r) => r.id === 'gelu')?.monotonic).toBe('no');
    expect(rows.find((r) => r.id === 'elu')?.smoothness).toBe('C¹');
    expect(rows.find((r) => r.id === 'identity')?.saturation).toBe('no');
  });
  it('says where a library has no default and where the catalogue has no source', () => {
    const hardTanh = rows.find((r) => r.id === 'hard-tanh');
    expect(hardTanh?.keras).toBe('—');
    expect(hardTanh?.citation).toBeNull();
    expect(rows.find((r) => r.id === 'relu')?.defaultsNote).toBe('');
    expect(rows.find((r) => r.id === 'leaky-relu')?.defaultsNote).toContain('0.3');
  });
  it('links arXiv papers', () => {
    expect(rows.find((r) => r.id === 'gelu')?.citation?.url).toBe(
      'https://arxiv.org/abs/1606.08415',
    );
    expect(rows.find((r) => r.id === 'sigmoid')?.citation?.url).toBeUndefined();
  });
  it('lists a chosen subset', () => {
    expect(compareRows(['relu', 'gelu']).map((r) => r.name)).toEqual(['ReLU', 'GELU']);
  });
});

describe('sortBy(items, valueOf, direction)', () => {
  const rows = compareRows();
  const ids = (key: keyof (typeof rows)[number]['sort'], dir: 'ascending' | 'descending') =>
    sortBy(rows, (r) => r.sort[key], dir).map((r) => r.id);

  it('sorts by year, oldest or newest first, ties in catalogue order', () => {
    const asc = ids('year', 'ascending');
    expect(asc[0]).toBe('identity');
    const years = asc.map((id) => activations[id].year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(asc.indexOf('sigmoid')).toBeLessThan(asc.indexOf('log-sigmoid')); // both 1986
    const desc = ids('year', 'descending');
    expect(activations[desc[0]].year).toBe(Math.max(...years));
  });
  it('sorts names alphabetically, ignoring case', () => {
    const names = sortBy(rows, (r) => r.sort.name, 'ascending').map((r) => r.name);
    expect(names[0]).toBe('CELU');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });
  it('sorts ranges by their lower end, the unbounded ones first', () => {
    const asc = ids('range', 'ascending');
    expect(asc.slice(0, 5)).toEqual(['identity', 'log-sigmoid', 'leaky-relu', 'prelu', 'rrelu']);
    // [0, 1] and [0, 6] before [0, ∞) and (0, ∞): the upper end breaks the tie.
    expect(asc.indexOf('relu6')).toBeLessThan(asc.indexOf('relu'));
  });
  it('puts rows without a value last in both directions', () => {
    const values: (number | null)[] = [3, null, 1, 2];
    expect(sortBy(values, (v) => v, 'ascending')).toEqual([1, 2, 3, null]);
    expect(sortBy(values, (v) => v, 'descending')).toEqual([3, 2, 1, null]);
    expect(sortBy([null, null, 1], (v) => v, 'ascending')).toEqual([1, null, null]);
  });
  it('compares −∞ with itself as equal', () => {
    expect(compareValues(-Infinity, -Infinity, 'ascending')).toBe(0);
    expect(compareValues('a', 'B', 'descending')).toBeGreaterThan(0);
  });
});

describe('parseCompareTableState(params)', () => {
  it('round-trips a formatted state', () => {
    const state = { sort: 'year' as const, direction: 'descending' as const };
    const params = new URLSearchParams(formatCompareTableState(state, 'ct-'));
    expect(parseCompareTableState(params, 'ct-')).toEqual({ state, problems: [] });
  });
  it('explains bad values and keeps the default', () => {
    const { state, problems } = parseCompareTableState(
      new URLSearchParams('ct-sort=colour&ct-dir=up'),
      'ct-',
    );
    expect(state).toEqual({ sort: 'catalogue', direction: 'ascending' });
    expect(problems).toEqual([
      'Unknown column "colour"; showing the table in catalogue order.',
      'Sort direction must be "ascending" or "descending"; showing ascending.',
    ]);
  });
});

describe('describeCompareTable(count, state)', () => {
  it('says how the rows are ordered', () => {
    expect(describeCompareTable(22, { sort: 'catalogue', direction: 'ascending' })).toBe(
      '22 scalar activation functions of the catalogue, in catalogue order.',
    );
    expect(describeCompareTable(22, { sort: 'cost', direction: 'descending' })).toBe(
      '22 scalar activation functions of the catalogue, sorted by measured cost, descending.',
    );
  });
});

describe('formatCost(ns) and median(values)', () => {
  it('shows two significant figures, and a dash until measured', () => {
    expect(formatCost(undefined)).toBe('—');
    expect(formatCost(null)).toBe('—');
    expect(formatCost(Number.NaN)).toBe('—');
    expect(formatCost(0.01)).toBe('< 0.1');
    expect(formatCost(1.2345)).toBe('1.2');
    expect(formatCost(23.6)).toBe('24');
  });
  it('takes the middle value', () => {
    expect(median([])).toBeNaN();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('measureForward(forward, xs, options)', () => {
  it('reports the median time per element on a fake clock', () => {
    // Each pass costs 2 ms on this clock, except one slow sample: the median ignores it.
    let t = 0;
    let passes = 0;
    const forward = (xs: Float64Array, out: Float64Array) => {
      out[0] = xs[0];
      passes++;
      t += passes === 4 ? 50 : 2;
    };
    const ns = measureForward(forward, new Float64Array(1000), {
      now: () => t,
      samples: 5,
      minSampleMs: 4,
    });
    // 2 passes per sample (2 ms each to fill 4 ms): 2 ms per pass over 1000 elements.
    expect(ns).toBe(2e6 / 1000);
    expect(passes).toBe(1 + 5 * 2);
  });
  it('times a real forward pass to a positive number', () => {
    const xs = costInputs(1000);
    const ns = measureForward((x, out) => activations.relu.forward(x, out), xs, {
      now: () => performance.now(),
      samples: 3,
      minSampleMs: 1,
    });
    expect(ns).toBeGreaterThan(0);
  });
});

describe('costInputs() and describeCosts()', () => {
  it('draws the same 100 000 inputs in [−6, 6] every time', () => {
    const xs = costInputs();
    expect(xs.length).toBe(100_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-6);
    expect(Math.max(...xs)).toBeLessThan(6);
    expect(costInputs()).toEqual(xs);
  });
  it('names the cheapest and the dearest function', () => {
    expect(describeCosts(new Map(), {})).toBe('Not measured yet.');
    const costs = new Map([
      ['relu', 0.91],
      ['gelu', 14.2],
      ['tanh', 6.3],
    ]);
    expect(describeCosts(costs, { relu: 'ReLU', gelu: 'GELU', tanh: 'tanh' })).toBe(
      'Measured in your browser (ns per element, median of 5): cheapest ReLU 0.91, dearest GELU 14.',
    );
  });
});
