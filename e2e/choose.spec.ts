// The selection helper: a recommendation is in the page without JavaScript; with it, the
// form recomputes it, the URL keeps the situation, and bad links are explained.

import { expect, test } from '@playwright/test';
import { watch } from './site.ts';

const choose = '/choose/';
const result = 'nl-choose .nl-choose-result';

test('without JavaScript the page shows a recommendation and every rule', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(choose);
  await expect(page.locator(result)).toContainText('Recommended: ReLU');
  await page.locator('.nl-choose-rules summary').click();
  await expect(page.locator('.nl-choose-rules table')).toHaveCount(2);
  await expect(page.locator('.nl-choose-rules')).toContainText('Sigmoid per label');
  await context.close();
});

test('changing the form changes the recommendation and the URL', async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(choose);
  await page.getByRole('combobox', { name: /^Layer/ }).selectOption('output');
  await page.getByRole('combobox', { name: /^Task/ }).selectOption('multi-label');
  await expect(page.locator(result)).toContainText('Recommended: Sigmoid per label');
  await expect(page.locator(result)).toContainText('Binary cross-entropy per label');
  await expect(page).toHaveURL(/ch-layer=output/);
  await expect(page).toHaveURL(/ch-task=multi-label/);

  await page.getByRole('combobox', { name: /^Layer/ }).selectOption('hidden');
  await page.getByRole('combobox', { name: /^Architecture/ }).selectOption('snn');
  await expect(page.locator(result)).toContainText('Recommended: SELU');
  await expect(page.locator(result)).toContainText('LeCun normal');

  await page.getByRole('combobox', { name: /^Architecture/ }).selectOption('cnn');
  await page.getByLabel('Mobile or low-precision budget').check();
  await expect(page.locator(result)).toContainText('Recommended: Hard-swish');
  await expect(page).toHaveURL(/ch-c=mobile/);

  await page.reload();
  await expect(page.locator(result)).toContainText('Recommended: Hard-swish');
  await expect(page.getByLabel('Mobile or low-precision budget')).toBeChecked();
  expect(problems()).toEqual([]);
});

test('a shared link restores the situation; a bad one is explained', async ({ page }) => {
  await page.goto(`${choose}?ch-layer=gate&ch-arch=rnn`);
  await expect(page.locator(result)).toContainText('Recommended: Sigmoid');
  await page.goto(`${choose}?ch-layer=gate&ch-arch=cnn`);
  await expect(page.locator(result)).toContainText('showing a recurrent network');
  await expect(page.getByRole('combobox', { name: /^Architecture/ })).toHaveValue('rnn');
  await page.goto(`${choose}?ch-layer=bogus&ch-c=fast`);
  await expect(page.locator('.nl-choose-message')).toContainText('Unknown layer "bogus"');
  await expect(page.locator('.nl-choose-message')).toContainText('"fast"');
  await expect(page.locator(result)).toContainText('Recommended: ReLU');
});

test('keyboard only: change the layer and a constraint', async ({ page }) => {
  await page.goto(choose);
  await page.getByRole('combobox', { name: /^Layer/ }).focus();
  await page.keyboard.press('ArrowDown'); // hidden -> output
  await expect(page.getByRole('combobox', { name: /^Layer/ })).toHaveValue('output');
  await expect(page.locator(result)).toContainText('Recommended: Softmax');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab'); // architecture
  await page.keyboard.press('Tab'); // task
  await page.keyboard.press('Tab'); // first constraint
  await expect(page.getByLabel('Mobile or low-precision budget')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.locator(result)).toContainText('Recommended: Leaky ReLU');
});
