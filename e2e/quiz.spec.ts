// The quiz page and the lesson quiz: readable without JavaScript; with it, answers are
// checked with feedback and explanations, progress survives a reload, corrupt saved state is
// discarded with a notice, rounds follow their seed, wrong answers can be retried, and all of
// it works from the keyboard.

import { expect, type Page, test } from '@playwright/test';
import { watch } from './site.ts';

const quiz = '/quiz/';
// The machine these run on is shared; the round test answers six questions.
test.describe.configure({ timeout: 90_000 });
const key = 'nonlinear:quiz-progress:v1';
const question = (page: Page, id: string) => page.locator(`#quiz-${id}`);

async function answer(page: Page, id: string, option: string) {
  const q = question(page, id);
  await q.getByRole('radio', { name: option, exact: true }).check();
  await q.getByRole('button', { name: 'Check answer' }).click();
}

test('without JavaScript every question is there with its answer in a <details>', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(quiz);
  const count = await page.locator('article.nl-q').count();
  expect(count).toBeGreaterThanOrEqual(60);
  await expect(page.locator('article.nl-q details.nl-q-answer')).toHaveCount(count);
  await expect(
    page.locator('article.nl-q button', { hasText: 'Check answer' }).first(),
  ).toBeHidden();
  const binary = question(page, 'out-binary');
  await binary.locator('summary').click();
  await expect(binary.locator('details')).toContainText('Right: Sigmoid.');
  // Which-curve questions carry their figures as server-rendered SVG.
  await expect(question(page, 'curve-sigmoid-derivative').locator('svg')).toHaveCount(4);
  await context.close();
});

test('a right and a wrong answer get feedback and explanations; progress survives a reload', async ({
  page,
  baseURL,
}) => {
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(quiz);
  const binary = question(page, 'out-binary');
  await expect(binary.locator('details')).toBeHidden();
  await answer(page, 'out-binary', 'Sigmoid');
  await expect(binary.locator('.nl-q-feedback')).toHaveText(/^Right\./);
  await expect(binary.locator('details')).toBeVisible();
  await expect(binary.locator('details')).toContainText('Right: Sigmoid.');
  await expect(binary.locator('[data-verdict=right]')).toContainText('your answer, right');

  const regression = question(page, 'out-regression');
  await answer(page, 'out-regression', 'ReLU');
  await expect(regression.locator('.nl-q-feedback')).toHaveText(/^Not quite/);
  await expect(regression.locator('[data-verdict=wrong]')).toContainText('ReLU');
  await expect(regression.locator('[data-verdict=right]')).toContainText('Identity');
  await expect(page.locator('.nl-quiz-scoreline')).toHaveText(/Score: 1 right of 2 answered/);

  await page.reload();
  await expect(binary.locator('.nl-q-last')).toHaveText(/Last attempt: right/);
  await expect(regression.locator('.nl-q-last')).toHaveText(/Last attempt: wrong/);
  await expect(page.locator('.nl-quiz-progress')).toContainText('2 of');
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);
  expect(stored.version).toBe(1);
  expect(stored.questions['out-binary'].right).toBe(true);

  await page.getByRole('button', { name: 'Reset progress' }).click();
  await expect(binary.locator('.nl-q-last')).toBeHidden();
  await expect(page.locator('.nl-quiz-notice')).toContainText('Progress reset');
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
  expect(problems()).toEqual([]);
});

test('an assign-per-layer question grades each layer', async ({ page }) => {
  await page.goto(quiz);
  const q = question(page, 'net-lstm-cell');
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.locator('.nl-q-feedback')).toHaveText(/every layer/);
  const selects = q.getByRole('combobox');
  await selects.nth(0).selectOption('sigmoid');
  await selects.nth(1).selectOption('sigmoid');
  await selects.nth(2).selectOption('tanh');
  await selects.nth(3).selectOption('relu');
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.locator('.nl-q-feedback')).toHaveText(/^Not quite/);
  await expect(q.locator('.nl-q-layer[data-verdict=right]')).toHaveCount(3);
  await expect(q.locator('.nl-q-layer[data-verdict=wrong]')).toContainText(/answer: tanh/i);
});

for (const [what, stored, notice] of [
  ['corrupt', '{"version":1,"questions":{"out-binary":{"right":"yes"', 'could not be read'],
  ['older', '{"version":0,"answers":[]}', 'older version'],
] as const) {
  test(`${what} saved progress is discarded with a quiet notice, not an error`, async ({
    page,
    baseURL,
  }) => {
    const problems = watch(page, new URL(baseURL as string).origin);
    await page.addInitScript(
      ([k, v]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(k, v);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [key, stored],
    );
    await page.goto(quiz);
    await expect(page.getByRole('status').filter({ hasText: notice })).toBeVisible();
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
    await answer(page, 'out-binary', 'Sigmoid');
    await expect(question(page, 'out-binary').locator('.nl-q-feedback')).toHaveText(/^Right/);
    await page.reload();
    await expect(page.locator('.nl-quiz-notice')).toBeEmpty();
    await expect(question(page, 'out-binary').locator('.nl-q-last')).toHaveText(/right/);
    expect(problems()).toEqual([]);
  });
}

const visibleIds = (page: Page) =>
  page
    .locator('.nl-quiz-round article.nl-q:visible')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id));

test('a round is fixed by its seed in the URL; finishing it offers a review and a retry', async ({
  page,
}) => {
  await page.goto(`${quiz}?quiz-topic=mixed&quiz-seed=42`);
  await expect(page.locator('.nl-quiz-round-title')).toHaveText(
    /Mixed round, round 42: 10 questions/,
  );
  const first = await visibleIds(page);
  expect(first).toHaveLength(10);
  await page.reload();
  expect(await visibleIds(page)).toEqual(first);
  await page.goto(`${quiz}?quiz-topic=mixed&quiz-seed=43`);
  expect(await visibleIds(page)).not.toEqual(first);

  await page.goto(`${quiz}?quiz-topic=budgets&quiz-seed=7`);
  const ids = await visibleIds(page);
  expect(ids).toHaveLength(6);
  for (const id of ids) {
    const q = question(page, id as string);
    await q.locator('input').first().check();
    await q.getByRole('button', { name: 'Check answer' }).click();
  }
  const summary = page.locator('.nl-quiz-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText(/You got \d of 6 right/);
  const wrong = await summary.locator('.nl-quiz-review li').count();
  if (wrong > 0) {
    await summary.getByRole('button', { name: 'Retry the wrong ones' }).click();
    await expect(page.locator('.nl-quiz-round-title')).toHaveText(
      `Retry: ${wrong} question${wrong === 1 ? '' : 's'}`,
    );
    expect(await visibleIds(page)).toHaveLength(wrong);
    await expect(
      page.locator('.nl-quiz-round article.nl-q:visible .nl-q-feedback').first(),
    ).toBeEmpty();
  }
});

test('a bad round in the URL is explained and replaced', async ({ page }) => {
  await page.goto(`${quiz}?quiz-topic=nope&quiz-seed=abc`);
  await expect(page.locator('.nl-quiz-notice')).toContainText('Unknown quiz topic "nope"');
  await expect(page.locator('.nl-quiz-notice')).toContainText('whole number');
  expect(await visibleIds(page)).toHaveLength(10);
});

test('keyboard only: start a round, answer, read the feedback', async ({ page }) => {
  await page.goto(quiz);
  const select = page.getByRole('combobox', { name: 'Topic' });
  await select.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Start a round' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/quiz-seed=\d+/);
  await expect(page.locator('.nl-quiz-round-title')).toBeFocused();
  // Tab into the first question's options, pick one with the arrow keys, check with Enter.
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('type', /radio|checkbox/);
  const article = page.locator('.nl-quiz-round article.nl-q:visible').first();
  if ((await focused.getAttribute('type')) === 'radio') await page.keyboard.press('ArrowDown');
  else await page.keyboard.press('Space');
  await article.getByRole('button', { name: 'Check answer' }).focus();
  await page.keyboard.press('Enter');
  await expect(article.locator('.nl-q-feedback')).toHaveText(/^(Right|Not quite)/);
  await expect(article.locator('.nl-q-feedback')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(article.locator('summary')).toBeFocused();
});

test('a lesson quiz shows just its questions and shares the saved progress', async ({ page }) => {
  await page.goto('/widgets/quiz/');
  await expect(page.locator('article.nl-q')).toHaveCount(3);
  const q = page.locator('#demo-out-binary');
  await q.getByRole('radio', { name: 'Sigmoid', exact: true }).check();
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.locator('.nl-q-feedback')).toHaveText(/^Right/);
  await page.goto(quiz);
  await expect(question(page, 'out-binary').locator('.nl-q-last')).toHaveText(/right/);
});
