import { describe, expect, it } from 'vitest';
import {
  browserProblems,
  firstLine,
  type PlaywrightReport,
  type UnitReport,
  unitProblems,
} from '../../scripts/test-digest.ts';

describe('firstLine', () => {
  it('keeps the first non-blank line without terminal colours', () => {
    expect(firstLine('\n  \u001b[31mError: expected 3\u001b[39m to be 4\nat foo.ts:1')).toBe(
      'Error: expected 3 to be 4',
    );
  });
  it('says so when there is no message, and cuts long lines', () => {
    expect(firstLine(undefined)).toBe('no message');
    expect(firstLine(' \n ')).toBe('no message');
    expect(firstLine('x'.repeat(500))).toHaveLength(300);
  });
});

describe('unitProblems', () => {
  it('names failed assertions and files that did not load, and nothing else', () => {
    const report: UnitReport = {
      numPassedTests: 1,
      numFailedTests: 1,
      testResults: [
        {
          name: '/repo/test/a.test.ts',
          message: '',
          assertionResults: [
            { status: 'passed', fullName: 'a works', failureMessages: [] },
            {
              status: 'failed',
              fullName: 'a breaks',
              failureMessages: ['AssertionError: no\n  at'],
            },
          ],
        },
        { name: '/repo/test/b.test.ts', message: 'SyntaxError: bad', assertionResults: [] },
      ],
    };
    expect(unitProblems(report)).toEqual([
      'unit: failed: a breaks: AssertionError: no',
      'unit: failed: /repo/test/b.test.ts: SyntaxError: bad',
    ]);
  });
});

describe('browserProblems', () => {
  const spec = (title: string, status: string, message?: string) => ({
    title,
    file: 'x.spec.ts',
    line: 7,
    tests: [
      {
        status,
        projectName: '',
        results: [{ errors: message ? [{ message }] : [] }, { errors: [] }],
      },
    ],
  });
  it('walks nested suites and names failed and retried tests with their first error', () => {
    const report: PlaywrightReport = {
      stats: { expected: 1, unexpected: 1, flaky: 1 },
      suites: [
        {
          specs: [spec('passes', 'expected')],
          suites: [
            {
              specs: [
                spec('fails', 'unexpected', 'Error: timed out\ncall log'),
                spec('wobbles', 'flaky', 'Error: 51 > 50'),
              ],
            },
          ],
        },
      ],
    };
    expect(browserProblems(report)).toEqual([
      'browser: failed: x.spec.ts:7 fails: Error: timed out',
      'browser: passed on retry: x.spec.ts:7 wobbles: Error: 51 > 50',
    ]);
  });
});
