// UniversalApproximation: the SVG is in the page without JavaScript; with it, the slider and
// the switches refit and redraw, the caption follows, the URL keeps the state, and bad URLs
// are explained.

import { expect, test } from '@playwright/test';
import { watch } from './site.ts';

const page_ = '/widgets/universal-approximation/';
const fit = 'nl-universal-approximation .nl-plot svg .nl-fit path';
const caption = 'nl-universal-approximation figcaption';

const maxError = async (text: Promise<string | null>) =>
  Number(/max error ([\d.]+)/.exec((await text) ?? '')?.[1]);

test('the figure is server-rendered and readable without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(page_);
  await expect(page.locator(fit)).toHaveCount(1);
  await expect(page.locator('nl-universal-approximation .nl-units path')).toHaveCount(6);
  await expect(page.locator(caption)).toContainText('sin x fitted by 6 ReLU units');
  await context.close();
});

test('more units refit and the error falls; the switches redraw', async ({ page, baseURL }) => {
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(page_);
  const line = page.locator(fit);
  const initial = await line.getAttribute('d');
  const before = await maxError(page.locator(caption).textContent());

  await page.getByRole('slider', { name: 'Number of units' }).fill('20');
  await expect(line).not.toHaveAttribute('d', initial as string);
  await expect(page.locator(caption)).toContainText('20 ReLU units');
  expect(await maxError(page.locator(caption).textContent())).toBeLessThan(before);
  await expect(page.locator('nl-universal-approximation .nl-units path')).toHaveCount(20);

  const relu = await line.getAttribute('d');
  await page.getByRole('radio', { name: 'tanh' }).check();
  await expect(line).not.toHaveAttribute('d', relu as string);
  await expect(page.locator(caption)).toContainText('20 tanh units');

  await page.getByRole('radio', { name: 'step' }).check();
  await expect(page.locator(caption)).toContainText('cannot jump');
  await page.getByRole('checkbox', { name: 'Show each scaled unit' }).uncheck();
  await expect(page.locator('nl-universal-approximation .nl-units')).toHaveCount(0);
  await expect(page).toHaveURL(/ua-target=step/);
  await expect(page).toHaveURL(/ua-unit=tanh/);
  await expect(page).toHaveURL(/ua-n=20/);
  await expect(page).toHaveURL(/ua-show=0/);
  expect(problems()).toEqual([]);
});

test('a shared link restores the state; a bad one is explained, not a crash', async ({ page }) => {
  await page.goto(`${page_}?ua-target=abs&ua-unit=relu&ua-n=4&ua-show=1`);
  await expect(page.getByRole('radio', { name: '|x|' })).toBeChecked();
  await expect(page.getByRole('slider', { name: 'Number of units' })).toHaveValue('4');
  await expect(page.locator(caption)).toContainText('exact up to rounding');
  await expect(page.locator('nl-universal-approximation .nl-message')).toBeHidden();

  await page.goto(`${page_}?ua-target=cosine&ua-n=500`);
  const message = page.locator('nl-universal-approximation .nl-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText('Unknown target "cosine"');
  await expect(message).toContainText('Units must be a whole number from 1 to 50; showing 50');
  await expect(page.getByRole('slider', { name: 'Number of units' })).toHaveValue('50');
  await expect(page.locator(fit)).toHaveCount(1);
});
