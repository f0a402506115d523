import { describe, expect, it } from 'vitest';
import { grade } from '../../src/components/quiz/grade.ts';

describe('grade(kind, key, response)', () => {
  it('single and curve: the one right index', () => {
    expect(grade('single', ['2'], ['2'])).toBe(true);
    expect(grade('single', ['2'], ['1'])).toBe(false);
    expect(grade('single', ['2'], [])).toBe(false);
    expect(grade('curve', ['0'], ['0'])).toBe(true);
  });

  it('multiple: exactly the right set, in any order', () => {
    expect(grade('multiple', ['0', '2'], ['2', '0'])).toBe(true);
    expect(grade('multiple', ['0', '2'], ['0'])).toBe(false);
    expect(grade('multiple', ['0', '2'], ['0', '1', '2'])).toBe(false);
    expect(grade('multiple', ['0', '2'], ['0', '0', '2'])).toBe(true);
  });

  it('assign: an accepted id for every layer', () => {
    expect(grade('assign', ['relu|tanh', 'sigmoid'], ['tanh', 'sigmoid'])).toBe(true);
    expect(grade('assign', ['relu|tanh', 'sigmoid'], ['relu', 'softmax'])).toBe(false);
    expect(grade('assign', ['relu', 'sigmoid'], ['relu'])).toBe(false);
  });
});
