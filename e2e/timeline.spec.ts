// The lesson-13 timeline: generated at build time, so the figure and its table are in the page
// without JavaScript; the table lists exactly the events the figure draws, each function links
// to its reference page, and a phone gets the narrow figure instead of the wide one.

import { expect, test } from '@playwright/test';

const lesson = '/architecture/history/';

test('the timeline and its table are there without JavaScript, row for row', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(lesson);
  const wide = page.locator('.nl-timeline .tl-wide svg');
  await expect(wide).toBeVisible();
  await expect(page.locator('.nl-timeline .tl-narrow svg')).toBeHidden();
  const functions = await wide.locator('.nl-timeline-function circle').count();
  const milestones = await wide.locator('.nl-timeline-milestone path').count();
  expect(functions).toBeGreaterThan(15);
  expect(milestones).toBeGreaterThan(5);

  const table = page.locator('details.nl-timeline-table');
  await table.locator('summary').click();
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(functions + milestones);
  await expect(table.locator('tbody tr', { hasText: '(milestone)' })).toHaveCount(milestones);
  await expect(rows.first()).toContainText('1943');
  await expect(rows.first()).toContainText('McCulloch');
  const relu = table.getByRole('link', { name: 'ReLU', exact: true });
  await expect(relu).toHaveAttribute('href', '/functions/relu/');
  await expect(wide).toHaveAttribute('aria-description', /events from 1943 to 2020/);
  await context.close();
});

test('a phone gets the narrow figure', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(lesson);
  await expect(page.locator('.nl-timeline .tl-narrow svg')).toBeVisible();
  await expect(page.locator('.nl-timeline .tl-wide svg')).toBeHidden();
  const box = await page.locator('.nl-timeline .tl-narrow svg').boundingBox();
  expect(box?.width).toBeLessThanOrEqual(390);
  await context.close();
});
