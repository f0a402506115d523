// The softmax explorer: the SVG is in the page without JavaScript; with it, the sliders and
// buttons redraw the bars and the table, the URL keeps the state, bad URLs are explained.

import { expect, test } from '@playwright/test';
import { watch } from './site.ts';

const page_ = '/widgets/softmax-explorer/';
const bars = 'nl-softmax-explorer .nl-plot svg .nl-sm-stable rect';

test('the figure and the table are server-rendered without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(page_);
  await expect(page.locator('nl-softmax-explorer .nl-plot svg')).toHaveCount(1);
  await expect(page.locator(bars)).toHaveCount(3);
  await expect(page.locator('nl-softmax-explorer figcaption')).toContainText('p₁ = 0.6590');
  await expect(page.locator('nl-softmax-explorer table tbody tr')).toHaveCount(3);
  await context.close();
});

test('sliders and buttons redraw; the naive formula overflows past 709.78', async ({
  page,
  baseURL,
}) => {
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(page_);
  const first = page.locator(bars).first();
  const caption = page.locator('nl-softmax-explorer figcaption');
  const initial = await first.getAttribute('y');

  await page.getByRole('slider', { name: 'x₁' }).fill('5');
  await expect(first).not.toHaveAttribute('y', initial as string);
  await expect(page).toHaveURL(/sm-x=5%2C1%2C0.1/);

  await page.getByRole('spinbutton', { name: 'Shift' }).fill('706');
  await expect(caption).toContainText('The naive formula fails');
  await expect(page.locator('nl-softmax-explorer tbody tr').first()).toContainText('Infinity');
  await expect(page.getByRole('slider', { name: 'Shift all logits by' })).toHaveValue('706');

  await page.getByRole('button', { name: 'Add a logit' }).click();
  await expect(page.locator(bars)).toHaveCount(4);
  await page.getByRole('button', { name: 'Remove the last logit' }).click();
  await page.getByRole('button', { name: 'Remove the last logit' }).click();
  await expect(page.locator(bars)).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Remove the last logit' })).toBeDisabled();
  await expect(page.locator('nl-softmax-explorer .sm-two')).toContainText('σ((x₁ − x₂)/T)');

  const before = await first.getAttribute('y');
  const t = page.getByRole('slider', { name: 'Temperature T' });
  await t.focus();
  await page.keyboard.press('ArrowRight');
  await expect(first).not.toHaveAttribute('y', before as string);
  await expect(page).toHaveURL(/sm-t=1.05/);
  expect(problems()).toEqual([]);
});

test('a shared link restores the state; a bad one is explained', async ({ page }) => {
  await page.goto(`${page_}?sm-x=3,1&sm-shift=710&sm-t=2`);
  await expect(page.getByRole('slider', { name: 'x₁' })).toHaveValue('3');
  await expect(page.locator(bars)).toHaveCount(2);
  await expect(page.getByRole('slider', { name: 'Temperature T' })).toHaveValue('2');
  await expect(page.locator('nl-softmax-explorer .nl-message')).toBeHidden();

  await page.goto(`${page_}?sm-x=1,2,3,4,5,6,7&sm-t=0`);
  const message = page.locator('nl-softmax-explorer .nl-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText('At most 6 logits');
  await expect(message).toContainText('Temperature must be from 0.05 to 10; showing 0.05');
  await expect(page.locator(bars)).toHaveCount(6);
});
