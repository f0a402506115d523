// The history timeline: every catalogue entry placed at its `year` with its `citation`, plus
// a few events that are not functions of the catalogue (the threshold unit, the perceptron,
// gated linear units), drawn as a dot plot with one row per event. Pure: catalogue entries
// and milestones in, sorted events and Plot options out (rendered to SVG at build time).
//
//   const events = timelineEvents(catalogue, milestones, { exclude: ['log-sigmoid'] });
//   renderToString(timelineFigure(events));

import * as Plot from '@observablehq/plot';
import type { ActivationInfo, Citation, Family } from '../../lib/activations/index.ts';

/** An event that is not a catalogue entry, with the primary source it rests on. */
export interface Milestone {
  /** Lower-case words joined by -, unique, and not a catalogue id. */
  key: string;
  label: string;
  year: number;
  citation: Citation;
  /** One sentence: what it did. */
  note: string;
}

export interface TimelineEvent {
  key: string;
  /** The catalogue names joined ("GELU, GELU (tanh approximation)") or the milestone label. */
  label: string;
  /** The catalogue's `year` (first public version) or the milestone's. */
  year: number;
  kind: 'function' | 'milestone';
  /** Catalogue ids drawn in this row (empty for a milestone). */
  ids: string[];
  family: Family | null;
  citation: Citation | null;
  /** "Nair & Hinton 2010", "Clevert et al. 2016", or "no citation in the catalogue". */
  cite: string;
  note?: string;
}

export interface TimelineOptions {
  /** Catalogue ids to leave out (derived forms such as log-sigmoid). Unknown ids throw. */
  exclude?: readonly string[];
}

/** The years the figure's axis spans; events outside it are rejected. */
export const timelineDomain = [1940, 2025] as const;

const keyPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The family name of an author written "V. Nair" or "K.-R. Müller": the last word. */
export function surname(author: string): string {
  const words = author.trim().split(/\s+/);
  return words[words.length - 1];
}

/** A short citation: one author, "A & B", or "A et al.", then the citation's year. */
export function shortCitation(citation: Citation | null): string {
  if (!citation) return 'no citation in the catalogue';
  const names = citation.authors.map(surname);
  const who =
    names.length === 1
      ? names[0]
      : names.length === 2
        ? `${names[0]} & ${names[1]}`
        : `${names[0]} et al.`;
  return `${who} ${citation.year}`;
}

/** The full reference: authors, title, venue, year (unless the venue names it) and arXiv id. */
export function fullCitation(citation: Citation): string {
  const arxiv = citation.arxiv ? `, arXiv:${citation.arxiv}` : '';
  // "BMVC 2020" already says the year; "arXiv preprint" does not.
  const year = citation.venue.includes(String(citation.year)) ? '' : `, ${citation.year}`;
  return `${citation.authors.join(', ')}. ${citation.title}. ${citation.venue}${year}${arxiv}.`;
}

function checkYear(what: string, year: number): void {
  const [lo, hi] = timelineDomain;
  if (!Number.isInteger(year) || year < lo || year > hi) {
    throw new Error(
      `Timeline: ${what} has year ${year}; expected a whole year from ${lo} to ${hi}`,
    );
  }
}

/**
 * The timeline's rows, sorted by year. Catalogue entries of the same year and the same cited
 * paper share a row (GELU and its tanh form; softmax and log-softmax); an entry without a
 * citation has a row of its own. Within a year, milestones come first, then catalogue order.
 */
export function timelineEvents(
  entries: readonly ActivationInfo[],
  milestones: readonly Milestone[] = [],
  options: TimelineOptions = {},
): TimelineEvent[] {
  const exclude = new Set(options.exclude ?? []);
  const ids = new Set(entries.map((e) => e.id));
  for (const id of exclude) {
    if (!ids.has(id)) throw new Error(`Timeline: cannot exclude "${id}", not a catalogue id`);
  }

  const rows: (TimelineEvent & { order: number })[] = [];
  const byPaper = new Map<string, TimelineEvent & { order: number }>();
  entries.forEach((e, i) => {
    if (exclude.has(e.id)) return;
    checkYear(`catalogue entry "${e.id}"`, e.year);
    const paper = e.citation ? `${e.year}|${e.citation.title}` : null;
    const shared = paper ? byPaper.get(paper) : undefined;
    if (shared) {
      shared.ids.push(e.id);
      shared.label = `${shared.label}, ${e.name}`;
      return;
    }
    const row = {
      key: e.id,
      label: e.name,
      year: e.year,
      kind: 'function' as const,
      ids: [e.id],
      family: e.family,
      citation: e.citation,
      cite: shortCitation(e.citation),
      order: 1000 + i,
    };
    rows.push(row);
    if (paper) byPaper.set(paper, row);
  });

  const keys = new Set(rows.map((r) => r.key));
  milestones.forEach((m, i) => {
    if (!keyPattern.test(m.key)) {
      throw new Error(`Timeline: milestone key "${m.key}" must be lower-case words joined by -`);
    }
    if (ids.has(m.key) || keys.has(m.key)) {
      throw new Error(`Timeline: milestone key "${m.key}" is used twice or names a catalogue id`);
    }
    if (m.citation.authors.length === 0) {
      throw new Error(`Timeline: milestone "${m.key}" needs a citation with authors`);
    }
    checkYear(`milestone "${m.key}"`, m.year);
    keys.add(m.key);
    rows.push({
      key: m.key,
      label: m.label,
      year: m.year,
      kind: 'milestone',
      ids: [],
      family: null,
      citation: m.citation,
      cite: shortCitation(m.citation),
      note: m.note,
      order: i,
    });
  });

  return rows
    .sort((a, b) => a.year - b.year || a.order - b.order)
    .map(({ order: _order, ...event }) => event);
}

/**
 * Where the catalogue's `year` and its citation's year differ, or there is no citation: the
 * rows a reader should read with care (the year is then the first public version, such as an
 * arXiv preprint, or the first use, and the citation a later publication).
 */
export function yearDiscrepancies(entries: readonly ActivationInfo[]): {
  id: string;
  year: number;
  citationYear: number | null;
}[] {
  return entries
    .filter((e) => !e.citation || e.citation.year !== e.year)
    .map((e) => ({ id: e.id, year: e.year, citationYear: e.citation?.year ?? null }));
}

/** The text alternative of the figure: how many events, over which years, per decade. */
export function describeTimeline(events: readonly TimelineEvent[]): string {
  if (events.length === 0) return 'An empty timeline.';
  const decades = new Map<number, number>();
  for (const e of events) {
    const d = Math.floor(e.year / 10) * 10;
    decades.set(d, (decades.get(d) ?? 0) + 1);
  }
  const functions = events.filter((e) => e.kind === 'function').length;
  const perDecade = [...decades]
    .sort((a, b) => a[0] - b[0])
    .map(([d, n]) => `${d}s: ${n}`)
    .join(', ');
  return (
    `${events.length} events from ${events[0].year} to ${events[events.length - 1].year}, ` +
    `${functions} of them catalogue functions and ${events.length - functions} other milestones. ` +
    `Events per decade: ${perDecade}. The table after the figure lists every event with its source.`
  );
}

export interface TimelineFigureOptions {
  /** Width in pixels; below 480 the figure uses smaller type and margins (phones). */
  width?: number;
}

/**
 * Plot options for the timeline: one row per event, a line from the left edge to the event's
 * year, a filled dot for a catalogue function and a hollow diamond for another milestone,
 * and the year written beside it. Colours are CSS variables (light and dark themes).
 */
export function timelineFigure(
  events: readonly TimelineEvent[],
  options: TimelineFigureOptions = {},
): Plot.PlotOptions {
  const width = options.width ?? 720;
  const narrow = width < 480;
  const row = narrow ? 17 : 20;
  const fontSize = narrow ? 10 : 12;
  const marginTop = 8;
  const marginBottom = 34;
  const labels = new Map(events.map((e) => [e.key, e.label]));
  const longest = Math.max(0, ...events.map((e) => e.label.length));
  const marginLeft = Math.min(
    Math.round(width * (narrow ? 0.5 : 0.4)),
    Math.round(longest * fontSize * 0.56) + 12,
  );
  const [lo, hi] = timelineDomain;
  const functions = events.filter((e) => e.kind === 'function');
  const milestones = events.filter((e) => e.kind === 'milestone');
  return {
    width,
    height: marginTop + marginBottom + row * Math.max(1, events.length),
    marginTop,
    marginBottom,
    marginLeft,
    marginRight: narrow ? 30 : 36,
    style: { fontSize: `${fontSize}px`, background: 'transparent' },
    ariaLabel: 'Timeline of activation functions and related milestones, 1943 to 2020',
    ariaDescription: describeTimeline(events),
    x: {
      domain: [lo, hi],
      ticks: narrow ? [1940, 1980, 2020] : [1940, 1960, 1980, 2000, 2020],
      tickFormat: 'd',
      grid: true,
      label: 'year',
      labelAnchor: 'right',
      labelArrow: 'none',
    },
    y: {
      domain: events.map((e) => e.key),
      tickFormat: (key: string) => labels.get(key) ?? key,
      tickSize: 0,
      label: null,
    },
    marks: [
      Plot.ruleY(events, {
        y: 'key',
        x1: lo,
        x2: 'year',
        stroke: 'var(--nl-axis)',
        strokeOpacity: 0.45,
        ariaHidden: 'true',
      }),
      Plot.dot(functions, {
        x: 'year',
        y: 'key',
        r: narrow ? 4 : 5,
        fill: 'var(--nl-series-1)',
        stroke: 'var(--nl-series-1)',
        className: 'nl-timeline-function',
        ariaHidden: 'true',
      }),
      Plot.dot(milestones, {
        x: 'year',
        y: 'key',
        r: narrow ? 4.5 : 5.5,
        symbol: 'diamond',
        fill: 'none',
        stroke: 'var(--nl-series-2)',
        strokeWidth: 2,
        className: 'nl-timeline-milestone',
        ariaHidden: 'true',
      }),
      Plot.text(events, {
        x: 'year',
        y: 'key',
        text: (e: TimelineEvent) => String(e.year),
        dx: narrow ? 7 : 9,
        textAnchor: 'start',
        fill: 'currentColor',
        ariaHidden: 'true',
      }),
    ],
  };
}
