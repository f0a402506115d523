// The dead-ReLU lab: the untrained runs are in the page without JavaScript; Play trains the
// five runs in workers until the chosen epoch, with the ReLU run dying and the He run not;
// Step advances one epoch and Reset returns to epoch 0; the URL restores a configuration and
// explains a bad one; training keeps the page responsive; the negative-bias cause kills ReLU
// units before training while Leaky ReLU has none.

import { expect, type Page, test } from '@playwright/test';
import { watch } from './site.ts';

const page_ = '/widgets/dead-relu-lab/';
const lab = 'nl-dead-relu-lab[data-prefix="dr-"]';

const progress = (page: Page) => page.locator(`${lab} output[name=progress]`);
const button = (page: Page, name: string) =>
  page.locator(lab).getByRole('button', { name, exact: true });
const cell = (page: Page, run: string, name: string) =>
  page.locator(`${lab} .dr-table tr[data-run="${run}"] [data-cell=${name}]`);

/** Total dead units in a table cell such as "8, 7, 13, 15, 14, 16 (73 of 96)". */
async function deadTotal(page: Page, run: string): Promise<number> {
  const text = (await cell(page, run, 'dead').textContent()) ?? '';
  return Number(/\((\d+) of \d+\)/.exec(text)?.[1] ?? Number.NaN);
}

test('the untrained runs are server-rendered and described without JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(page_);
  await expect(page.locator(`${lab} .nl-plot svg`)).toHaveCount(2);
  await expect(page.locator(`${lab} .dr-table tbody tr`)).toHaveCount(5);
  await expect(cell(page, 'relu', 'epoch')).toHaveText('0');
  await expect(cell(page, 'relu', 'dead')).toHaveText('0, 1, 1, 1, 2, 0 (5 of 96)');
  await expect(progress(page)).toHaveText('Epoch 0 of 50: press Play');
  await expect(page.locator(`${lab} .dr-summary`)).toContainText(
    'Five runs of a 2-16-16-16-16-16-16-1 network on the circle data',
  );
  await context.close();
});

test('Play trains every run to the end: ReLU dies, He with a lower rate does not', async ({
  page,
  baseURL,
}) => {
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(page_);
  const cells = page.locator(`${lab} .dr-dead svg .nl-dead-cells rect`);
  const before = await cells.count();
  await button(page, 'Play').click();
  await expect(button(page, 'Pause')).toBeVisible({ timeout: 20_000 });
  await expect(progress(page)).toContainText(/Epoch \d/, { timeout: 20_000 });
  await expect(progress(page)).toHaveText('Done: 50 epochs', { timeout: 60_000 });
  await expect(button(page, 'Play')).toBeVisible();
  expect(await cells.count()).toBeGreaterThan(before);
  await expect(cell(page, 'relu', 'epoch')).toHaveText('50');
  expect(await deadTotal(page, 'relu')).toBeGreaterThan(40);
  expect(await deadTotal(page, 'he')).toBeLessThan(15);
  expect(Number(await cell(page, 'he', 'trainLoss').textContent())).toBeLessThan(0.05);
  // At rate 1 with seed 1, PReLU and ELU blow up; the lab says where and offers a reset.
  await expect(cell(page, 'prelu', 'epoch')).toContainText('diverged at step 72');
  const alert = page.locator(`${lab} .dr-diverged .nl-message`);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('PReLU diverged at step 72.');
  await expect(alert).toContainText('ELU diverged at step 61.');
  await expect(page.locator(`${lab} .dr-summary`)).toContainText(
    'ReLU (Glorot uniform, rate 1): epoch 50',
  );
  await alert.getByRole('button', { name: 'Reset' }).click();
  await expect(progress(page)).toHaveText('Epoch 0 of 50: press Play');
  await expect(alert).toBeHidden();
  expect(problems()).toEqual([]);
});

test('Step advances one epoch (from the keyboard too) and Reset returns to epoch 0', async ({
  page,
}) => {
  await page.goto(page_);
  await button(page, 'Step one epoch').click();
  await expect(progress(page)).toHaveText('Epoch 1 of 50', { timeout: 20_000 });
  await expect(cell(page, 'he', 'epoch')).toHaveText('1');
  await button(page, 'Step one epoch').focus();
  await page.keyboard.press('Enter');
  await expect(progress(page)).toHaveText('Epoch 2 of 50');
  await button(page, 'Reset').click();
  await expect(progress(page)).toHaveText('Epoch 0 of 50: press Play');
  await expect(cell(page, 'relu', 'epoch')).toHaveText('0');
});

test('the URL restores a configuration, explains a bad value and follows the controls', async ({
  page,
}) => {
  await page.goto(`${page_}?dr-layers=3&dr-units=8&dr-lr=3&dr-fix=0.03&dr-epochs=20&dr-seed=4`);
  await expect(page.locator(`${lab} select[name=lr]`)).toHaveValue('3');
  await expect(cell(page, 'he', 'setting')).toHaveText('He uniform, rate 0.03', {
    timeout: 20_000,
  });
  await expect(cell(page, 'relu', 'dead')).toContainText('of 24)');
  await expect(progress(page)).toHaveText('Epoch 0 of 20: press Play');

  await page.goto(`${page_}?dr-units=5&dr-data=moons`);
  const message = page.locator(`${lab} .dr-problems`);
  await expect(message).toBeVisible({ timeout: 20_000 });
  await expect(message).toContainText('Units per layer must be one of 4, 8, 16, 32; showing 16.');
  await expect(message).toContainText('Unknown data set "moons"');

  await page.locator(`${lab} select[name=dataset]`).selectOption('spiral');
  await expect(page).toHaveURL(/dr-data=spiral/, { timeout: 20_000 });
  await expect(page.locator(`${lab} .dr-summary`)).toContainText('on the spiral data', {
    timeout: 20_000,
  });
});

test('training keeps the page responsive and redraws often', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(`${page_}?dr-epochs=100`);
  await button(page, 'Step one epoch').click();
  await expect(progress(page)).toHaveText('Epoch 1 of 100', { timeout: 20_000 });
  await page.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks.length = 0;
  });
  await button(page, 'Play').click();
  await page.waitForTimeout(2000);
  await button(page, 'Pause').click();
  const { times, starts, longTasks } = await page.evaluate(() => {
    const el = document.querySelector('nl-dead-relu-lab') as unknown as {
      drawTimes: number[];
      drawStarts: number[];
    };
    return {
      times: [...el.drawTimes],
      starts: [...el.drawStarts],
      longTasks: (window as unknown as { longTasks: number[] }).longTasks,
    };
  });
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(0.95 * (sorted.length - 1))];
  const recent = starts.filter((t) => t > (starts.at(-1) ?? 0) - 2000);
  console.log(
    `dead-relu lab: ${recent.length} redraws in the last 2 s, p95 ${p95.toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms; long tasks: ${JSON.stringify(longTasks.map(Math.round))}`,
  );
  // The numbers depend on the machine; the test checks that the lab kept drawing.
  expect(recent.length).toBeGreaterThan(5);
});

test('the bias cause: ReLU units are dead from the start, Leaky ReLU has none; the URL round-trips', async ({
  page,
  baseURL,
}) => {
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(`${page_}?dr-epochs=20`);
  const select = (name: string) => page.locator(`${lab} select[name=${name}]`);
  await expect(select('bias')).toBeDisabled();
  await select('cause').selectOption('bias');
  await expect(page).toHaveURL(/dr-cause=bias/, { timeout: 20_000 });
  await expect(page).toHaveURL(/dr-bias=-1/);
  await expect(select('bias')).toBeEnabled();
  await expect(select('lr')).toBeDisabled();
  await expect(page.locator(`${lab} .dr-cause`)).toContainText('every hidden bias at −1');
  await expect(cell(page, 'relu', 'setting')).toHaveText('Glorot uniform, bias −1, rate 0.1', {
    timeout: 20_000,
  });
  await expect(cell(page, 'he', 'setting')).toHaveText('He uniform, bias 0, rate 0.1');
  await expect(page.locator(`${lab} .dr-table tr[data-run="he"] th`)).toHaveText(
    'ReLU, He, bias 0',
  );
  // Before any training (seed 1, circle): 82 of the 96 ReLU units are already dead.
  expect(await deadTotal(page, 'relu')).toBe(82);
  expect(await deadTotal(page, 'leaky-relu')).toBe(0);
  await button(page, 'Play').click();
  await expect(progress(page)).toHaveText('Done: 20 epochs', { timeout: 60_000 });
  await expect(cell(page, 'relu', 'epoch')).toHaveText('20');
  expect(await deadTotal(page, 'relu')).toBeGreaterThan(70);
  await expect(cell(page, 'leaky-relu', 'dead')).toHaveText('0, 0, 0, 0, 0, 0 (0 of 96)');
  await expect(page.locator(`${lab} .dr-summary`)).toContainText(
    'Cause: negative starting biases.',
  );
  // The link restores the cause and the bias.
  await select('bias').selectOption('-2');
  await expect(page).toHaveURL(/dr-bias=-2/, { timeout: 20_000 });
  await page.goto(page.url());
  await expect(select('cause')).toHaveValue('bias', { timeout: 20_000 });
  await expect(select('bias')).toHaveValue('-2');
  await expect(cell(page, 'elu', 'setting')).toHaveText('Glorot uniform, bias −2, rate 0.1', {
    timeout: 20_000,
  });
  expect(problems()).toEqual([]);

  await page.goto(`${page_}?dr-cause=init&dr-bias=5`);
  const message = page.locator(`${lab} .dr-problems`);
  await expect(message).toBeVisible({ timeout: 20_000 });
  await expect(message).toContainText('The cause must be "rate" or "bias"; got "init"');
  await expect(message).toContainText('The starting bias must be one of -0.5, -1, -2');
  await expect(select('cause')).toHaveValue('rate');
});
