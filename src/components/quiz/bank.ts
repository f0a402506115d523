// The question bank as one list: topics (one YAML file each) flattened, with the checks a
// schema cannot make across files (unique question ids).

import type { Question, Topic } from './schema.ts';

export type BankQuestion = Question & { topic: string };

export interface Bank {
  topics: { id: string; title: string; description: string; ids: string[] }[];
  questions: BankQuestion[];
  byId: Map<string, BankQuestion>;
}

/** Builds the bank from topic entries ({ id: file name, data }); throws on a repeated id. */
export function makeBank(entries: { id: string; data: Topic }[]): Bank {
  const sorted = [...entries].sort((a, b) => a.data.order - b.data.order || (a.id < b.id ? -1 : 1));
  const byId = new Map<string, BankQuestion>();
  const questions: BankQuestion[] = [];
  for (const { id: topic, data } of sorted) {
    for (const q of data.questions) {
      const previous = byId.get(q.id);
      if (previous) {
        throw new Error(
          `Quiz question id "${q.id}" is used twice (topics "${previous.topic}" and "${topic}")`,
        );
      }
      const question = { ...q, topic } as BankQuestion;
      byId.set(q.id, question);
      questions.push(question);
    }
  }
  return {
    topics: sorted.map(({ id, data }) => ({
      id,
      title: data.title,
      description: data.description,
      ids: data.questions.map((q) => q.id),
    })),
    questions,
    byId,
  };
}

/** The questions with the given ids, in that order; throws naming any unknown id. */
export function pick(bank: Bank, ids: readonly string[]): BankQuestion[] {
  const unknown = ids.filter((id) => !bank.byId.has(id));
  if (unknown.length > 0) {
    throw new Error(`Quiz: unknown question id(s) ${unknown.map((i) => `"${i}"`).join(', ')}`);
  }
  return ids.map((id) => bank.byId.get(id) as BankQuestion);
}

/** The correct answer of a question, in the form `grade` expects. */
export function answerKey(q: Question): string[] {
  if (q.kind === 'assign') return q.layers.map((l) => l.accept.join('|'));
  return q.options.flatMap((o, i) => (o.correct ? [String(i)] : []));
}
