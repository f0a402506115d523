// npm run bench: the activation kernel benchmark, then the training benchmark, each in its
// own process (so that one's JIT and heap do not colour the other's numbers). Arguments go
// to the activation benchmark (entry ids); BENCH_* variables reach both.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const runs: [string, string[]][] = [
  ['activation kernels', [here('./activations.ts'), ...process.argv.slice(2)]],
  ['training', [here('./train/run.ts')]],
];
let failed = 0;
for (const [name, args] of runs) {
  console.log(`\n## Benchmark: ${name}\n`);
  const { status } = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`${name} benchmark exited with ${status}`);
    failed++;
  }
}
process.exitCode = failed ? 1 : 0;
