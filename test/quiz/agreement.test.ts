// One source of knowledge: wherever a question declares the situation it is about, its
// correct answer must be the selection helper's recommendation, and never one the helper
// advises against.

import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/lib/choose/index.ts';
import { loadBank } from './load.ts';

const bank = loadBank();

describe('quiz answers agree with the selection helper', () => {
  const cases = bank.questions.flatMap((q) => {
    if (q.kind === 'assign') {
      return q.layers.flatMap((l) =>
        l.situation
          ? [{ name: `${q.id} / ${l.label}`, situation: l.situation, right: l.accept }]
          : [],
      );
    }
    if (!q.situation) return [];
    const right = q.options.flatMap((o) =>
      o.correct && 'text' in o && o.activation
        ? [o.activation]
        : o.correct && !('text' in o)
          ? [o.activation]
          : [],
    );
    return [{ name: q.id, situation: q.situation, right }];
  });

  it('has many questions that declare a situation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const { name, situation, right } of cases) {
    it(`${name}: ${JSON.stringify(situation)}`, () => {
      const rec = recommend(situation);
      expect(right.length, 'the correct answer names an activation').toBeGreaterThan(0);
      expect(right, `helper recommends ${rec.primary.id}`).toContain(rec.primary.id);
      const avoided = rec.avoid
        .map((a) => a.id)
        .filter((id) => !rec.alternatives.some((b) => b.id === id));
      for (const id of right) expect(avoided).not.toContain(id);
      expect(rec.notes, 'the situation is one the helper takes as given').toEqual([]);
    });
  }
});
