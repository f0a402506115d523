// LinearRegions: the raster is in the page without JavaScript; with it, the sliders and the
// switch redraw it and the count follows, the URL keeps the state, and bad URLs are explained.

import { expect, test } from '@playwright/test';
import { watch } from './site.ts';

const page_ = '/widgets/linear-regions/';
const image = 'nl-linear-regions .nl-plot svg image';
const caption = 'nl-linear-regions figcaption';

const countOf = async (text: Promise<string | null>) =>
  Number(/cuts it into (\d+) linear regions/.exec((await text) ?? '')?.[1]);

test('the figure is server-rendered and readable without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(page_);
  await expect(page.locator('nl-linear-regions .nl-plot svg')).toHaveCount(1);
  await expect(page.locator(image)).toHaveAttribute('href', /^data:image\/png;base64,/);
  await expect(page.locator(caption)).toContainText('counted on a 160 × 160 grid');
  await context.close();
});

test('adding units and layers redraws and the count grows; tanh dissolves it', async ({
  page,
  baseURL,
}) => {
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(page_);
  const picture = page.locator(image);
  const initial = await picture.getAttribute('href');
  const before = await countOf(page.locator(caption).textContent());

  await page.getByRole('slider', { name: 'Units per layer' }).fill('12');
  await expect(picture).not.toHaveAttribute('href', initial as string);
  await expect(page.locator(caption)).toContainText('2 hidden layers of 12 ReLU units');
  const more = await countOf(page.locator(caption).textContent());
  expect(more).toBeGreaterThan(before);

  const wide = await picture.getAttribute('href');
  await page.getByRole('slider', { name: 'Layers' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(picture).not.toHaveAttribute('href', wide as string);
  await expect(page.locator(caption)).toContainText('3 hidden layers of 12 ReLU units');
  expect(await countOf(page.locator(caption).textContent())).toBeGreaterThan(more);
  await expect(page).toHaveURL(/lr-units=12/);
  await expect(page).toHaveURL(/lr-layers=3/);

  const deep = await picture.getAttribute('href');
  await page.getByRole('radio', { name: 'tanh' }).check();
  await expect(picture).not.toHaveAttribute('href', deep as string);
  await expect(page.locator(caption)).toContainText('no linear regions');

  const tanh = await picture.getAttribute('href');
  await page.getByRole('button', { name: 'New random weights' }).click();
  await expect(picture).not.toHaveAttribute('href', tanh as string);
  await expect(page).toHaveURL(/lr-seed=2/);
  expect(problems()).toEqual([]);
});

test('a shared link restores the state; a bad one is explained, not a crash', async ({ page }) => {
  await page.goto(`${page_}?lr-act=relu&lr-units=3&lr-layers=1&lr-seed=4`);
  await expect(page.getByRole('slider', { name: 'Units per layer' })).toHaveValue('3');
  await expect(page.getByRole('slider', { name: 'Layers' })).toHaveValue('1');
  await expect(page.locator(caption)).toContainText('at most 7 regions');
  await expect(page.locator('nl-linear-regions .nl-message')).toBeHidden();

  await page.goto(`${page_}?lr-act=gelu&lr-units=99`);
  const message = page.locator('nl-linear-regions .nl-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText('Unknown activation "gelu"');
  await expect(message).toContainText('Units per layer must be a whole number from 1 to 16');
  await expect(page.getByRole('slider', { name: 'Units per layer' })).toHaveValue('16');
  await expect(page.locator(image)).toHaveCount(1);
});
