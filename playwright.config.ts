import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium by default (Playwright cannot download browsers on our machines);
// CHROMIUM_PATH overrides it, and without either Playwright uses its own browser.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// E2E_PORT lets two copies of the site run their browser tests side by side.
export const port = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: 2,
  // One retry: a test that passes only on it counts as passed but is named in `npm test`'s
  // digest ("passed on retry"), so a timing-sensitive test on a loaded CI machine does not
  // block a landing unseen, and a real failure still fails twice.
  retries: 1,
  // axe on a long lesson takes seconds; a busy 2-core machine needs room.
  timeout: 180_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // The service worker would precache the whole course in every test's fresh context;
    // e2e/offline.spec.ts turns it back on.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // dist/ served as a static host would serve it, with the headers of dist/_headers: every
  // page is tested under the real Content-Security-Policy (scripts/serve.ts).
  webServer: {
    command: `node scripts/serve.ts --dir dist --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
