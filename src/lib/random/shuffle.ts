// Fisher–Yates shuffle in place, drawing from a seeded source (Playground's algorithm, with
// the source in place of Math.random).

import type { Source } from './index.ts';

/** Shuffles `array` in place and returns it. */
export function shuffle<T extends { length: number; [i: number]: unknown }>(
  array: T,
  source: Source,
): T {
  for (let counter = array.length; counter > 0; ) {
    const index = Math.floor(source() * counter);
    counter--;
    const t = array[counter];
    array[counter] = array[index];
    array[index] = t;
  }
  return array;
}
