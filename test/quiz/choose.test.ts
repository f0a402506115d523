// The selection helper's knowledge (src/lib/choose): every rule is reachable, every
// recommendation names catalogue ids, planned lessons and known sources, and odd input is
// normalised with a note instead of an exception.

import { describe, expect, it } from 'vitest';
import { escapeHtml, recommendationHtml } from '../../src/components/quiz/recommendation-html.ts';
import { activationIds, vectorIds } from '../../src/lib/activations/index.ts';
import {
  architectures,
  constraints,
  isPlannedLesson,
  layers,
  lessonHref,
  lessonTitle,
  normaliseSituation,
  recommend,
  ruleList,
  type Situation,
  sources,
  splitLessonRef,
  tasks,
} from '../../src/lib/choose/index.ts';

const known = new Set<string>([...activationIds, ...vectorIds]);

const everySituation: Situation[] = layers.flatMap((layer) =>
  architectures.flatMap((architecture) => [
    ...tasks.map((task) => ({ layer, architecture, task })),
    ...constraints.map((c) => ({ layer, architecture, constraints: [c] })),
    { layer, architecture, constraints: ['mobile', 'dead-units'] as const },
    { layer, architecture, constraints: ['dead-units', 'vanishing-gradients'] as const },
  ]),
);

describe('recommend(situation)', () => {
  it('reaches every rule', () => {
    const used = new Set(everySituation.map((s) => recommend(s).rule));
    expect([...used].sort()).toEqual(ruleList.map((r) => r.id).sort());
  });

  it('names only catalogue ids, planned lessons and known sources', () => {
    for (const s of everySituation) {
      const rec = recommend(s);
      for (const o of [rec.primary, ...rec.alternatives, ...rec.avoid]) {
        expect(known.has(o.id), `${rec.rule}: ${o.id}`).toBe(true);
        expect(o.why.length).toBeGreaterThan(5);
      }
      expect(rec.reasons.length).toBeGreaterThan(0);
      expect(rec.lessons.length).toBeGreaterThan(0);
      for (const l of rec.lessons) expect(isPlannedLesson(l), l).toBe(true);
      for (const k of rec.sources) expect(sources[k], k).toBeDefined();
    }
  });

  it('gives the course’s documented answers', () => {
    const id = (s: Partial<Situation>) => recommend(s).primary.id;
    expect(id({ layer: 'hidden', architecture: 'mlp' })).toBe('relu');
    expect(id({ layer: 'hidden', architecture: 'cnn', constraints: ['mobile'] })).toBe(
      'hard-swish',
    );
    expect(id({ layer: 'hidden', architecture: 'snn' })).toBe('selu');
    expect(id({ layer: 'hidden', architecture: 'transformer' })).toBe('gelu');
    expect(id({ layer: 'hidden', architecture: 'llm' })).toBe('silu');
    expect(id({ layer: 'gate', architecture: 'rnn' })).toBe('sigmoid');
    expect(id({ layer: 'candidate', architecture: 'rnn' })).toBe('tanh');
    expect(id({ layer: 'hidden', architecture: 'gan-discriminator' })).toBe('leaky-relu');
    expect(id({ layer: 'output', architecture: 'gan-generator' })).toBe('tanh');
    expect(id({ layer: 'output', task: 'multi-class' })).toBe('softmax');
    expect(id({ layer: 'output', task: 'multi-label' })).toBe('sigmoid');
    expect(id({ layer: 'output', task: 'regression' })).toBe('identity');
    expect(id({ layer: 'output', task: 'positive' })).toBe('softplus');
    expect(recommend({ layer: 'hidden', architecture: 'snn' }).pairing.init).toContain('LeCun');
    expect(recommend({ layer: 'hidden' }).pairing.init).toContain('He');
  });

  it('keeps ReLU for exploding activations but says to fix the scale first', () => {
    const rec = recommend({
      layer: 'hidden',
      architecture: 'mlp',
      constraints: ['exploding-activations'],
    });
    expect(rec.primary.id).toBe('relu');
    expect(rec.reasons[0]).toContain('initialisation');
    expect(rec.alternatives.map((a) => a.id)).toContain('relu6');
  });

  it('explains how it combined several constraints', () => {
    expect(
      recommend({ layer: 'hidden', architecture: 'cnn', constraints: ['mobile', 'dead-units'] })
        .notes,
    ).toHaveLength(1);
    expect(
      recommend({
        layer: 'hidden',
        architecture: 'mlp',
        constraints: ['dead-units', 'vanishing-gradients'],
      }).notes[0],
    ).toContain('both symptoms');
  });
});

describe('normaliseSituation(input)', () => {
  it('fills in defaults quietly for hidden layers', () => {
    expect(normaliseSituation({ layer: 'hidden' })).toEqual({
      situation: { layer: 'hidden', architecture: 'mlp', task: 'multi-class', constraints: [] },
      notes: [],
    });
    expect(normaliseSituation({})).toEqual(normaliseSituation({ layer: 'hidden' }));
  });

  it('says what it assumed or ignored', () => {
    const n = (s: Record<string, unknown>) =>
      normaliseSituation(s as Partial<Situation>).notes.join(' ');
    expect(n({ layer: 'output' })).toContain('No task given: assuming multi-class classification');
    expect(n({ layer: 'output', architecture: 'gan-generator' })).toContain('outputs in [−1, 1]');
    expect(n({ layer: 'gate', architecture: 'cnn' })).toContain('showing a recurrent network');
    expect(n({ layer: 'hidden', task: 'binary' })).toContain('ignored for this layer');
    expect(n({ layer: 'hidden', architecture: 'transformer', constraints: ['mobile'] })).toContain(
      'keeps its architecture’s convention',
    );
    expect(n({ layer: 'sideways' })).toContain('Unknown layer "sideways"');
    expect(n({ architecture: 'rbm' })).toContain('Unknown architecture "rbm"');
    expect(n({ layer: 'output', task: 'ranking' })).toContain('Unknown task "ranking"');
    expect(n({ constraints: ['fast', 'mobile', 'mobile'] })).toContain('Unknown constraint "fast"');
    expect(normaliseSituation({ constraints: ['mobile', 'mobile'] }).situation.constraints).toEqual(
      ['mobile'],
    );
  });
});

describe('lesson references', () => {
  it('split, link and name', () => {
    expect(splitLessonRef('/functions/output-layers/#softmax')).toEqual({
      slug: 'functions/output-layers',
      anchor: 'softmax',
    });
    expect(splitLessonRef('functions/output-layers').anchor).toBeUndefined();
    expect(lessonHref('functions/output-layers#softmax')).toBe('/functions/output-layers/#softmax');
    expect(lessonHref('functions/output-layers')).toBe('/functions/output-layers/');
    expect(lessonTitle('functions/output-layers#x')).toBe('Output layers');
    expect(lessonTitle('elsewhere/page')).toBe('elsewhere/page');
    expect(isPlannedLesson('elsewhere/page')).toBe(false);
  });
});

describe('recommendationHtml(rec)', () => {
  const rec = recommend({ layer: 'hidden', architecture: 'snn' });

  it('links only pages that exist, and marks the rest as coming', () => {
    const none = recommendationHtml(rec, { pages: new Set() });
    expect(none).toContain('Recommended: <strong>SELU</strong>');
    expect(none).toContain('The rectifier family (lesson coming soon)');
    expect(none).not.toContain('<a ');
    const some = recommendationHtml(rec, {
      pages: new Set(['functions/rectifiers', 'functions/selu']),
    });
    expect(some).toContain('<a href="/functions/rectifiers/">The rectifier family</a>');
    expect(some).toContain('<a href="/functions/selu/">SELU</a>');
    expect(some).toContain('arXiv:1706.02515');
    expect(some).toContain('Goes with');
  });

  it('does not send the reader to the page the helper is on', () => {
    const pages = new Set(rec.lessons.map((ref) => splitLessonRef(ref).slug));
    const [first, ...rest] = rec.lessons;
    const here = splitLessonRef(first).slug;
    const html = recommendationHtml(rec, { pages, here });
    expect(html).not.toContain(`href="/${here}/`);
    for (const ref of rest) expect(html).toContain(`href="${lessonHref(ref)}"`);
    const alone = recommend({ layer: 'hidden', architecture: 'mlp' });
    const only = splitLessonRef(alone.lessons[0]).slug;
    const single = recommendationHtml(
      { ...alone, lessons: [alone.lessons[0]] },
      { pages, here: only },
    );
    expect(single).not.toContain('Read more');
  });

  it("puts the site's base path in front of every link", () => {
    const html = recommendationHtml(rec, {
      pages: new Set(['functions/rectifiers', 'functions/selu']),
      base: '/nonlinear/',
    });
    expect(html).toContain('<a href="/nonlinear/functions/rectifiers/">The rectifier family</a>');
    expect(html).toContain('<a href="/nonlinear/functions/selu/">SELU</a>');
    expect(html).not.toMatch(/href="\/(?!nonlinear\/)/);
  });

  it('shows notes, and escapes text', () => {
    const html = recommendationHtml(recommend({ layer: 'gate', architecture: 'mlp' }), {
      pages: new Set(),
    });
    expect(html).toContain('nl-choose-notes');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
