// Rounds: which questions, in which order. A round is fixed by its topic and seed, both in
// the URL, so a link shares exactly the same questions in the same order.

import { seeded } from '../../lib/random/index.ts';
import { shuffle } from '../../lib/random/shuffle.ts';

export const roundSize = 10;
export const mixedTopic = 'mixed';
export const maxSeed = 2 ** 31 - 1;

/** The ids of a round: the pool shuffled by `seed`, the first `size` of them. */
export function makeRound(pool: readonly string[], seed: number, size = roundSize): string[] {
  return shuffle([...pool], seeded(seed)).slice(0, size);
}

/** The pool of a topic: every question of that topic, or every question for a mixed round. */
export function poolOf(
  topics: readonly { id: string; ids: readonly string[] }[],
  topic: string,
): string[] {
  if (topic === mixedTopic) return topics.flatMap((t) => t.ids);
  return [...(topics.find((t) => t.id === topic)?.ids ?? [])];
}

/** A round's size: ten for a mixed round, the whole topic otherwise. */
export function sizeOf(topic: string, pool: readonly string[]): number {
  return topic === mixedTopic ? Math.min(roundSize, pool.length) : pool.length;
}

export interface RoundParams {
  topic: string;
  seed: number;
}

/**
 * Reads `<prefix>topic` and `<prefix>seed`. Undefined when the URL names no round; a bad
 * value is replaced (unknown topic: mixed; bad seed: `fallbackSeed`) and explained.
 */
export function parseRoundParams(
  params: URLSearchParams,
  topicIds: readonly string[],
  fallbackSeed: number,
  prefix = 'quiz-',
): { round?: RoundParams; problems: string[] } {
  const topicText = params.get(`${prefix}topic`);
  const seedText = params.get(`${prefix}seed`);
  if (topicText === null && seedText === null) return { problems: [] };
  const problems: string[] = [];
  let topic = topicText ?? mixedTopic;
  if (topic !== mixedTopic && !topicIds.includes(topic)) {
    problems.push(`Unknown quiz topic "${topic}": showing a mixed round.`);
    topic = mixedTopic;
  }
  let seed = Number(seedText);
  if (seedText === null || !/^\d+$/.test(seedText) || seed < 1 || seed > maxSeed) {
    if (seedText !== null) {
      problems.push(
        `The round number must be a whole number from 1 to ${maxSeed}; showing round ${fallbackSeed}.`,
      );
    }
    seed = fallbackSeed;
  }
  return { round: { topic, seed }, problems };
}

/** A fresh seed for a new round (from the caller's randomness, e.g. Math.random). */
export function newSeed(random: () => number): number {
  return 1 + Math.floor(random() * 999_999);
}

/** A stable seed from a text (FNV-1a), for orders fixed at build time (options of a question). */
export function stableSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** 0..n-1 shuffled by a seed. */
export function shuffledIndices(n: number, seed: number): number[] {
  return shuffle(
    Array.from({ length: n }, (_, i) => i),
    seeded(seed),
  );
}
