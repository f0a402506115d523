// Seeded randomness. Every random thing in the course takes a `Source` (d3-random's idea):
// a function returning uniform numbers in [0, 1). There is no global generator, so the same
// seed always gives the same figure, the same initial weights and the same training run.

import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Uniform numbers in [0, 1), 53 random bits each. */
export type Source = () => number;

/** A seeded source: xoroshiro128+ from pure-rand, a small, fast, well-tested generator. */
export function seeded(seed: number): Source {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

/** Uniform numbers in [lo, hi). */
export function randomUniform(source: Source, lo = 0, hi = 1): () => number {
  return () => lo + (hi - lo) * source();
}

/** Normal numbers N(mu, sigma²) by the Box-Muller transform, one pair per two draws. */
export function randomNormal(source: Source, mu = 0, sigma = 1): () => number {
  let spare = Number.NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = Number.NaN;
      return mu + sigma * z;
    }
    // 1 - u lies in (0, 1], so the logarithm is finite.
    const r = Math.sqrt(-2 * Math.log(1 - source()));
    const theta = 2 * Math.PI * source();
    spare = r * Math.sin(theta);
    return mu + sigma * r * Math.cos(theta);
  };
}
