// The digest `npm test` prints after its summary: one line per test that failed, or passed
// only on a retry, with its first error line. CI shows only the end of the output, where the
// reporters' own failure lists (printed mid-run, before the publishing stage's long build log)
// are cut off.

/** Vitest's JSON report, the fields the digest reads. */
export interface UnitReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: {
    name: string;
    /** Set when the file itself failed (did not load, threw at the top level). */
    message?: string;
    assertionResults: { status: string; fullName: string; failureMessages: string[] }[];
  }[];
}

interface PlaywrightSpec {
  title: string;
  file: string;
  line: number;
  tests: {
    status: string;
    projectName: string;
    results: { errors: { message?: string }[] }[];
  }[];
}
interface PlaywrightSuite {
  specs?: PlaywrightSpec[];
  suites?: PlaywrightSuite[];
}
/** Playwright's JSON report, the fields the digest reads. */
export interface PlaywrightReport {
  suites: PlaywrightSuite[];
  stats: { expected: number; unexpected: number; flaky: number };
}

/** The first non-blank line of an error message, without terminal colours, at most 300 characters. */
export function firstLine(message: string | undefined): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
  const plain = (message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  const line = plain.split('\n').find((l) => l.trim() !== '');
  return line === undefined ? 'no message' : line.trim().slice(0, 300);
}

export function unitProblems(report: UnitReport): string[] {
  const out: string[] = [];
  for (const file of report.testResults) {
    if (file.message) out.push(`unit: failed: ${file.name}: ${firstLine(file.message)}`);
    for (const a of file.assertionResults) {
      if (a.status === 'failed') {
        out.push(`unit: failed: ${a.fullName}: ${firstLine(a.failureMessages[0])}`);
      }
    }
  }
  return out;
}

export function browserProblems(report: PlaywrightReport): string[] {
  const out: string[] = [];
  const visit = (suites: PlaywrightSuite[] = []) => {
    for (const suite of suites) {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests) {
          if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
          const label = test.status === 'flaky' ? 'passed on retry' : 'failed';
          const error = test.results.find((r) => r.errors.length > 0)?.errors[0]?.message;
          const project = test.projectName ? ` [${test.projectName}]` : '';
          out.push(
            `browser: ${label}: ${spec.file}:${spec.line} ${spec.title}${project}: ${firstLine(error)}`,
          );
        }
      }
      visit(suite.suites);
    }
  };
  visit(report.suites);
  return out;
}
