// The pages the widget benchmarks drive (redraw.ts, profile.ts), and on each the custom
// element whose range inputs they press.

import type { Locator, Page } from '@playwright/test';

export const pages: [string, string][] = [
  ['/widgets/function-explorer/', 'nl-function-explorer'],
  ['/widgets/gradient-through-depth/', 'nl-gradient-through-depth'],
  ['/widgets/softmax-explorer/', 'nl-softmax-explorer'],
  ['/widgets/self-normalisation/', 'nl-self-normalisation'],
  ['/widgets/linear-regions/', 'nl-linear-regions'],
  ['/widgets/universal-approximation/', 'nl-universal-approximation'],
  ['/foundations/why-nonlinearity/', 'nl-stacked-layers'],
];

/** Each visible range input of the widget `tag` on `page`, with its name. */
export async function* sliders(
  page: Page,
  tag: string,
): AsyncGenerator<{ slider: Locator; name: string }> {
  const all = page.locator(`${tag} input[type=range]`);
  const count = await all.count();
  for (let i = 0; i < count; i++) {
    const slider = all.nth(i);
    if (!(await slider.isVisible())) continue;
    yield { slider, name: (await slider.getAttribute('name')) ?? `#${i}` };
  }
}
