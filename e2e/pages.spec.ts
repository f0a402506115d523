// Every built page, in both themes and at desktop and phone widths: no console errors, no
// failed or external requests, no axe (WCAG 2.1 AA) violations, and a full-page screenshot.

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages, type Theme, useTheme, watch } from './site.ts';

const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

// 404.html is served for missing pages; visiting it by name checks it like any other page.
const pages = builtPages();

test('the build has a landing page and at least one lesson', () => {
  expect(pages).toContain('/');
  expect(pages.length).toBeGreaterThan(2);
});

for (const path of pages) {
  for (const theme of ['light', 'dark'] as Theme[]) {
    for (const [device, viewport] of Object.entries(viewports)) {
      test(`${path} (${theme}, ${device})`, async ({ page, baseURL }) => {
        await page.setViewportSize(viewport);
        await useTheme(page, theme);
        const problems = watch(page, new URL(baseURL as string).origin);
        const response = await page.goto(path, { waitUntil: 'networkidle' });
        if (path !== '/404.html') expect(response?.status()).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        const axe = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        const violations = axe.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
        );
        const name = path === '/' ? 'index' : path.replace(/^\/|\/$/g, '').replace(/[/.]/g, '_');
        await page.screenshot({
          path: `test-results/screenshots/${name}-${theme}-${device}.png`,
          fullPage: true,
        });
        expect(violations, 'axe violations').toEqual([]);
        expect(problems(), 'console errors and requests').toEqual([]);
      });
    }
  }
}
