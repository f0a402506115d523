// The gradient-through-depth widget: SVGs in the page without JavaScript; with it, the
// sliders, checkboxes and precision switch redraw the figure, the URL keeps the state, and
// bad URLs are explained.

import { expect, test } from '@playwright/test';
import { watch } from './site.ts';

const page_ = '/widgets/gradient-through-depth/';
const sigmoidLine =
  'nl-gradient-through-depth .gtd-main .gtd-line path[stroke="var(--nl-series-1)"]';

test('the figures are server-rendered and readable without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(page_);
  await expect(page.locator('nl-gradient-through-depth .gtd-main svg')).toHaveCount(1);
  await expect(page.locator('nl-gradient-through-depth .gtd-zeros svg')).toHaveCount(1);
  await expect(page.locator('nl-gradient-through-depth .gtd-float32 svg')).toHaveCount(1);
  await expect(page.locator(sigmoidLine)).toHaveCount(1);
  await expect(page.locator('nl-gradient-through-depth figcaption').first()).toContainText(
    "Sigmoid's best case, 0.25^20",
  );
  await context.close();
});

test('the sliders, checkboxes and precision redraw the figure', async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(page_);
  const line = page.locator(sigmoidLine);
  const caption = page.locator('nl-gradient-through-depth figcaption').first();
  const initial = await line.getAttribute('d');

  const sigma = page.getByRole('slider', { name: 'Spread σ' });
  await sigma.focus();
  await page.keyboard.press('ArrowRight');
  await expect(line).not.toHaveAttribute('d', initial as string);
  await expect(caption).toContainText('N(0, 1.1²)');
  await expect(page).toHaveURL(/gd-sigma=1\.1/);

  await page.getByRole('slider', { name: 'Layers L' }).fill('40');
  await expect(caption).toContainText('Over 40 layers');

  await page.getByRole('checkbox', { name: 'leaky ReLU' }).check();
  await expect(
    page.locator('nl-gradient-through-depth .gtd-main .gtd-line path[stroke*="--nl-series-5"]'),
  ).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'sigmoid' }).uncheck();
  await expect(line).toHaveCount(0);
  await expect(page).toHaveURL(/gd-fns=tanh%2Crelu%2Cgelu%2Cleaky-relu/);

  await page.getByRole('checkbox', { name: 'sigmoid' }).check();
  await page.getByRole('slider', { name: 'Spread σ' }).fill('5');
  await page.getByRole('slider', { name: 'Layers L' }).fill('50');
  await expect(caption).not.toContainText('sigmoid: all 200 products are exactly 0');
  await page.getByRole('radio', { name: 'float32' }).check();
  await expect(caption).toContainText('sigmoid: all 200 products are exactly 0');

  const before = await line.getAttribute('d');
  await page.getByRole('button', { name: 'New random paths' }).click();
  await expect(line).not.toHaveAttribute('d', before as string);
  await expect(page).toHaveURL(/gd-seed=2/);
  expect(problems()).toEqual([]);
});

test('a shared link restores the state; a bad one is explained, not a crash', async ({ page }) => {
  await page.goto(`${page_}?gd-fns=relu,elu&gd-depth=12&gd-mu=0.5&gd-sigma=2&gd-prec=32`);
  await expect(page.getByRole('checkbox', { name: 'ELU', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'sigmoid' })).not.toBeChecked();
  await expect(page.getByRole('slider', { name: 'Layers L' })).toHaveValue('12');
  await expect(page.getByRole('slider', { name: 'Mean μ' })).toHaveValue('0.5');
  await expect(page.getByRole('radio', { name: 'float32' })).toBeChecked();
  await expect(page.locator('nl-gradient-through-depth .nl-message')).toBeHidden();

  await page.goto(`${page_}?gd-fns=swish&gd-depth=999&gd-sigma=-1`);
  const message = page.locator('nl-gradient-through-depth .nl-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText('Unknown function "swish"');
  await expect(message).toContainText('Layers must be from 1 to 50; showing 50');
  await expect(message).toContainText('σ must be from 0.1 to 5; showing 0.1');
  await expect(page.getByRole('slider', { name: 'Layers L' })).toHaveValue('50');
  await expect(page.locator('nl-gradient-through-depth .gtd-main svg')).toHaveCount(1);
});
