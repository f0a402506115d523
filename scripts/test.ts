// `npm test`: every stage in order (check, unit tests with coverage, build, browser tests,
// publishing: the link checker over the build, and a second build under a sub-path).
// Each stage ends with a plain line `stage: N passed, N failed`, which CI reads; the last
// line adds them up. A stage that cannot run (the build failed) counts as failed.
// CI shows only the end of the output, so the names and first error lines of the tests that
// failed (or passed only on a retry) are printed again after the summary.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import {
  browserProblems,
  type PlaywrightReport,
  type UnitReport,
  unitProblems,
} from './test-digest.ts';

interface Tally {
  passed: number;
  failed: number;
}

/** What went wrong, for the digest after the summary. */
const problems: string[] = [];

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: false,
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

const npx = 'npx';
mkdirSync('test-results', { recursive: true });

const stages: [string, () => Tally][] = [
  [
    'check',
    () => {
      // Two checkers: the type checker (astro check covers .ts and .astro) and the linter.
      const types = run(npx, ['astro', 'check']);
      const lint = run(npx, ['biome', 'check', '.']);
      const failed = Number(types !== 0) + Number(lint !== 0);
      if (types !== 0) problems.push('check: failed: astro check (its errors are above)');
      if (lint !== 0) problems.push('check: failed: biome check . (its errors are above)');
      return { passed: 2 - failed, failed };
    },
  ],
  [
    'unit',
    () => {
      const out = 'test-results/unit.json';
      rmSync(out, { force: true });
      const code = run(npx, [
        'vitest',
        'run',
        '--coverage',
        '--reporter=default',
        '--reporter=json',
        `--outputFile=${out}`,
      ]);
      const report = readJson<UnitReport>(out);
      if (!report) {
        problems.push(`unit: failed: vitest wrote no report (exit ${code}; see above)`);
        return { passed: 0, failed: 1 };
      }
      problems.push(...unitProblems(report));
      // A coverage threshold missed (or a file that failed to load) fails the stage too.
      const extra = code !== 0 && report.numFailedTests === 0 ? 1 : 0;
      if (extra) problems.push(`unit: failed: vitest exited with ${code} (coverage? see above)`);
      return { passed: report.numPassedTests, failed: report.numFailedTests + extra };
    },
  ],
  [
    'build',
    () => {
      const code = run(npx, ['astro', 'build']);
      if (code !== 0) problems.push('build: failed: astro build (its errors are above)');
      return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
    },
  ],
  [
    'browser',
    () => {
      if (!existsSync('dist/index.html')) {
        problems.push('browser: failed: no build in dist/ to test');
        return { passed: 0, failed: 1 };
      }
      const out = 'test-results/e2e.json';
      rmSync(out, { force: true });
      const code = run(npx, ['playwright', 'test']);
      const report = readJson<PlaywrightReport>(out);
      if (!report) {
        problems.push(`browser: failed: playwright wrote no report (exit ${code}; see above)`);
        return { passed: 0, failed: 1 };
      }
      problems.push(...browserProblems(report));
      const { expected, unexpected, flaky } = report.stats;
      const extra = code !== 0 && unexpected === 0 ? 1 : 0;
      if (extra) problems.push(`browser: failed: playwright exited with ${code} (see above)`);
      return { passed: expected + flaky, failed: unexpected + extra };
    },
  ],
  [
    'publish',
    () => {
      // The link checker (scripts/check-links.ts) over dist/, then over a build served under
      // a sub-path, as GitHub Pages serves a project site: every link, asset and social card
      // must carry the base. The second build goes to test-results/ and leaves dist/ alone.
      const base = '/nonlinear/';
      const out = 'test-results/dist-base';
      rmSync(out, { recursive: true, force: true });
      const links = existsSync('dist/index.html')
        ? run('node', ['scripts/check-links.ts', '--dir', 'dist'])
        : 1;
      const build = run(npx, ['astro', 'build'], { BASE_PATH: base, OUT_DIR: out });
      const crawl =
        build === 0 ? run('node', ['scripts/check-links.ts', '--dir', out, '--base', base]) : 1;
      const failed = Number(links !== 0) + Number(build !== 0) + Number(crawl !== 0);
      if (links !== 0) problems.push('publish: failed: links in dist/ (see above)');
      if (build !== 0) problems.push(`publish: failed: astro build with base ${base}`);
      if (build === 0 && crawl !== 0) problems.push(`publish: failed: links under ${base}`);
      return { passed: 3 - failed, failed };
    },
  ],
];

const total: Tally = { passed: 0, failed: 0 };
const lines: string[] = [];
for (const [name, stage] of stages) {
  console.log(`\n=== ${name} ===`);
  const tally = stage();
  total.passed += tally.passed;
  total.failed += tally.failed;
  const line = `${name}: ${tally.passed} passed, ${tally.failed} failed`;
  lines.push(line);
  console.log(line);
}
console.log(`\n${lines.join('\n')}`);
if (problems.length > 0) console.log(`\n${problems.join('\n')}\n`);
console.log(`total: ${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed === 0 ? 0 : 1);
