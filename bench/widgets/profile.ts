// Where a widget's redraw goes, in CPU time: drives the built gallery pages in Chromium with
// real key presses on each slider (as redraw.ts does) while Chromium traces the renderer, and
// reports per slider the main thread's CPU time per press (p50 / p95, from the trace's thread
// time, which load moves much less than wall time), split into script, style, layout, paint
// and GC; with --profile, also the functions with the most self time (a V8 CPU profile).
//
//   node bench/widgets/profile.ts [--base http://127.0.0.1:4339] [--only gradient]
//        [--presses 30] [--profile]
//
// Needs a server on --base (e.g. `node scripts/serve.ts --dir dist --port 4339`).

import { parseArgs } from 'node:util';
import { type CDPSession, chromium } from '@playwright/test';
import { pages, sliders } from './pages.ts';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:4339' },
    only: { type: 'string', default: '' },
    presses: { type: 'string', default: '30' },
    profile: { type: 'boolean', default: false },
    names: { type: 'boolean', default: false },
    dump: { type: 'string', default: '' },
    css: { type: 'string', default: '' },
    slider: { type: 'string', default: '' },
    top: { type: 'string', default: '25' },
  },
});
const presses = Number(args.presses);
const warmup = 6;
const pause = 80;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; [key: string]: unknown };
}

/** Which kind of work an event's own (self) CPU time is. */
function kind(name: string): string {
  if (name === 'UpdateLayoutTree' || name === 'RecalculateStyles') return 'style';
  if (name === 'Layout' || name === 'UpdateLayerTree' || name === 'PrePaint') return 'layout';
  if (/Paint|Composite|Layerize|Raster/.test(name)) return 'paint';
  if (/GC/.test(name)) return 'gc';
  if (
    /FunctionCall|EventDispatch|FireAnimationFrame|EvaluateScript|TimerFire|v8\.|V8\.|ParseHTML/.test(
      name,
    )
  )
    return 'script';
  return 'other';
}

async function trace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'blink.user_timing',
      'v8',
      'toplevel',
    ].join(','),
    transferMode: 'ReportEvents',
  });
  await run();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/** Per press (between the page's "nl-press" marks): self CPU ms of the main thread by kind. */
/** Self CPU ms by trace event name over the last perPress call (for --names). */
const byName = new Map<string, number>();

function perPress(events: TraceEvent[]): Record<string, number>[] {
  byName.clear();
  const main = events.find(
    (e) => e.ph === 'M' && e.args?.name === 'CrRendererMain' && e.name === 'thread_name',
  );
  const marks = events
    .filter(
      (e) =>
        e.name === 'nl-press' && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b'),
    )
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const pid = events.find((e) => e.name === 'nl-press')?.pid ?? main?.pid;
  const tid = events.filter((e) => e.pid === pid && e.name === 'nl-press')[0]?.tid ?? main?.tid;
  const xs = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const rows = marks.map(() => ({ total: 0 }) as Record<string, number>);
  // Self time: each event's thread time less its children's.
  const stack: { e: TraceEvent; child: number; row: number }[] = [];
  const close = (top: { e: TraceEvent; child: number; row: number }) => {
    if (top.row < 0) return;
    const self = Math.max(0, (top.e.tdur ?? 0) - top.child) / 1000;
    const k = kind(top.e.name);
    rows[top.row][k] = (rows[top.row][k] ?? 0) + self;
    rows[top.row].total += self;
    byName.set(top.e.name, (byName.get(top.e.name) ?? 0) + self);
  };
  for (const e of xs) {
    while (
      stack.length &&
      stack[stack.length - 1].e.ts + (stack[stack.length - 1].e.dur ?? 0) <= e.ts
    ) {
      close(stack.pop() as (typeof stack)[number]);
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.child += e.tdur ?? 0;
    // The press a top-level task belongs to: the last mark before its end.
    const end = e.ts + (e.dur ?? 0);
    let row = parent ? parent.row : -1;
    if (!parent) for (let i = 0; i < marks.length && marks[i] <= end; i++) row = i;
    stack.push({ e, child: 0, row });
  }
  while (stack.length) close(stack.pop() as (typeof stack)[number]);
  return rows;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

function selfTimes(profile: {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    if (!n) continue;
    const { functionName, url, lineNumber, columnNumber } = n.callFrame;
    const file = url.split('/').pop()?.split('?')[0] ?? '';
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}`;
    out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  return out;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const table: string[] = [];
for (const [path, tag] of pages) {
  if (args.only && !path.includes(args.only)) continue;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    addEventListener('input', () => performance.mark('nl-press'), true);
  });
  await page.goto(args.base + path);
  // An experiment: extra CSS for the page (e.g. containment on the widget's figure).
  if (args.css) await page.addStyleTag({ content: args.css });
  const cdp = await page.context().newCDPSession(page);
  for await (const { slider, name } of sliders(page, tag)) {
    if (args.slider && name !== args.slider) continue;
    await slider.focus();
    // The presses go straight to the browser (CDP) and the page is left alone between them
    // (a fixed pause, no evaluation), so the trace holds the widget's work and not the driver's.
    const [value, min, max, step] = await slider.evaluate((el: HTMLInputElement) =>
      [el.value, el.min, el.max, el.step].map(Number),
    );
    let at = value;
    let dir = 1;
    const press = async () => {
      if (at + dir * step > max + 1e-9 || at + dir * step < min - 1e-9) dir = -dir;
      at += dir * step;
      const key = dir > 0 ? 'ArrowRight' : 'ArrowLeft';
      const code = dir > 0 ? 39 : 37;
      for (const type of ['rawKeyDown', 'keyUp'] as const) {
        await cdp.send('Input.dispatchKeyEvent', {
          type,
          key,
          code: key,
          windowsVirtualKeyCode: code,
        });
      }
      await new Promise((r) => setTimeout(r, pause));
    };
    for (let n = 0; n < warmup; n++) await press();
    let profile: Map<string, number> | undefined;
    if (args.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const events = await trace(cdp, async () => {
      for (let n = 0; n < presses; n++) await press();
    });
    if (args.profile) {
      const { profile: p } = await cdp.send('Profiler.stop');
      profile = selfTimes(p as Parameters<typeof selfTimes>[0]);
    }
    const rows = perPress(events).slice(0, presses);
    const totals = rows.map((r) => r.total).sort((a, b) => a - b);
    const mean = (k: string) => rows.reduce((s, r) => s + (r[k] ?? 0), 0) / rows.length;
    table.push(
      `| ${tag.slice(3)} | ${name} | ${rows.length} | ${pct(totals, 50).toFixed(1)} | ${pct(totals, 95).toFixed(1)} | ${['script', 'style', 'layout', 'paint', 'gc', 'other'].map((k) => mean(k).toFixed(1)).join(' | ')} |`,
    );
    console.log(table.at(-1));
    if (args.dump) {
      // Layout and style events of the presses, with their sizes.
      for (const e of events
        .filter((e) => e.ph === 'X' && /^(Layout|UpdateLayoutTree|Paint|PrePaint)$/.test(e.name))
        .slice(0, Number(args.dump) * 6)) {
        console.log(
          `    ${e.name} ${((e.tdur ?? 0) / 1000).toFixed(2)} ms ${JSON.stringify(e.args).slice(0, 300)}`,
        );
      }
    }
    if (args.names) {
      const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 14);
      console.log(
        `    ${top.map(([k, ms]) => `${k} ${(ms / rows.length).toFixed(2)}`).join(', ')}`,
      );
    }
    if (profile) {
      const top = [...profile].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top));
      for (const [k, ms] of top) console.log(`    ${(ms / presses).toFixed(2)} ms/press  ${k}`);
    }
  }
  await page.close();
}
await browser.close();
console.log(
  '\n| widget | slider | presses | p50 ms CPU | p95 ms CPU | script | style | layout | paint | gc | other (means) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
);
console.log(table.join('\n'));
