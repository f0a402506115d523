// `npm run audit`: Lighthouse (mobile profile) on the landing page and every lesson of the
// built site, with the four category scores and the gzipped JavaScript each page loads.
// A measurement against DESIGN §7 (performance >= 98, the others 100), not a test stage:
// run `npm run build` first.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { builtPages } from '../e2e/site.ts';

const port = 4330;
const origin = `http://127.0.0.1:${port}`;
const chromePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

if (!existsSync('dist/index.html')) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}

const server = spawn(
  'npx',
  ['astro', 'preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
  {
    stdio: 'ignore',
  },
);
await waitFor(origin);

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

// `npm run audit -- /quiz/ /functions/gelu/` audits only those pages; no arguments: all.
const only = process.argv.slice(2);
const targets = builtPages().filter(
  (p) => !p.endsWith('404.html') && (only.length === 0 || only.includes(p)),
);
const rows: string[] = [];
let short = false;
try {
  for (const path of targets) {
    const result = await lighthouse(`${origin}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { categories } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const scores = ['performance', 'accessibility', 'best-practices', 'seo'].map(score);
    const { atLoad, total } = scriptBytes(result.lhr);
    rows.push(`| ${path} | ${scores.join(' | ')} | ${kb(atLoad)} | ${kb(total)} |`);
    if (scores[0] < 98 || scores.slice(1).some((s) => s < 100)) short = true;
  }
} finally {
  chrome.kill();
  server.kill();
}

console.log(
  '| page | performance | accessibility | best practices | SEO | JS by load (gzip) | JS in all (gzip) |',
);
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(
  short ? '\nBelow target on at least one page (DESIGN §7).' : '\nAll pages meet DESIGN §7.',
);

interface NetworkRequest {
  url: string;
  resourceType?: string;
  networkRequestTime?: number;
}

/**
 * Gzipped bytes of the site's own scripts: those requested by the load event (what the page
 * needs to start) and all of them (adding what loads later, on idle or on first use).
 */
function scriptBytes(lhr: { audits: Record<string, { details?: unknown }> }) {
  const requests = (lhr.audits['network-requests']?.details as { items?: NetworkRequest[] })?.items;
  const metrics = lhr.audits.metrics?.details as { items?: { observedLoad?: number }[] };
  const load = metrics?.items?.[0]?.observedLoad ?? Number.POSITIVE_INFINITY;
  let atLoad = 0;
  let total = 0;
  for (const r of requests ?? []) {
    if (r.resourceType !== 'Script' || !r.url.startsWith(origin)) continue;
    const bytes = gzippedSize(new URL(r.url).pathname);
    total += bytes;
    if ((r.networkRequestTime ?? 0) <= load) atLoad += bytes;
  }
  return { atLoad, total };
}

function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function gzippedSize(pathname: string): number {
  const file = join('dist', decodeURIComponent(pathname));
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}
