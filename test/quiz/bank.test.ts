// The question bank: every file passes the schema, ids are unique and known, lesson links
// resolve (or name a planned lesson), and the bank covers what issue 10 asks for.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerKey, makeBank, pick } from '../../src/components/quiz/bank.ts';
import { questionSchema, topicSchema } from '../../src/components/quiz/schema.ts';
import { activationIds, vectorIds } from '../../src/lib/activations/index.ts';
import { isPlannedLesson, lessons, splitLessonRef } from '../../src/lib/choose/index.ts';
import { loadBank, loadTopics, rawTopics } from './load.ts';

const bank = loadBank();
const known = new Set<string>([...activationIds, ...vectorIds]);
const docs = new URL('../../src/content/docs/', import.meta.url);
const pageFile = (slug: string) =>
  ['.mdx', '.md'].map((ext) => new URL(`${slug}${ext}`, docs)).find((u) => existsSync(u));

const messages = (r: { error?: { issues: { message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.message).join(' | ');

const valid = {
  id: 'test-question',
  kind: 'single',
  prompt: 'Which activation is this about?',
  difficulty: 'easy',
  activations: ['relu'],
  lesson: 'functions/rectifiers',
  options: [
    { text: 'ReLU', activation: 'relu', correct: true, why: 'Because it is right.' },
    { text: 'Sigmoid', activation: 'sigmoid', why: 'Because it is wrong.' },
  ],
};

describe('the bank (src/content/quiz/*.yaml)', () => {
  it('passes the schema, file by file', () => {
    for (const { id, data } of rawTopics()) {
      const result = topicSchema.safeParse(data);
      expect(result.success, `${id}.yaml: ${result.error?.message}`).toBe(true);
    }
  });

  it('has at least 60 questions of every kind, in several topics', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(60);
    expect(bank.topics.length).toBeGreaterThanOrEqual(5);
    const kinds = new Set(bank.questions.map((q) => q.kind));
    expect([...kinds].sort()).toEqual(['assign', 'curve', 'multiple', 'single']);
    for (const d of ['easy', 'medium', 'hard'] as const) {
      expect(bank.questions.filter((q) => q.difficulty === d).length).toBeGreaterThan(5);
    }
  });

  it('covers the situations the issue lists', () => {
    const situations = bank.questions.flatMap((q) => [
      ...(q.situation ? [q.situation] : []),
      ...(q.kind === 'assign' ? q.layers.flatMap((l) => (l.situation ? [l.situation] : [])) : []),
    ]);
    const has = (pred: (s: (typeof situations)[number]) => boolean) => situations.some(pred);
    for (const a of [
      'mlp',
      'cnn',
      'rnn',
      'transformer',
      'llm',
      'snn',
      'gan-generator',
      'gan-discriminator',
    ] as const) {
      expect(
        has((s) => s.architecture === a),
        a,
      ).toBe(true);
    }
    for (const t of [
      'binary',
      'multi-class',
      'multi-label',
      'regression',
      'unit-interval',
      'symmetric-interval',
    ] as const) {
      expect(
        has((s) => s.layer === 'output' && s.task === t),
        t,
      ).toBe(true);
    }
    for (const c of [
      'mobile',
      'dead-units',
      'vanishing-gradients',
      'exploding-activations',
    ] as const) {
      expect(
        has((s) => s.constraints?.includes(c) ?? false),
        c,
      ).toBe(true);
    }
    expect(has((s) => s.layer === 'gate')).toBe(true);
    expect(has((s) => s.layer === 'candidate')).toBe(true);
    // Pairings with initialisation and loss have their own topic.
    expect(bank.topics.find((t) => t.id === 'pairings')?.ids.length).toBeGreaterThanOrEqual(5);
  });

  it('uses only catalogue ids, everywhere an id appears', () => {
    for (const q of bank.questions) {
      const ids = [
        ...q.activations,
        ...(q.kind === 'assign'
          ? [...q.layers.flatMap((l) => l.accept), ...q.choices.map((c) => c.activation)]
          : q.options.flatMap((o) => ('activation' in o && o.activation ? [o.activation] : []))),
      ];
      for (const id of ids) expect(known.has(id), `${q.id}: ${id}`).toBe(true);
    }
  });

  it('links every question to a lesson that exists or is planned, with section anchors that exist', () => {
    for (const q of bank.questions) {
      const { slug, anchor } = splitLessonRef(q.lesson);
      const file = pageFile(slug);
      expect(Boolean(file) || isPlannedLesson(q.lesson), `${q.id}: ${q.lesson}`).toBe(true);
      if (file && anchor) {
        const headings = readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => /^#{2,4} /.test(l))
          .map((l) =>
            l
              .replace(/^#+ /, '')
              .toLowerCase()
              .replace(/[^\p{L}\p{N} -]/gu, '')
              .replace(/ /g, '-'),
          );
        expect(headings, `${q.id}: #${anchor} in ${slug}`).toContain(anchor);
      }
    }
  });

  it('lists planned lessons under the curriculum’s part folders', () => {
    for (const slug of Object.keys(lessons)) {
      expect(slug).toMatch(/^(foundations|functions|gradients|architecture|practice)\/[a-z-]+$/);
    }
  });

  it('has an explanation for every option, layer and choice', () => {
    for (const q of bank.questions) {
      if (q.kind === 'assign') {
        for (const l of q.layers) expect(l.why.length).toBeGreaterThanOrEqual(10);
        for (const c of q.choices) expect(c.why.length).toBeGreaterThanOrEqual(10);
      } else {
        for (const o of q.options) expect(o.why.length).toBeGreaterThanOrEqual(10);
      }
    }
  });
});

describe('questionSchema', () => {
  it('accepts a valid question', () => {
    expect(questionSchema.safeParse(valid).success).toBe(true);
  });

  it('rejects an unknown activation id with a message naming it and the known ids', () => {
    const r = questionSchema.safeParse({ ...valid, activations: ['reluu'] });
    expect(r.success).toBe(false);
    expect(messages(r)).toContain('Unknown activation id "reluu"');
    expect(messages(r)).toContain('leaky-relu');
    const o = questionSchema.safeParse({
      ...valid,
      options: [{ ...valid.options[0], activation: 'swiglu' }, valid.options[1]],
    });
    expect(messages(o)).toContain('Unknown activation id "swiglu"');
  });

  it('rejects an unknown lesson, a situation with unknown values, and bad answer sets', () => {
    expect(messages(questionSchema.safeParse({ ...valid, lesson: 'functions/nope' }))).toContain(
      'Unknown lesson "functions/nope"',
    );
    expect(
      questionSchema.safeParse({ ...valid, situation: { layer: 'hidden', architecture: 'rbm' } })
        .success,
    ).toBe(false);
    const twoRight = valid.options.map((o) => ({ ...o, correct: true }));
    expect(messages(questionSchema.safeParse({ ...valid, options: twoRight }))).toContain(
      'exactly one correct',
    );
    expect(
      messages(
        questionSchema.safeParse({
          ...valid,
          kind: 'multiple',
          options: [...twoRight, twoRight[0]],
        }),
      ),
    ).toContain('at least one correct and one wrong');
  });

  it('rejects a curve of a vector function and an assign layer accepting an unoffered id', () => {
    const curve = {
      ...valid,
      kind: 'curve',
      options: [
        { activation: 'softmax', curve: 'f', correct: true, why: 'Not drawable as a curve.' },
        { activation: 'relu', curve: 'f', why: 'A drawable scalar.' },
      ],
    };
    expect(messages(questionSchema.safeParse(curve))).toContain(
      'Unknown scalar activation id "softmax"',
    );
    const assign = {
      ...valid,
      kind: 'assign',
      options: undefined,
      layers: [
        { label: 'Hidden', accept: ['relu'], why: 'The usual default.' },
        { label: 'Output', accept: ['softmax'], why: 'Exclusive classes.' },
      ],
      choices: [
        { activation: 'relu', why: 'Hidden layers.' },
        { activation: 'sigmoid', why: 'Binary outputs.' },
        { activation: 'tanh', why: 'Bounded outputs.' },
      ],
    };
    delete (assign as { options?: unknown }).options;
    expect(messages(questionSchema.safeParse(assign))).toContain(
      '"softmax", which is not among the choices',
    );
  });
});

describe('makeBank and pick', () => {
  it('rejects an id used twice across topics, naming both', () => {
    const topics = loadTopics();
    const copy = { id: 'zz-copy', data: { ...topics[0].data, order: 99 } };
    expect(() => makeBank([...topics, copy])).toThrow(
      `is used twice (topics "${topics[0].id}" and "zz-copy")`,
    );
  });

  it('picks questions by id, in the given order, and names unknown ids', () => {
    expect(pick(bank, ['out-binary', 'out-regression']).map((q) => q.id)).toEqual([
      'out-binary',
      'out-regression',
    ]);
    expect(() => pick(bank, ['out-binary', 'nope'])).toThrow('unknown question id(s) "nope"');
  });

  it('keeps topics in their order and questions in file order', () => {
    expect(bank.topics[0].id).toBe('hidden-layers');
    expect(bank.questions[0].topic).toBe('hidden-layers');
  });

  it('derives answer keys: indices for choices, accepted ids per layer', () => {
    expect(answerKey(bank.byId.get('hidden-sparse-outputs') as never)).toEqual(['0', '1', '2']);
    expect(answerKey(bank.byId.get('net-mlp-binary') as never)).toEqual([
      'relu|tanh',
      'relu|tanh',
      'sigmoid',
    ]);
  });
});
