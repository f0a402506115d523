// Grading, without the DOM: a response is a list of strings (option indices for choice and
// curve questions, one activation id per layer for assign questions).

import type { QuestionKind } from './schema.ts';

/**
 * Whether `response` answers a question of `kind` whose key is `key` (from answerKey):
 * single and curve: the one right index; multiple: exactly the right set;
 * assign: per layer, one of the accepted ids (`a|b`).
 */
export function grade(kind: QuestionKind, key: readonly string[], response: readonly string[]) {
  if (kind === 'assign') {
    return (
      response.length === key.length && key.every((k, i) => k.split('|').includes(response[i]))
    );
  }
  const chosen = [...new Set(response)].sort();
  const right = [...key].sort();
  return chosen.length === right.length && chosen.every((c, i) => c === right[i]);
}
