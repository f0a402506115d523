// The state of the compare table (which column it is sorted by, and which way) and its URL
// form, with the comparison the table's rows are sorted with. No kernel import: the widget's
// element sorts the server-rendered rows with this alone.

export const compareSortKeys = [
  'catalogue',
  'name',
  'range',
  'zero-centred',
  'monotonic',
  'smoothness',
  'saturation',
  'sparse',
  'year',
  'cost',
] as const;
export type CompareSortKey = (typeof compareSortKeys)[number];

export const compareDirections = ['ascending', 'descending'] as const;
export type CompareDirection = (typeof compareDirections)[number];

export interface CompareTableState {
  sort: CompareSortKey;
  direction: CompareDirection;
}

export const compareTableDefaults: CompareTableState = {
  sort: 'catalogue',
  direction: 'ascending',
};

/** How each sort key is named in sentences. */
export const compareSortLabel: Record<CompareSortKey, string> = {
  catalogue: 'catalogue order',
  name: 'name',
  range: 'lower end of the range',
  'zero-centred': 'zero-centred',
  monotonic: 'monotonicity',
  smoothness: 'smoothness',
  saturation: 'saturation',
  sparse: 'sparsity',
  year: 'year',
  cost: 'measured cost',
};

/** How the rows are ordered, as words: "in catalogue order", "sorted by year, descending". */
export function describeOrder({ sort, direction }: CompareTableState): string {
  return sort === 'catalogue'
    ? 'in catalogue order'
    : `sorted by ${compareSortLabel[sort]}, ${direction}`;
}

/** The table's caption: what it holds and how it is sorted. */
export function describeCompareTable(count: number, state: CompareTableState): string {
  return `${count} scalar activation functions of the catalogue, ${describeOrder(state)}.`;
}

/** A cell's sort value: a number, a string, or null for "no value" (always sorted last). */
export type SortValue = number | string | null;

/**
 * Compares two sort values in `direction`; null (not measured, no default) goes last either
 * way, so the rows with a value stay on top whichever way the reader sorts.
 */
export function compareValues(a: SortValue, b: SortValue, direction: CompareDirection): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (a === b) return 0; // also −∞ against −∞, whose difference is NaN
  const order =
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : String(a).localeCompare(String(b), 'en', { sensitivity: 'base' });
  return direction === 'ascending' ? order : -order;
}

/**
 * Sorts `items` by the value `sortValueOf` gives, in `direction`, with ties kept in the order
 * given (catalogue order), so sorting by a column of few values groups rows predictably.
 */
export function sortBy<T>(
  items: readonly T[],
  sortValueOf: (item: T) => SortValue,
  direction: CompareDirection,
): T[] {
  return items
    .map((item, index) => ({ item, index, value: sortValueOf(item) }))
    .sort((a, b) => compareValues(a.value, b.value, direction) || a.index - b.index)
    .map(({ item }) => item);
}

/** Reads the sort from URL-style parameters, keeping what is valid and saying what was not. */
export function parseCompareTableState(params: URLSearchParams, prefix = '') {
  const state = { ...compareTableDefaults };
  const problems: string[] = [];
  const sort = params.get(`${prefix}sort`);
  if (sort !== null) {
    if ((compareSortKeys as readonly string[]).includes(sort)) state.sort = sort as CompareSortKey;
    else problems.push(`Unknown column "${sort}"; showing the table in catalogue order.`);
  }
  const dir = params.get(`${prefix}dir`);
  if (dir !== null) {
    if ((compareDirections as readonly string[]).includes(dir)) {
      state.direction = dir as CompareDirection;
    } else {
      problems.push(`Sort direction must be "ascending" or "descending"; showing ascending.`);
    }
  }
  return { state, problems };
}

export function formatCompareTableState(state: CompareTableState, prefix = '') {
  return { [`${prefix}sort`]: state.sort, [`${prefix}dir`]: state.direction };
}

/** A measured cost for a cell: "3.2" ns per element, two significant figures; "—" if none. */
export function formatCost(ns: number | null | undefined): string {
  if (ns === null || ns === undefined || !Number.isFinite(ns)) return '—';
  if (ns < 0.1) return '< 0.1';
  return ns >= 10 ? String(Math.round(ns)) : ns.toPrecision(2);
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Options for `measureForward`: the clock (performance.now in the browser) and the effort. */
export interface MeasureOptions {
  now: () => number;
  /** Timed samples whose median is reported. */
  samples?: number;
  /** Each sample runs the forward pass until at least this many milliseconds have passed. */
  minSampleMs?: number;
}

/**
 * Nanoseconds per element of `forward` over `xs`: one warm-up pass (for the JIT), then
 * `samples` timed samples of as many whole passes as fill `minSampleMs` (browsers coarsen
 * performance.now to 0.1 ms, so one 100k pass alone would be timed to ±1 ns), and the median.
 */
export function measureForward(
  forward: (xs: Float64Array, out: Float64Array) => void,
  xs: Float64Array,
  { now, samples = 5, minSampleMs = 3 }: MeasureOptions,
): number {
  const out = new Float64Array(xs.length);
  let t0 = now();
  forward(xs, out);
  const once = Math.max(now() - t0, 1e-3);
  const passes = Math.max(1, Math.min(1000, Math.ceil(minSampleMs / once)));
  const perElement: number[] = [];
  for (let s = 0; s < samples; s++) {
    t0 = now();
    for (let p = 0; p < passes; p++) forward(xs, out);
    perElement.push(((now() - t0) * 1e6) / (passes * xs.length));
  }
  return median(perElement);
}
