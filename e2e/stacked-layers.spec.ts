// The lesson-1 widget: the SVG is in the page without JavaScript; with it, the controls
// redraw the figure, the caption follows, the URL keeps the state, and bad URLs are explained.

import { expect, test } from '@playwright/test';
import { watch } from './site.ts';

const lesson = '/foundations/why-nonlinearity/';
const path = 'nl-stacked-layers .nl-plot svg .nl-curve path';

test('the figure is server-rendered and readable without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(lesson);
  await expect(page.locator('nl-stacked-layers .nl-plot svg')).toHaveCount(1);
  await expect(page.locator(path)).toHaveCount(1);
  await expect(page.locator('nl-stacked-layers figcaption')).toContainText('straight line');
  await context.close();
});

test('moving the slider and flipping the switch redraw the line', async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(lesson);
  const line = page.locator(path);
  const caption = page.locator('nl-stacked-layers figcaption');
  const initial = await line.getAttribute('d');

  await page.locator('nl-stacked-layers').getByRole('slider', { name: 'Layers' }).fill('6');
  await expect(line).not.toHaveAttribute('d', initial as string);
  await expect(caption).toContainText('6 random layers collapse into one straight line');
  const linear = await line.getAttribute('d');

  await page.locator('nl-stacked-layers').getByRole('radio', { name: 'ReLU' }).check();
  await expect(line).not.toHaveAttribute('d', linear as string);
  await expect(caption).toContainText('straight pieces joined at kinks');
  await expect(page).toHaveURL(/sl-act=relu/);
  await expect(page).toHaveURL(/sl-depth=6/);

  const relu = await line.getAttribute('d');
  await page.locator('nl-stacked-layers').getByRole('radio', { name: 'tanh' }).focus();
  await page.keyboard.press('Space');
  await expect(line).not.toHaveAttribute('d', relu as string);
  await expect(caption).toContainText('smooth curve');

  const tanh = await line.getAttribute('d');
  await page
    .locator('nl-stacked-layers')
    .getByRole('button', { name: 'New random weights' })
    .click();
  await expect(line).not.toHaveAttribute('d', tanh as string);
  await expect(page).toHaveURL(/sl-seed=2/);
  expect(problems()).toEqual([]);
});

test('a shared link restores the state; a bad one is explained, not a crash', async ({ page }) => {
  await page.goto(`${lesson}?sl-act=relu&sl-depth=5&sl-seed=3`);
  await expect(
    page.locator('nl-stacked-layers').getByRole('radio', { name: 'ReLU' }),
  ).toBeChecked();
  await expect(
    page.locator('nl-stacked-layers').getByRole('slider', { name: 'Layers' }),
  ).toHaveValue('5');
  await expect(page.locator('nl-stacked-layers .nl-message')).toBeHidden();

  await page.goto(`${lesson}?sl-act=sigmoid&sl-depth=99`);
  const message = page.locator('nl-stacked-layers .nl-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText('Unknown activation "sigmoid"');
  await expect(message).toContainText('Depth must be a whole number from 1 to 8; showing 8');
  await expect(
    page.locator('nl-stacked-layers').getByRole('slider', { name: 'Layers' }),
  ).toHaveValue('8');
  await expect(page.locator(path)).toHaveCount(1);
});
