// The response headers of dist/_headers, as the test server (scripts/serve.ts) applies them
// the way a static host does: the Content-Security-Policy is present and enforced in the
// browser (every other spec runs under it too, and fails on the console error a violation
// logs), hashed assets are cached for a year, and the other security headers are set.

import { expect, test } from '@playwright/test';

test('pages carry the CSP, nosniff and a referrer policy; hashed assets are immutable', async ({
  page,
  request,
}) => {
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  expect(scriptSrc).toMatch(/'sha256-[A-Za-z0-9+/=]{44}'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');

  const asset = await page
    .locator('script[type="module"][src*="/_astro/"]')
    .first()
    .getAttribute('src');
  const assetHeaders = (await request.get(asset as string)).headers();
  expect(assetHeaders['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(assetHeaders['x-content-type-options']).toBe('nosniff');
  expect((await request.get('/sw.js')).headers()['cache-control']).toBe('no-cache');
});

test('the browser enforces the policy: an injected inline script does not run', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') violations.push(msg.text());
  });
  await page.goto('/');
  const ran = await page.evaluate(() => {
    const w = window as unknown as { injected?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.append(script);
    return w.injected === true;
  });
  expect(ran).toBe(false);
  expect(violations.join('\n')).toContain('Content Security Policy');
});
