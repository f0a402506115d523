// The FunctionExplorer gallery page: the SVGs are in the page without JavaScript; with it,
// adding a function brings its parameter sliders, sliders and the pointer redraw, the URL
// keeps the state, and bad URLs are explained.

import { expect, test } from '@playwright/test';
import { watch } from './site.ts';

const gallery = '/widgets/function-explorer/';
const curve = (panel: 'f' | 'df' | 'diff', i: number | 'diff') =>
  `.nl-plot svg:nth-of-type(${{ f: 1, df: 2, diff: 3 }[panel]}) .fx-curve-${i} path`;

test('the figures are server-rendered and readable without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(gallery);
  const [first, second] = [0, 1].map((i) => page.locator('nl-function-explorer').nth(i));
  await expect(first.locator('.nl-plot svg')).toHaveCount(2);
  await expect(first.locator(curve('f', 2))).toHaveCount(1);
  await expect(first.locator('figcaption')).toContainText('Sigmoid, ReLU and GELU: f and f′');
  await expect(first.locator('.fx-readout tbody tr')).toHaveCount(3);
  await expect(second.locator('.nl-plot svg')).toHaveCount(3);
  await expect(second.locator('figcaption')).toContainText(
    'GELU − GELU (tanh approximation): largest |difference| in view is 4.73 × 10⁻⁴',
  );
  await context.close();
});

test('adding a function brings its sliders, and every control redraws', async ({
  page,
  baseURL,
}) => {
  const problems = watch(page, new URL(baseURL as string).origin);
  await page.goto(gallery);
  const widget = page.locator('nl-function-explorer').first();
  const caption = widget.locator('figcaption');

  await widget.getByText('Functions (3 of up to 6)').click();
  await widget.getByRole('checkbox', { name: 'ELU', exact: true }).check();
  const alpha = widget.getByRole('slider', { name: 'ELU α' });
  await expect(alpha).toHaveValue('1');
  await expect(widget.locator(curve('f', 3))).toHaveCount(1);
  await expect(caption).toContainText('Sigmoid, ReLU, GELU and ELU');
  const elu = widget.locator(curve('f', 3));
  const before = await elu.getAttribute('d');

  await alpha.fill('2.5');
  await expect(elu).not.toHaveAttribute('d', before as string);
  await expect(caption).toContainText('ELU with α = 2.5.');
  await expect(page).toHaveURL(/fx-elu\.alpha=2\.5/);
  await expect(page).toHaveURL(/fx-fns=sigmoid%2Crelu%2Cgelu%2Celu/);

  // Zoom: the same function over a wider range is drawn differently.
  const sigmoid = await widget.locator(curve('f', 0)).getAttribute('d');
  await widget.getByRole('slider', { name: 'x range' }).fill('10');
  await expect(widget.locator(curve('f', 0))).not.toHaveAttribute('d', sigmoid as string);
  await expect(caption).toContainText('on x from −10 to 10');

  // The crosshair under keyboard control, then under the pointer.
  const cross = widget.locator('.nl-plot svg:nth-of-type(1) .fx-cross line');
  const x0 = await cross.getAttribute('x1');
  const xSlider = widget.getByRole('slider', { name: 'Crosshair x' });
  await xSlider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(cross).not.toHaveAttribute('x1', x0 as string);
  await expect(widget.locator('.fx-readout caption')).toContainText('x = 1.1');
  await expect(xSlider).toHaveAttribute('aria-valuetext', /^x = 1\.1\. Sigmoid: f = 0\.75, /);
  const first = widget.locator('.nl-plot svg').first();
  const box = await first.boundingBox();
  if (!box) throw new Error('no plot');
  await first.hover({ position: { x: box.width * 0.3, y: box.height / 2 } });
  await expect(widget.locator('.fx-readout caption')).toContainText('x = −');
  await expect(xSlider).not.toHaveValue('1.1');

  // f″ and the shading add a panel and rectangles.
  await widget.getByRole('checkbox', { name: 'Show f″' }).check();
  await expect(widget.locator('.nl-plot svg')).toHaveCount(3);
  await widget.getByRole('checkbox', { name: 'Shade where' }).check();
  await expect(widget.locator('.fx-flat rect').first()).toBeAttached();
  await expect(caption).toContainText('ReLU: |f′| < 0.01 on [−10, 0]; f′ = 0 exactly on [−10, 0].');

  // Removing a function removes its sliders and keeps the others' colours.
  await widget.getByRole('checkbox', { name: 'ReLU', exact: true }).uncheck();
  await expect(widget.locator('.fx-readout tbody tr')).toHaveCount(3);
  await expect(alpha).toHaveValue('2.5');
  await widget.getByRole('checkbox', { name: 'ELU', exact: true }).uncheck();
  await expect(alpha).toHaveCount(0);
  expect(problems()).toEqual([]);
});

test('a shared link restores the state; a bad one is explained, not a crash', async ({ page }) => {
  await page.goto(`${gallery}?fx-fns=elu,relu&fx-elu.alpha=2&fx-range=4&fx-shade=1`);
  const widget = page.locator('nl-function-explorer').first();
  await expect(widget.getByRole('slider', { name: 'ELU α' })).toHaveValue('2');
  await expect(widget.getByRole('slider', { name: 'x range' })).toHaveValue('4');
  await expect(widget.getByRole('checkbox', { name: 'Shade where' })).toBeChecked();
  await expect(widget.locator('figcaption')).toContainText(
    'ELU and ReLU: f and f′ on x from −4 to 4.',
  );
  await expect(widget.locator('.nl-message')).toBeHidden();
  // The other widget on the page keeps its own state.
  await expect(page.locator('nl-function-explorer').nth(1).locator('.nl-plot svg')).toHaveCount(3);

  await page.goto(`${gallery}?fx-fns=relu,nope&fx-range=99&fx-relu.alpha=1`);
  const message = widget.locator('.nl-message');
  await expect(message).toBeVisible();
  await expect(message).toContainText('Unknown function "nope"; left out.');
  await expect(message).toContainText('The x half-width must be from 0.5 to 20; showing 20.');
  await expect(message).toContainText('ReLU has no parameter "alpha"; ignored.');
  await expect(widget.getByRole('slider', { name: 'x range' })).toHaveValue('20');
  await expect(widget.locator(curve('f', 0))).toHaveCount(1);
});

test('the GELU preset shows the difference panel and follows the crosshair', async ({ page }) => {
  await page.goto(gallery);
  const widget = page.locator('nl-function-explorer').nth(1);
  const dot = widget.locator('.nl-plot svg:nth-of-type(3) .fx-dot-0 circle');
  const cy = await dot.getAttribute('cy');
  await widget.getByRole('slider', { name: 'Crosshair x' }).fill('-2.7');
  await expect(dot).not.toHaveAttribute('cy', cy as string);
  await expect(page).toHaveURL(/fxd-x=-2\.7/);
  await expect(page).not.toHaveURL(/[?&]fx-/);
});
