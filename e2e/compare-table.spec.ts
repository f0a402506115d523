// The compare table: a plain table without JavaScript; with it, the column headers sort the
// rows (aria-sort follows), the sort is kept in the URL, and "Measure cost" fills the cost
// column in the reader's browser.

import { expect, test } from '@playwright/test';
import { watch } from './site.ts';

const page_ = '/widgets/compare-table/';
const firstCells = 'nl-compare-table tbody tr > th';

test('the table is complete without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(page_);
  await expect(page.locator('nl-compare-table tbody tr')).toHaveCount(22);
  await expect(page.locator(firstCells).first()).toHaveText('Identity');
  await expect(page.locator('nl-compare-table .katex').first()).toBeVisible();
  await expect(page.locator('nl-compare-table tbody tr[data-id=relu] td').nth(2)).toHaveText(
    '[0, ∞)',
  );
  await expect(page.locator('nl-compare-table button[name=measure]')).toBeHidden();
  await context.close();
});

test('sorting by a column reorders the rows; pressing again reverses', async ({
  page,
  baseURL,
}) => {
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(page_);
  const names = () => page.locator(firstCells).allTextContents();
  const initial = await names();
  expect(initial[0]).toBe('Identity');

  const year = page.getByRole('button', { name: 'Year', exact: true });
  await year.click();
  await expect(page.locator('th[data-sort-key=year]')).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await names();
  expect(ascending).not.toEqual(initial);
  expect(ascending[0]).toBe('Identity'); // 1960
  await expect(page).toHaveURL(/ct-sort=year&ct-dir=ascending/);

  await year.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('th[data-sort-key=year]')).toHaveAttribute('aria-sort', 'descending');
  const descending = await names();
  expect(['Mish', 'Hard sigmoid', 'Hard swish']).toContain(descending[0]);

  await page.getByRole('button', { name: 'Function', exact: true }).click();
  await expect(page.locator('th[data-sort-key=year]')).not.toHaveAttribute('aria-sort', /.*/);
  expect((await names())[0]).toBe('CELU');
  await expect(page.locator('nl-compare-table caption')).toContainText('sorted by name, ascending');
  expect(problems()).toEqual([]);
});

test('a shared link restores the sort; a bad one is explained', async ({ page }) => {
  await page.goto(`${page_}?ct-sort=year&ct-dir=descending`);
  await expect(page.locator('th[data-sort-key=year]')).toHaveAttribute('aria-sort', 'descending');
  await page.goto(`${page_}?ct-sort=colour`);
  const message = page.locator('nl-compare-table .nl-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText('Unknown column "colour"');
  await expect(page.locator(firstCells).first()).toHaveText('Identity');
});

test('measuring fills the cost column, and it sorts', async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(page_);
  const costs = page.locator('nl-compare-table td.ct-cost');
  await expect(costs.first()).toHaveText('—');
  await page.getByRole('button', { name: 'Measure cost' }).click();
  await expect(page.locator('nl-compare-table .ct-status')).toContainText('cheapest', {
    timeout: 30_000,
  });
  const values = await costs.allTextContents();
  expect(values).toHaveLength(22);
  for (const v of values) expect(v).toMatch(/^(< 0\.1|\d+(\.\d+)?)$/);

  await page.getByRole('button', { name: 'Cost (ns per element)' }).click();
  const sorted = (await costs.allTextContents()).map((v) => (v.startsWith('<') ? 0 : Number(v)));
  expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
  expect(problems()).toEqual([]);
});
