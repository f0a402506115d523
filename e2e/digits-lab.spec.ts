// The digits lab: the untrained networks, measured on the real test digits at build time,
// are in the page without JavaScript; Train trains one run per activation on MNIST in
// workers and the test accuracy rises far above chance; the confusion matrix and the
// active-unit shares of the trained networks appear; drawing on the pad changes what the
// networks predict; the URL round-trips a configuration; the page stays responsive.

import { expect, type Page, test } from '@playwright/test';
import { watch } from './site.ts';

const page_ = '/widgets/digits-lab/';
const lab = 'nl-digits-lab[data-prefix="dl-"]';

const progress = (page: Page) => page.locator(`${lab} output[name=progress]`);
const button = (page: Page, name: string) =>
  page.locator(lab).getByRole('button', { name, exact: true });
const cell = (page: Page, run: string, name: string) =>
  page.locator(`${lab} .dl-table tr[data-run="${run}"] [data-cell=${name}]`);
const percent = async (page: Page, run: string) =>
  Number(((await cell(page, run, 'testAccuracy').textContent()) ?? '').replace('%', ''));

test('the untrained networks are measured and drawn without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(page_);
  await expect(page.locator(`${lab} .nl-plot svg`)).toHaveCount(5);
  await expect(page.locator(`${lab} .dl-table tbody tr`)).toHaveCount(3);
  await expect(cell(page, 'relu', 'epoch')).toHaveText('0');
  expect(await percent(page, 'relu')).toBeLessThan(30);
  // Sigmoid is never exactly 0: every unit is active on every digit by that count.
  await expect(cell(page, 'sigmoid', 'nonZero')).toHaveText('100%, 100%');
  await expect(page.locator(`${lab} .dl-confusion svg .nl-dl-counts text`).first()).toBeAttached();
  await expect(progress(page)).toHaveText('Epoch 0 of 3: press Train');
  await context.close();
});

test('Train trains every run: accuracy rises above chance, the matrix and shares update', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(`${page_}?dl-epochs=1&dl-train=2000&dl-units=32`);
  await expect(progress(page)).toHaveText('Epoch 0 of 1: press Train', { timeout: 60_000 });
  await button(page, 'Train').click();
  await expect(button(page, 'Pause')).toBeVisible({ timeout: 30_000 });
  await expect(progress(page)).toHaveText('Done: 1 epoch', { timeout: 180_000 });
  await expect(button(page, 'Train')).toBeVisible();
  for (const run of ['relu', 'sigmoid', 'tanh']) {
    await expect(cell(page, run, 'epoch')).toHaveText('1');
    expect(await percent(page, run)).toBeGreaterThan(40);
  }
  // The confusion matrix of the trained ReLU network: most counts on the diagonal.
  await expect(page.locator(`${lab} .dl-confusion-text`)).toContainText('ReLU, after 63 steps', {
    timeout: 30_000,
  });
  await expect(cell(page, 'relu', 'active')).toContainText('(start', { timeout: 30_000 });
  await page.locator(`${lab} select[name=confusion-run]`).selectOption({ label: 'tanh' });
  await expect(page.locator(`${lab} .dl-confusion-text`)).toContainText('tanh, after 63 steps');
  expect(problems()).toEqual([]);
});

test('drawing on the pad, or loading a test digit, changes the prediction', async ({ page }) => {
  await page.goto(page_);
  const canvas = page.locator(`${lab} canvas.dl-canvas`);
  const prediction = page.locator(`${lab} .dl-prediction`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no pad');
  // A "1": one vertical stroke.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.15);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * (0.15 + 0.07 * k));
  }
  await page.mouse.up();
  await expect(prediction).toContainText('ReLU says', { timeout: 60_000 });
  const first = await page.locator(lab).getAttribute('data-prediction');
  // A "0": a ring, drawn over a cleared pad.
  await button(page, 'Clear').click();
  await expect(prediction).toHaveText('No drawing yet.');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx + box.width * 0.3, cy);
  await page.mouse.down();
  for (let k = 1; k <= 24; k++) {
    const a = (2 * Math.PI * k) / 24;
    await page.mouse.move(cx + box.width * 0.3 * Math.cos(a), cy + box.height * 0.38 * Math.sin(a));
  }
  await page.mouse.up();
  await expect(prediction).toContainText('ReLU says');
  await expect
    .poll(() => page.locator(lab).getAttribute('data-prediction'), { timeout: 30_000 })
    .not.toBe(first);
  // From the keyboard: the test-digit buttons.
  await button(page, 'Next test digit').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(`${lab} output[name=digit]`)).toHaveText(
    /^Test digit 1 of 1,000: a \d\.$/,
    { timeout: 60_000 },
  );
  await expect(prediction).toContainText('sigmoid says');
});

test('the URL restores a configuration, explains a bad value and follows the controls', async ({
  page,
}) => {
  await page.goto(`${page_}?dl-acts=gelu,relu&dl-layers=1&dl-units=32&dl-epochs=2&dl-tau=0`);
  await expect(page.locator(`${lab} .dl-table tbody tr`)).toHaveCount(2, { timeout: 30_000 });
  await expect(page.locator(`${lab} .dl-table tbody tr`).first()).toHaveAttribute(
    'data-run',
    'gelu',
  );
  await expect(page.locator(`${lab} select[name=units]`)).toHaveValue('32');
  await expect(page.locator(`${lab} select[name=tau]`)).toHaveValue('0');
  await expect(progress(page)).toHaveText('Epoch 0 of 2: press Train', { timeout: 60_000 });
  // The untrained GELU network, measured in the worker: one layer, every unit non-zero.
  await expect(cell(page, 'gelu', 'nonZero')).toHaveText('100%', { timeout: 60_000 });

  await page.goto(`${page_}?dl-units=5&dl-acts=relu,nope`);
  const message = page.locator(`${lab} .dl-problems`);
  await expect(message).toBeVisible({ timeout: 30_000 });
  await expect(message).toContainText('Units per layer must be one of 32, 64, 128; showing 64.');
  await expect(message).toContainText('Unknown activation nope.');

  await page.locator(`${lab} input[name=acts][value=elu]`).check();
  await expect(page).toHaveURL(/dl-acts=relu%2Celu|dl-acts=relu,elu/, { timeout: 30_000 });
  await expect(page.locator(`${lab} .dl-legend li`)).toHaveText(['ReLU', 'ELU']);
});

test('training keeps the page responsive and redraws', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(`${page_}?dl-epochs=10`);
  await page.locator(lab).hover();
  await expect(progress(page)).toHaveText('Epoch 0 of 10: press Train', { timeout: 60_000 });
  await page.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks.length = 0;
  });
  await button(page, 'Train').click();
  await expect(progress(page)).toContainText(/Epoch 0\.\d|Epoch 1/, { timeout: 60_000 });
  await page.waitForTimeout(4000);
  await button(page, 'Pause').click();
  const { times, longTasks } = await page.evaluate(() => {
    const el = document.querySelector('nl-digits-lab') as unknown as { drawTimes: number[] };
    return {
      times: [...el.drawTimes],
      longTasks: (window as unknown as { longTasks: number[] }).longTasks,
    };
  });
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `digits lab: ${times.length} redraws, p95 ${sorted[Math.floor(0.95 * (sorted.length - 1))]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms; long tasks while training: ${JSON.stringify(longTasks.map(Math.round))}`,
  );
  expect(times.length).toBeGreaterThan(2);
});
