// Figure: the compare table, every scalar function of the catalogue with its properties,
// defaults and source, one row each. Pure: the rows (text and sort values) come from the
// catalogue; the .astro file renders them and the widget's element only reorders them.

import {
  type Activation,
  type ActivationId,
  activationIds,
  activations,
  type Citation,
  type Properties,
  type RangeEnd,
} from '../../lib/activations/index.ts';
import { randomUniform, seeded } from '../../lib/random/index.ts';
import { type CompareSortKey, formatCost, type SortValue } from './compare-table-state.ts';

export * from './compare-table-state.ts';

/** One row of the table: what each cell shows and what it sorts by. */
export interface CompareRow {
  id: ActivationId;
  name: string;
  /** KaTeX source of f. */
  tex: string;
  range: string;
  zeroCentred: string;
  monotonic: string;
  smoothness: string;
  saturation: string;
  sparse: string;
  pytorch: string;
  keras: string;
  /** A note on the defaults (where the libraries differ), if the catalogue has one. */
  defaultsNote: string;
  year: number;
  citation: CompareCitation | null;
  sort: Record<Exclude<CompareSortKey, 'cost'>, SortValue>;
}

export interface CompareCitation {
  /** "Nair & Hinton", "Rumelhart et al." */
  authors: string;
  title: string;
  venue: string;
  year: number;
  /** https://arxiv.org/abs/<id> when the catalogue has an arXiv id. */
  url?: string;
}

const monotonicText: Record<Properties['monotonic'], string> = {
  strict: 'strictly increasing',
  weak: 'non-decreasing',
  none: 'no',
};
const monotonicRank: Record<Properties['monotonic'], number> = { none: 0, weak: 1, strict: 2 };

const smoothnessText: Record<Properties['smoothness'], string> = {
  C0: 'C⁰ (kinks)',
  C1: 'C¹',
  Cinf: 'C^∞',
};
const smoothnessRank: Record<Properties['smoothness'], number> = { C0: 0, C1: 1, Cinf: 2 };

const saturationText: Record<Properties['saturation'], string> = {
  none: 'no',
  negative: 'negative side',
  positive: 'positive side',
  both: 'both sides',
};
const saturationRank: Record<Properties['saturation'], number> = {
  none: 0,
  negative: 1,
  positive: 1,
  both: 2,
};

/** A range end as text: "−∞", "0", "−0.16997" (five significant figures, Unicode minus). */
export function formatEnd(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '∞';
  if (value === Number.NEGATIVE_INFINITY) return '−∞';
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(5)));
  return text.replace('-', '−');
}

/** An output range with its open and closed ends: "(0, 1)", "[0, ∞)", "(−∞, ∞)". */
export function formatRange({ lo, hi }: { lo: RangeEnd; hi: RangeEnd }): string {
  const open = lo.closed && Number.isFinite(lo.value) ? '[' : '(';
  const close = hi.closed && Number.isFinite(hi.value) ? ']' : ')';
  return `${open}${formatEnd(lo.value)}, ${formatEnd(hi.value)}${close}`;
}

/** Surnames, shortened as a reference list would: "Nair & Hinton", "Clevert et al.". */
export function shortAuthors(authors: readonly string[]): string {
  const surname = (a: string) => a.trim().split(/\s+/).at(-1) as string;
  if (authors.length === 0) return '';
  if (authors.length === 1) return surname(authors[0]);
  if (authors.length === 2) return `${surname(authors[0])} & ${surname(authors[1])}`;
  return `${surname(authors[0])} et al.`;
}

function citationOf(c: Citation | null): CompareCitation | null {
  if (c === null) return null;
  return {
    authors: shortAuthors(c.authors),
    title: c.title,
    venue: c.venue,
    year: c.year,
    ...(c.arxiv ? { url: `https://arxiv.org/abs/${c.arxiv}` } : {}),
  };
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** The row of one catalogue entry. */
export function compareRow(a: Activation, index = 0): CompareRow {
  const p = a.properties;
  return {
    id: a.id as ActivationId,
    name: a.name,
    tex: a.tex.f,
    range: formatRange(p.range),
    zeroCentred: yesNo(p.zeroCentred),
    monotonic: monotonicText[p.monotonic],
    smoothness: smoothnessText[p.smoothness],
    saturation: saturationText[p.saturation],
    sparse: yesNo(p.sparse),
    pytorch: a.defaults.pytorch ?? '—',
    keras: a.defaults.keras ?? '—',
    defaultsNote: a.defaults.note ?? '',
    year: a.year,
    citation: citationOf(a.citation),
    sort: {
      catalogue: index,
      name: a.name,
      // By the lower end, then the upper: (−∞, ∞) first, [0, 6] before [0, ∞).
      range: p.range.lo.value + Math.atan(p.range.hi.value) * 1e-6,
      'zero-centred': Number(p.zeroCentred),
      monotonic: monotonicRank[p.monotonic],
      smoothness: smoothnessRank[p.smoothness],
      saturation: saturationRank[p.saturation],
      sparse: Number(p.sparse),
      year: a.year,
    },
  };
}

/** Every scalar function of the catalogue (or those listed), in catalogue order. */
export function compareRows(ids: readonly ActivationId[] = activationIds): CompareRow[] {
  return ids.map((id, i) => compareRow(activations[id], i));
}

/**
 * The inputs the cost is measured on: 100 000 seeded numbers uniform in [−6, 6], so every
 * branch of the piecewise functions is taken (and branch prediction cannot learn a pattern).
 */
export function costInputs(n = 100_000, seed = 1): Float64Array {
  const u = randomUniform(seeded(seed), -6, 6);
  return Float64Array.from({ length: n }, u);
}

/** A one-sentence summary of measured costs: the cheapest and the dearest function. */
export function describeCosts(costs: ReadonlyMap<string, number>, names: Record<string, string>) {
  const entries = [...costs].filter(([, ns]) => Number.isFinite(ns));
  if (entries.length === 0) return 'Not measured yet.';
  entries.sort((a, b) => a[1] - b[1]);
  const [cheap, cheapNs] = entries[0];
  const [dear, dearNs] = entries[entries.length - 1];
  return `Measured in your browser (ns per element, median of 5): cheapest ${names[cheap] ?? cheap} ${formatCost(cheapNs)}, dearest ${names[dear] ?? dear} ${formatCost(dearNs)}.`;
}
