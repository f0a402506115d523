// The training benchmark: every engine on every task, each cell in its own process, and a
// markdown table of samples per second (forward + backward + update, per second of CPU time
// on the training thread) with ratios against the peers, the best of BENCH_REPEATS runs.
// Run: node bench/train/run.ts  (BENCH_SECONDS=3 to time longer per cell).
// Peers: npm install --prefix bench/train/peers (kept out of the root package).

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tasks } from './tasks.ts';

interface Engine {
  key: string;
  label: string;
  module: string;
  options?: Record<string, unknown>;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const engines: Engine[] = [
  { key: 'ours', label: 'nonlinear', module: here('./nonlinear.ts') },
  {
    key: 'probes',
    label: 'nonlinear + probes',
    module: here('./nonlinear.ts'),
    options: { probes: true },
  },
  { key: 'tfjs', label: 'tfjs (cpu)', module: here('./peers/tfjs.ts') },
  { key: 'brain', label: 'brain.js', module: here('./peers/brain.ts') },
];

interface Cell {
  samplesPerSecond?: number;
  lossChecked?: number | null;
  params?: { W: number[]; b: number[] }[] | null;
  notes?: string | null;
  skipped?: string;
  error?: string;
}

function runCell(engine: Engine, task: string): Cell {
  const args = [here('./cell.ts'), engine.module, task, JSON.stringify(engine.options ?? {})];
  try {
    const out = execFileSync(process.execPath, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(out.trim().split('\n').pop() ?? '{}');
  } catch (error) {
    return { error: String((error as Error).message).split('\n')[0] };
  }
}

/** Largest |difference| between two engines' parameters after the same epochs. */
function paramDiff(a: Cell, b: Cell): number | null {
  const other = b.params;
  if (!a.params || !other) return null;
  let diff = 0;
  a.params.forEach((layer, l) => {
    for (const key of ['W', 'b'] as const) {
      layer[key].forEach((v, i) => {
        diff = Math.max(diff, Math.abs(v - other[l][key][i]));
      });
    }
  });
  return diff;
}

const format = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : `${(v / 1e3).toFixed(1)}k`);

// Each cell is run REPEATS times, engines interleaved, and the fastest run is kept: what
// another process takes from a shared machine only ever slows a run down.
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 3));
const results: Record<string, Record<string, Cell>> = {};
for (let repeat = 1; repeat <= REPEATS; repeat++) {
  for (const task of tasks) {
    results[task.id] ??= {};
    for (const engine of engines) {
      const best = results[task.id][engine.key];
      // A skipped or failing engine stays so; there is nothing to improve on.
      if (best && !best.samplesPerSecond) continue;
      process.stderr.write(`[${repeat}/${REPEATS}] ${task.id} · ${engine.label} … `);
      const cell = runCell(engine, task.id);
      if (!best || (cell.samplesPerSecond ?? 0) > (best.samplesPerSecond ?? 0)) {
        results[task.id][engine.key] = cell;
      }
      process.stderr.write(
        `${cell.samplesPerSecond ? `${format(cell.samplesPerSecond)}/s` : (cell.skipped ?? cell.error)}\n`,
      );
    }
  }
}

const lines: string[] = [];
lines.push(
  `| task | ${engines.map((e) => e.label).join(' | ')} | ours / tfjs | ours / brain.js | probes cost | max |Δθ| vs tfjs |`,
);
lines.push(`|${' --- |'.repeat(engines.length + 5)}`);
const notes = new Set<string>();
for (const task of tasks) {
  const row = results[task.id];
  const speed = (key: string) => row[key]?.samplesPerSecond;
  const cells = engines.map((e) => {
    const c = row[e.key];
    if (c.samplesPerSecond) return format(c.samplesPerSecond);
    if (c.skipped) notes.add(`${e.label}: ${c.skipped}`);
    if (c.error) notes.add(`${e.label} on ${task.id}: ${c.error}`);
    return c.skipped ? 'skipped' : 'error';
  });
  for (const e of engines)
    if (row[e.key].notes) notes.add(`${e.label} (${task.id}): ${row[e.key].notes}`);
  const ratio = (a?: number, b?: number) => (a && b ? `${(a / b).toFixed(1)}×` : '–');
  const ours = speed('ours');
  const probes = speed('probes');
  const cost = ours && probes ? `${(((ours - probes) / ours) * 100).toFixed(0)}% slower` : '–';
  const diff = paramDiff(row.ours, row.tfjs);
  lines.push(
    `| ${task.title} | ${cells.join(' | ')} | ${ratio(ours, speed('tfjs'))} | ${ratio(ours, speed('brain'))} | ${cost} | ${diff === null ? '–' : diff.toExponential(1)} |`,
  );
}
console.log(
  `Samples per second of CPU time (forward + backward + update), 500-point spiral, SGD lr 0.03, half MSE; best of ${REPEATS} runs.\n`,
);
console.log(lines.join('\n'));
console.log(
  '\nmax |Δθ|: largest difference between our parameters and tfjs’s after the same first epoch from the same start (tfjs computes in float32).',
);
const probesParams = tasks.map((t) => paramDiff(results[t.id].ours, results[t.id].probes));
console.log(
  `Probes on and off train the same model: ${probesParams.every((d) => d === 0) ? 'yes (bitwise)' : `no (${probesParams.join(', ')})`}.`,
);
if (notes.size) console.log(`\nNotes:\n${[...notes].map((n) => `- ${n}`).join('\n')}`);
