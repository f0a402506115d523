// What every browser test shares: the list of built pages and a page watcher that records
// console errors, failed requests and any request that leaves the preview server.

import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';

/** Every page the build produced, as a URL path ('/', '/foundations/why-nonlinearity/'). */
export function builtPages(dir = 'dist'): string[] {
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) pages.push(path);
    }
  };
  walk(dir);
  return pages
    .map((p) => `/${relative(dir, p).replace(/\\/g, '/')}`)
    .map((p) => p.replace(/index\.html$/, ''))
    .sort();
}

/** Starts recording problems on `page`; call the returned function to read them. */
export function watch(page: Page, origin: string): () => string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText;
    // A reload or navigation aborts what the old page still had in flight (the favicon,
    // say): the browser's doing, not a failure of the site.
    if (error === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${req.url()} (${error})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) {
      problems.push(`request left the site: ${req.url()}`);
    }
  });
  return () => problems;
}

export type Theme = 'light' | 'dark';

/** Makes Starlight start in `theme` (it reads localStorage before the first paint). */
export async function useTheme(page: Page, theme: Theme) {
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}
