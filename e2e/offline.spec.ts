// Offline reading: after one visit the service worker has saved the course, and with the
// network cut (Playwright's offline mode) every lesson still loads with everything it asks
// for, a widget still redraws, the digits (cached on first use) still load, and a missing
// page gets the 404 page. The rest of the suite blocks service workers (playwright.config.ts).

import { expect, type Page, test } from '@playwright/test';
import { activationIds, vectorIds } from '../src/lib/activations/index.ts';
import { builtPages, watch } from './site.ts';

test.use({ serviceWorkers: 'allow' });

// Every lesson and page of the course, but of the generated pages only one function reference
// page and one widget gallery page (they are precached like the rest: scripts/check-links.ts
// checks that sw.js lists every page of the build).
const references = new Set([...activationIds, ...vectorIds].map((id) => `/functions/${id}/`));
const offlinePages = builtPages().filter(
  (p) =>
    p !== '/404.html' &&
    (!references.has(p) || p === '/functions/gelu/') &&
    (!p.startsWith('/widgets/') || p === '/widgets/function-explorer/'),
);

/** page.goto, tried twice: Chromium now and then aborts a navigation its worker is starting. */
async function gotoOffline(page: Page, path: string) {
  try {
    return await page.goto(path, { waitUntil: 'load' });
  } catch (error) {
    if (!String(error).includes('ERR_ABORTED')) throw error;
    return page.goto(path, { waitUntil: 'load' });
  }
}

test('one visit saves the course: offline, every lesson loads and a widget works', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const origin = new URL(baseURL as string).origin;
  await page.goto('/');
  // The line shows once a worker is active, which it is only after precaching everything.
  const line = page.locator('[data-nl-offline]');
  await expect(line).toBeVisible({ timeout: 120_000 });
  await expect(line).toHaveText('Available offline');

  // The digits are not precached (4.5 MB); the first use caches them.
  const digits = () =>
    page.evaluate(async (url) => {
      const response = await fetch(url);
      return { ok: response.ok, bytes: (await response.arrayBuffer()).byteLength };
    }, `${origin}/data/digits.bin`);
  const online = await digits();
  expect(online.ok).toBe(true);

  await context.setOffline(true);
  const problems = watch(page, origin);
  for (const path of offlinePages) {
    const response = await gotoOffline(page, path);
    expect(response?.status(), path).toBe(200);
    expect(response?.fromServiceWorker(), path).toBe(true);
    await expect(page.locator('h1').first(), path).toBeVisible();
  }
  await expect(line).toHaveText('Offline: reading the saved copy');
  expect(await digits()).toEqual(online);

  // A widget redraws: FunctionExplorer's zoom.
  await page.goto('/widgets/function-explorer/');
  const widget = page.locator('nl-function-explorer').first();
  const curve = widget.locator('.nl-plot svg:nth-of-type(1) .fx-curve-0 path');
  const before = await curve.getAttribute('d');
  await widget.getByRole('slider', { name: 'x range' }).fill('10');
  await expect(curve).not.toHaveAttribute('d', before as string);

  // Chromium fetches favicons around the service worker; offline, that request fails.
  const real = problems().filter((p) => !p.includes('/favicon.svg'));
  expect(real, 'failed requests or errors offline').toEqual([]);

  // A page that is not in the build gets the saved 404 page.
  const missing = await page.goto('/no-such-page/');
  expect(missing?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
});
