// npm run bench:widgets: how long each widget's main thread works to redraw after a slider
// moves (issue 6's budget: 16 ms at the 95th percentile). Needs a build (`npm run build`);
// serves dist/ with `astro preview` and drives Debian's Chromium with real key presses, so
// the input events are trusted and go through the widget's own handlers and frames.
//
// What one sample is: the time from the input event to the end of its handlers, plus the
// time from the start of the next animation frame (where the widgets draw) to the end of a
// forced style and layout after the widget's own frame callback. Waiting for the frame is
// not counted: it is idle time, not work. Paint and compositing are not counted either.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { pages, sliders } from './pages.ts';

const port = Number(process.env.BENCH_PORT ?? 4399);
const presses = Number(process.env.BENCH_PRESSES ?? 40);
const warmup = 8;
const root = fileURLToPath(new URL('../..', import.meta.url));
const base = `http://127.0.0.1:${port}`;

// Runs in the page before its scripts: the capture listener sees the input first, the
// window's bubbling listener last; the frame callbacks they ask for run before and after
// the widget's own.
function instrument() {
  const samples: number[] = [];
  let open: { t0: number; handled: number; frame: number } | null = null;
  addEventListener(
    'input',
    () => {
      const sample = { t0: performance.now(), handled: 0, frame: 0 };
      open = sample;
      requestAnimationFrame(() => {
        sample.frame = performance.now();
      });
    },
    true,
  );
  addEventListener('input', () => {
    const sample = open;
    if (!sample) return;
    sample.handled = performance.now();
    requestAnimationFrame(() => {
      void document.body.offsetHeight;
      samples.push(sample.handled - sample.t0 + (performance.now() - sample.frame));
    });
  });
  Object.assign(window, { __redrawSamples: samples });
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no preview server on ${base}: run npm run build first`);
}

const server = spawn(
  process.execPath,
  [
    `${root}node_modules/astro/bin/astro.mjs`,
    'preview',
    '--ignore-lock',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
  ],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  },
);
try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const rows: string[] = [];
  let worst = 0;
  for (const [path, tag] of pages) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(instrument);
    await page.goto(base + path);
    for await (const { slider, name } of sliders(page, tag)) {
      await slider.focus();
      let key = 'ArrowRight';
      const times: number[] = [];
      for (let n = 0; n < warmup + presses; n++) {
        const before = await slider.inputValue();
        await page.keyboard.press(key);
        if ((await slider.inputValue()) === before) {
          key = key === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
          await page.keyboard.press(key);
        }
        // Let the frame and any lazy import finish before the next press.
        await page.evaluate(
          () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))),
        );
        const last = await page.evaluate(() =>
          (window as unknown as { __redrawSamples: number[] }).__redrawSamples.at(-1),
        );
        if (n >= warmup && last !== undefined) times.push(last);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      worst = Math.max(worst, p95);
      rows.push(
        `| ${tag.slice(3)} | ${name} | ${times.length} | ${percentile(times, 50).toFixed(1)} | ${p95.toFixed(1)} | ${times.at(-1)?.toFixed(1)} |`,
      );
    }
    await page.close();
  }
  await browser.close();
  console.log(
    '| widget | slider | samples | p50 ms | p95 ms | max ms |\n|---|---|---:|---:|---:|---:|',
  );
  console.log(rows.join('\n'));
  console.log(`\nworst p95: ${worst.toFixed(1)} ms (budget 16 ms)`);
} finally {
  server.kill();
}
