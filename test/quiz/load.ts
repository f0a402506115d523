// Reads the question bank as the build does: every src/content/quiz/*.yaml through js-yaml
// (the parser Astro's loaders use) and the collection's zod schema.

import { readdirSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { makeBank } from '../../src/components/quiz/bank.ts';
import { type Topic, topicSchema } from '../../src/components/quiz/schema.ts';

export const quizDir = new URL('../../src/content/quiz/', import.meta.url);

export function rawTopics(): { id: string; data: unknown }[] {
  return readdirSync(quizDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({
      id: f.replace(/\.yaml$/, ''),
      data: load(readFileSync(new URL(f, quizDir), 'utf8')),
    }));
}

export function loadTopics(): { id: string; data: Topic }[] {
  return rawTopics().map(({ id, data }) => {
    const result = topicSchema.safeParse(data);
    if (!result.success) throw new Error(`${id}.yaml: ${result.error.message}`);
    return { id, data: result.data };
  });
}

export const loadBank = () => makeBank(loadTopics());
