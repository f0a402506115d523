// Rounds: the same seed gives the same questions in the same order; URL values are checked.

import { describe, expect, it } from 'vitest';
import {
  makeRound,
  maxSeed,
  mixedTopic,
  newSeed,
  parseRoundParams,
  poolOf,
  roundSize,
  shuffledIndices,
  sizeOf,
  stableSeed,
} from '../../src/components/quiz/round.ts';

const pool = Array.from({ length: 71 }, (_, i) => `q${i}`);
const topics = [
  { id: 'a', ids: ['a1', 'a2', 'a3'] },
  { id: 'b', ids: ['b1', 'b2'] },
];

describe('makeRound(pool, seed)', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(makeRound(pool, 42)).toEqual(makeRound(pool, 42));
    expect(makeRound(pool, 42)).not.toEqual(makeRound(pool, 43));
  });

  it('takes ten distinct questions from the pool and leaves the pool alone', () => {
    const copy = [...pool];
    const round = makeRound(pool, 7);
    expect(round).toHaveLength(roundSize);
    expect(new Set(round).size).toBe(roundSize);
    for (const id of round) expect(pool).toContain(id);
    expect(pool).toEqual(copy);
  });

  it('gives a whole topic, shuffled, when asked for its size', () => {
    const round = makeRound(topics[0].ids, 3, 3);
    expect([...round].sort()).toEqual(['a1', 'a2', 'a3']);
  });
});

describe('poolOf and sizeOf', () => {
  it('pools every topic for a mixed round, one topic otherwise', () => {
    expect(poolOf(topics, mixedTopic)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
    expect(poolOf(topics, 'b')).toEqual(['b1', 'b2']);
    expect(poolOf(topics, 'zz')).toEqual([]);
    expect(sizeOf(mixedTopic, pool)).toBe(10);
    expect(sizeOf(mixedTopic, ['x'])).toBe(1);
    expect(sizeOf('a', topics[0].ids)).toBe(3);
  });
});

describe('parseRoundParams(params)', () => {
  const parse = (q: string) => parseRoundParams(new URLSearchParams(q), ['a', 'b'], 99);

  it('names no round when the URL has none', () => {
    expect(parse('x=1')).toEqual({ problems: [] });
  });

  it('reads a topic and a seed', () => {
    expect(parse('quiz-topic=b&quiz-seed=12')).toEqual({
      round: { topic: 'b', seed: 12 },
      problems: [],
    });
    expect(parse('quiz-seed=5')).toEqual({ round: { topic: mixedTopic, seed: 5 }, problems: [] });
    expect(parse('quiz-topic=a')).toEqual({ round: { topic: 'a', seed: 99 }, problems: [] });
  });

  it('replaces bad values and explains them', () => {
    const r = parse('quiz-topic=zz&quiz-seed=1.5');
    expect(r.round).toEqual({ topic: mixedTopic, seed: 99 });
    expect(r.problems.join(' ')).toContain('Unknown quiz topic "zz"');
    expect(r.problems.join(' ')).toContain(`from 1 to ${maxSeed}`);
    expect(parse('quiz-seed=0').round?.seed).toBe(99);
    expect(parse(`quiz-seed=${maxSeed + 1}`).round?.seed).toBe(99);
    expect(parse('quiz-seed=-3').problems).toHaveLength(1);
  });

  it('honours another prefix', () => {
    const r = parseRoundParams(new URLSearchParams('l-seed=4'), ['a'], 1, 'l-');
    expect(r.round).toEqual({ topic: mixedTopic, seed: 4 });
  });
});

describe('seeds', () => {
  it('newSeed maps [0, 1) to whole numbers from 1 to 999999', () => {
    expect(newSeed(() => 0)).toBe(1);
    expect(newSeed(() => 0.999_999_9)).toBe(999_999);
  });

  it('stableSeed is a fixed 32-bit hash of a text', () => {
    expect(stableSeed('out-binary')).toBe(stableSeed('out-binary'));
    expect(stableSeed('out-binary')).not.toBe(stableSeed('out-multiclass'));
    expect(stableSeed('')).toBe(0x811c9dc5);
    expect(stableSeed('anything')).toBeLessThan(2 ** 32);
  });

  it('shuffledIndices is a permutation, fixed by its seed', () => {
    const p = shuffledIndices(6, 123);
    expect([...p].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(shuffledIndices(6, 123)).toEqual(p);
  });

  it('does not leave every correct option first once shuffled', () => {
    // The bank lists the right option first; the build shuffles options by the question id.
    const firsts = [
      'out-binary',
      'out-multiclass',
      'out-multilabel',
      'out-regression',
      'hidden-mlp-default',
    ].map((id) => shuffledIndices(4, stableSeed(id))[0]);
    expect(new Set(firsts).size).toBeGreaterThan(1);
  });
});
