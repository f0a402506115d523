import { describe, expect, it } from 'vitest';
import { renderToString } from '../../src/components/figures/render.ts';
import {
  describeTimeline,
  fullCitation,
  type Milestone,
  shortCitation,
  surname,
  timelineEvents,
  timelineFigure,
  yearDiscrepancies,
} from '../../src/components/figures/timeline.ts';
import { milestones } from '../../src/components/history/milestones.ts';
import { type ActivationInfo, activations, catalogue } from '../../src/lib/activations/index.ts';
import { normaliseSvg } from './snapshot.ts';

const exclude = ['log-sigmoid', 'log-softmax'];

describe('surname(author) and shortCitation(citation)', () => {
  it('takes the last word of a name', () => {
    expect(surname('V. Nair')).toBe('Nair');
    expect(surname('K.-R. Müller')).toBe('Müller');
    expect(surname(' Q. V. Le ')).toBe('Le');
  });

  it('writes one author, two with &, more with et al., then the citation year', () => {
    expect(shortCitation(activations.relu6.citation)).toBe('Krizhevsky 2010');
    expect(shortCitation(activations.relu.citation)).toBe('Nair & Hinton 2010');
    expect(shortCitation(activations.elu.citation)).toBe('Clevert et al. 2016');
    expect(shortCitation(null)).toBe('no citation in the catalogue');
  });

  it('writes a full reference with the arXiv id where there is one, the year once', () => {
    expect(fullCitation(activations.mish.citation as NonNullable<ActivationInfo['citation']>)).toBe(
      'D. Misra. Mish: A Self Regularized Non-Monotonic Activation Function. BMVC 2020, arXiv:1908.08681.',
    );
    expect(fullCitation(milestones[0].citation)).toBe(
      'W. S. McCulloch, W. Pitts. A logical calculus of the ideas immanent in nervous activity. Bulletin of Mathematical Biophysics 5, pp. 115–133, 1943.',
    );
    expect(fullCitation(activations.gelu.citation as NonNullable<ActivationInfo['citation']>)).toBe(
      'D. Hendrycks, K. Gimpel. Gaussian Error Linear Units (GELUs). arXiv preprint, 2016, arXiv:1606.08415.',
    );
  });
});

describe('timelineEvents(entries, milestones, options)', () => {
  const events = timelineEvents(catalogue, milestones, { exclude });

  it('sorts by year, milestones first within a year, then catalogue order', () => {
    const years = events.map((e) => e.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(events[0].key).toBe('threshold-unit');
    expect(events.at(-1)?.key).toBe('glu-variants');
    const y2010 = events.filter((e) => e.year === 2010).map((e) => e.key);
    expect(y2010).toEqual(['softsign', 'relu', 'relu6']);
    const y1969 = events.filter((e) => e.year === 1969).map((e) => e.key);
    expect(y1969).toEqual(['perceptrons-book', 'analog-threshold']);
  });

  it('takes every year and citation from the catalogue', () => {
    for (const e of events.filter((x) => x.kind === 'function')) {
      for (const id of e.ids) {
        const entry = catalogue.find((c) => c.id === id) as ActivationInfo;
        expect(e.year).toBe(entry.year);
        expect(e.citation).toEqual(entry.citation);
      }
    }
    const relu = events.find((e) => e.key === 'relu');
    expect(relu).toMatchObject({ year: 2010, cite: 'Nair & Hinton 2010', family: 'rectifier' });
  });

  it('shares a row between entries of the same year and paper, never between uncited ones', () => {
    const gelu = events.find((e) => e.key === 'gelu');
    expect(gelu?.ids).toEqual(['gelu', 'gelu-tanh']);
    expect(gelu?.label).toBe('GELU, GELU (tanh approximation)');
    const mobile = events.find((e) => e.key === 'hard-sigmoid');
    expect(mobile?.ids).toEqual(['hard-sigmoid', 'hard-swish']);
    const all = timelineEvents(catalogue);
    expect(all.find((e) => e.key === 'softmax')?.ids).toEqual(['softmax', 'log-softmax']);
    // log-sigmoid has no citation and the sigmoid's year: a row of its own.
    expect(all.find((e) => e.key === 'log-sigmoid')?.ids).toEqual(['log-sigmoid']);
    expect(all.find((e) => e.key === 'log-sigmoid')?.cite).toBe('no citation in the catalogue');
  });

  it('covers every catalogue entry exactly once, less the excluded ones', () => {
    const drawn = events.flatMap((e) => e.ids).sort();
    const expected = catalogue
      .map((c) => c.id)
      .filter((id) => !exclude.includes(id))
      .sort();
    expect(drawn).toEqual(expected);
    expect(events.filter((e) => e.kind === 'milestone')).toHaveLength(milestones.length);
  });

  it('rejects bad input with a clear message', () => {
    const m = milestones[0];
    expect(() => timelineEvents(catalogue, [], { exclude: ['nope'] })).toThrow(
      'cannot exclude "nope"',
    );
    expect(() => timelineEvents(catalogue, [{ ...m, key: 'relu' }])).toThrow(
      'milestone key "relu" is used twice or names a catalogue id',
    );
    expect(() => timelineEvents([], [m, m])).toThrow('used twice');
    expect(() => timelineEvents([], [{ ...m, key: 'Bad Key' }])).toThrow('lower-case words');
    expect(() => timelineEvents([], [{ ...m, year: 1066 }])).toThrow(
      'milestone "threshold-unit" has year 1066',
    );
    const noAuthors: Milestone = { ...m, citation: { ...m.citation, authors: [] } };
    expect(() => timelineEvents([], [noAuthors])).toThrow('needs a citation with authors');
    const future = { ...activations.relu, year: 2030.5 };
    expect(() => timelineEvents([future])).toThrow('catalogue entry "relu" has year 2030.5');
  });
});

describe('yearDiscrepancies(entries)', () => {
  it('lists entries whose year is not their citation’s, or that have no citation', () => {
    const d = yearDiscrepancies(catalogue);
    expect(d).toContainEqual({ id: 'elu', year: 2015, citationYear: 2016 });
    expect(d).toContainEqual({ id: 'hard-tanh', year: 2004, citationYear: null });
    expect(d.map((x) => x.id)).not.toContain('relu');
  });
});

describe('describeTimeline(events)', () => {
  it('states the count, the span and the events per decade', () => {
    const text = describeTimeline(timelineEvents(catalogue, milestones, { exclude }));
    expect(text).toMatch(/^\d+ events from 1943 to 2020, \d+ of them catalogue functions and 9/);
    expect(text).toContain('1940s: 1, 1950s: 1, 1960s: 3');
    expect(describeTimeline([])).toBe('An empty timeline.');
  });
});

describe('timelineFigure(events, options)', () => {
  const events = timelineEvents(catalogue, milestones, { exclude });

  it('has a row per event, a label per row and the description', () => {
    const options = timelineFigure(events);
    expect(options.height).toBe(8 + 34 + 20 * events.length);
    expect(options.ariaDescription).toBe(describeTimeline(events));
    const svg = renderToString(options);
    expect(svg.match(/nl-timeline-function/g)).toHaveLength(1);
    expect((svg.match(/<circle/g) ?? []).length).toBe(
      events.filter((e) => e.kind === 'function').length,
    );
    expect(svg).toContain('Threshold unit (step)');
    expect(svg).toContain('GELU, GELU (tanh approximation)');
  });

  it('draws an empty timeline without failing', () => {
    expect(timelineFigure([]).height).toBe(8 + 34 + 20);
  });

  for (const [name, width] of [
    ['wide', 720],
    ['narrow', 360],
  ] as const) {
    it(`draws the lesson's timeline, ${name}`, async () => {
      const svg = renderToString(timelineFigure(events, { width }));
      await expect(normaliseSvg(svg)).toMatchFileSnapshot(`../output/timeline-${name}.svg`);
    });
  }
});
