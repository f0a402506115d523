import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDigits, output } from '../../../scripts/build-digits.ts';
import {
  DIGITS_HEADER_BYTES,
  type Digits,
  loadDigits,
  parseDigits,
} from '../../../src/lib/data/digits.ts';

const file = fileURLToPath(new URL('../../../public/data/digits.bin', import.meta.url));
const bytes = new Uint8Array(readFileSync(file));

/** A fetch that serves the file from disk and records what it was asked for. */
function diskFetch(asked: string[] = []) {
  return async (url: string | URL) => {
    asked.push(String(url));
    return new Response(bytes);
  };
}

function counts(labels: Int32Array): number[] {
  const c = new Array(10).fill(0);
  for (const l of labels) c[l]++;
  return c;
}

describe('digits', () => {
  it('public/data/digits.bin is what scripts/build-digits.ts makes from the mnist package', () => {
    expect(output).toBe(file);
    const built = buildDigits();
    expect(built.length).toBe(bytes.length);
    expect(Buffer.compare(Buffer.from(built), Buffer.from(bytes))).toBe(0);
  }, 30_000);

  it('loadDigits() fetches data/digits.bin under the base path and parses it', async () => {
    const asked: string[] = [];
    const digits = await loadDigits({ fetch: diskFetch(asked) });
    expect(asked).toEqual(['/data/digits.bin']);
    expect([digits.train.n, digits.test.n, digits.rows, digits.cols]).toEqual([5000, 1000, 28, 28]);
    expect(digits.pixels.length).toBe(6000 * 784);
    // Balanced: 500 and 100 of each digit, shuffled (not sorted by class).
    expect(counts(digits.train.labels as Int32Array)).toEqual(new Array(10).fill(500));
    expect(counts(digits.test.labels as Int32Array)).toEqual(new Array(10).fill(100));
    const firstLabels = Array.from((digits.train.labels as Int32Array).subarray(0, 50));
    expect(new Set(firstLabels).size).toBeGreaterThan(5);
  });

  it('parseDigits(bytes) normalises pixels to [0, 1] and one-hot encodes the labels', () => {
    const digits: Digits = parseDigits(bytes);
    for (const part of [digits.train, digits.test]) {
      expect([part.inputs, part.outputs, part.classes, part.task]).toEqual([
        784,
        10,
        10,
        'classification',
      ]);
      expect(part.x.length).toBe(part.n * 784);
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const v of part.x) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      expect([lo, hi]).toEqual([0, 1]);
      for (let i = 0; i < part.n; i += 97) {
        const row = Array.from(part.y.subarray(i * 10, i * 10 + 10));
        expect(row.indexOf(1)).toBe(part.labels?.[i]);
        expect(row.reduce((a, b) => a + b)).toBe(1);
      }
    }
    // x is the byte over 255: the first test image's pixels, through the file's layout.
    const n = 6000;
    const testPixels = DIGITS_HEADER_BYTES + n + 5000 * 784;
    for (let k = 0; k < 784; k++) {
      expect(digits.test.x[k]).toBe(bytes[testPixels + k] / 255);
    }
    // Ink: an MNIST digit covers roughly a fifth of its 28 × 28 box.
    let ink = 0;
    for (let k = 0; k < 784; k++) ink += digits.train.x[k] > 0.5 ? 1 : 0;
    expect(ink).toBeGreaterThan(40);
    expect(ink).toBeLessThan(300);
  });

  it('parseDigits rejects a wrong header, version, length or label', () => {
    const copy = () => bytes.slice();
    const wrongMagic = copy();
    wrongMagic[0] = 0x58;
    expect(() => parseDigits(wrongMagic)).toThrow(/not a digits file/);
    expect(() => parseDigits(bytes.subarray(0, 10))).toThrow(/not a digits file/);
    const wrongVersion = copy();
    new DataView(wrongVersion.buffer).setUint32(4, 2, true);
    expect(() => parseDigits(wrongVersion)).toThrow(/version 2/);
    expect(() => parseDigits(bytes.subarray(0, bytes.length - 1))).toThrow(/expected 4710024/);
    const wrongLabel = copy();
    wrongLabel[DIGITS_HEADER_BYTES + 3] = 10;
    expect(() => parseDigits(wrongLabel)).toThrow(/sample 3 of digits-train has label 10/);
    // An ArrayBuffer parses as the bytes do.
    expect(parseDigits(copy().buffer).train.n).toBe(5000);
  });

  it('loadDigits reports a failed fetch with the address and status', async () => {
    const missing = async () => new Response('not found', { status: 404 });
    await expect(loadDigits({ url: '/elsewhere/digits.bin', fetch: missing })).rejects.toThrow(
      '/elsewhere/digits.bin answered 404',
    );
  });
});
