// docs/engine.md promises a network trained in five lines from a script or notebook cell.
// This runs that very code block, as a reader would paste it, in a fresh Node process.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(new URL('../../docs/engine.md', import.meta.url), 'utf8');
const root = fileURLToPath(new URL('../../', import.meta.url));

/** The ```ts block right after the `<!-- five-lines -->` marker. */
function snippet(): string {
  const match = /<!-- five-lines -->\s*```ts\n([\s\S]*?)```/.exec(doc);
  if (!match) throw new Error('docs/engine.md has no five-lines snippet');
  return match[1];
}

describe('docs/engine.md', () => {
  it('the five-line example has three imports and five statements', () => {
    const lines = snippet()
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(lines.filter((l) => l.startsWith('import ')).length).toBe(3);
    expect(lines.filter((l) => !l.startsWith('import ')).length).toBe(5);
  });

  it('the five-line example runs as a script and prints a small loss', () => {
    // The snippet imports from ./src/ as a script at the repository's root does; here the
    // file sits in a temporary folder, so the imports point at the root explicitly.
    const code = snippet().replaceAll("'./src/", `'${root}src/`);
    const dir = mkdtempSync(join(tmpdir(), 'engine-doc-'));
    try {
      const file = join(dir, 'train.ts');
      writeFileSync(file, code);
      const out = execFileSync(process.execPath, [file], { encoding: 'utf8' });
      const loss = Number(out.trim());
      expect(Number.isFinite(loss)).toBe(true);
      expect(loss).toBeLessThan(0.01);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
