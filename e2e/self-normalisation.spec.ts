// The self-normalisation widget: both panels are in the page without JavaScript; with it,
// the controls redraw them, the URL keeps the state, and bad URLs are explained.

import { expect, test } from '@playwright/test';
import { watch } from './site.ts';

const page_ = '/widgets/self-normalisation/';
const selu = 'nl-self-normalisation .sn-mean svg .nl-sn-selu path';

test('both panels are server-rendered without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(page_);
  await expect(page.locator('nl-self-normalisation .nl-plot svg')).toHaveCount(2);
  await expect(page.locator(selu)).toHaveCount(1);
  await expect(page.locator('nl-self-normalisation figcaption')).toContainText(
    'After 50 layers of width 64',
  );
  await context.close();
});

test('sliders, checkboxes and the seed button redraw the panels', async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(page_);
  const line = page.locator(selu);
  const caption = page.locator('nl-self-normalisation figcaption');
  const initial = await line.getAttribute('d');

  await page.getByRole('slider', { name: 'Layers' }).fill('20');
  await expect(line).not.toHaveAttribute('d', initial as string);
  // A new input is computed a few layers per frame, drawn as it grows: on a busy machine
  // the last layer can take seconds.
  await expect(caption).toContainText('After 20 layers', { timeout: 60_000 });
  await expect(page).toHaveURL(/sn-depth=20/);

  await page.getByRole('checkbox', { name: 'ReLU' }).uncheck();
  await expect(page.locator('nl-self-normalisation .sn-mean svg .nl-sn-relu')).toHaveCount(0);
  await expect(page).toHaveURL(/sn-act=selu%2Ctanh%2Celu/);

  const shallow = await line.getAttribute('d');
  await page.getByRole('slider', { name: 'Input variance' }).fill('3');
  await expect(line).not.toHaveAttribute('d', shallow as string);
  await expect(caption).toContainText('N(0.00, 3.00)', { timeout: 60_000 });

  const offset = await line.getAttribute('d');
  await page.getByRole('button', { name: 'New random weights' }).click();
  await expect(line).not.toHaveAttribute('d', offset as string);
  await expect(page).toHaveURL(/sn-seed=2/);
  expect(problems()).toEqual([]);
});

test('a shared link restores the state; a bad one is explained', async ({ page }) => {
  await page.goto(`${page_}?sn-act=selu&sn-depth=30&sn-width=32&sn-seed=4`);
  await expect(page.getByRole('slider', { name: 'Layers' })).toHaveValue('30');
  await expect(page.getByRole('checkbox', { name: 'ReLU' })).not.toBeChecked();
  await expect(page.locator('nl-self-normalisation figcaption')).toContainText('seed 4', {
    timeout: 60_000,
  });
  await expect(page.locator('nl-self-normalisation .nl-message')).toBeHidden();

  await page.goto(`${page_}?sn-act=gelu&sn-depth=500`);
  const message = page.locator('nl-self-normalisation .nl-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText('Unknown activation "gelu"');
  await expect(message).toContainText('Depth must be from 1 to 100; showing 100');
  await expect(page.getByRole('slider', { name: 'Layers' })).toHaveValue('100');
});
