// What the digits lab's network sees: a drawing brought to MNIST's form, and the shipped
// test digits read straight from the file's bytes. Pure; no DOM.
//
// MNIST's digits were size-normalised to fit a 20 × 20 box keeping their aspect ratio
// (the anti-aliasing leaves grey levels), then placed in a 28 × 28 field so that their
// centre of mass sits at the field's centre (LeCun, Cortes and Burges, "The MNIST database
// of handwritten digits"). `toMnist` does the same to the ink of a canvas: it crops the
// ink's bounding box, averages it down (or up) into a box whose longer side is 20 pixels,
// and shifts it by whole pixels so that its centre of mass lands on the centre. Values are
// ink in [0, 1], as src/lib/data/digits.ts gives the shipped digits (byte / 255).

import { DIGITS_HEADER_BYTES } from '../../lib/data/digits.ts';

export const MNIST_SIDE = 28;
export const MNIST_BOX = 20;

/** Source pixels [a, b) of one target pixel, with their overlaps (area weights). */
function spans(lo: number, scale: number, count: number, limit: number) {
  const out: { from: number; weights: number[] }[] = [];
  for (let d = 0; d < count; d++) {
    const a = lo + d / scale;
    const b = lo + (d + 1) / scale;
    const from = Math.max(0, Math.floor(a));
    const to = Math.min(limit, Math.ceil(b));
    const weights: number[] = [];
    for (let p = from; p < to; p++) weights.push(Math.min(b, p + 1) - Math.max(a, p));
    out.push({ from, weights });
  }
  return out;
}

/**
 * A width × height image of ink (any non-negative scale; 0 is paper) as MNIST would have
 * it: 784 values in [0, 1], row by row from the top left. All zeros if there is no ink.
 */
export function toMnist(ink: ArrayLike<number>, width: number, height: number): Float64Array {
  if (ink.length !== width * height) {
    throw new RangeError(`toMnist: ${ink.length} values for a ${width} × ${height} image`);
  }
  const out = new Float64Array(MNIST_SIDE * MNIST_SIDE);
  let peak = 0;
  for (let i = 0; i < ink.length; i++) if (ink[i] > peak) peak = ink[i];
  if (!(peak > 0)) return out;
  // The bounding box of the ink (faint anti-aliasing fringes count as ink).
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > 0) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const scale = MNIST_BOX / Math.max(bw, bh);
  const tw = Math.max(1, Math.min(MNIST_BOX, Math.round(bw * scale)));
  const th = Math.max(1, Math.min(MNIST_BOX, Math.round(bh * scale)));
  const xs = spans(x0, scale, tw, width);
  const ys = spans(y0, scale, th, height);
  // Area averages, scaled so that solid ink is 1.
  const box = new Float64Array(tw * th);
  for (let j = 0; j < th; j++) {
    const sy = ys[j];
    for (let i = 0; i < tw; i++) {
      const sx = xs[i];
      let sum = 0;
      let area = 0;
      for (let q = 0; q < sy.weights.length; q++) {
        const row = (sy.from + q) * width;
        for (let p = 0; p < sx.weights.length; p++) {
          const w = sy.weights[q] * sx.weights[p];
          sum += w * ink[row + sx.from + p];
          area += w;
        }
      }
      box[j * tw + i] = area > 0 ? Math.min(1, sum / area / peak) : 0;
    }
  }
  // Centre of mass of the box, then the whole-pixel shift that puts it at the centre.
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let j = 0; j < th; j++) {
    for (let i = 0; i < tw; i++) {
      const v = box[j * tw + i];
      mass += v;
      mx += v * i;
      my += v * j;
    }
  }
  const centre = (MNIST_SIDE - 1) / 2;
  const dx = Math.round(centre - mx / mass);
  const dy = Math.round(centre - my / mass);
  for (let j = 0; j < th; j++) {
    const y = j + dy;
    if (y < 0 || y >= MNIST_SIDE) continue;
    for (let i = 0; i < tw; i++) {
      const x = i + dx;
      if (x >= 0 && x < MNIST_SIDE) out[y * MNIST_SIDE + x] = box[j * tw + i];
    }
  }
  return out;
}

/** The centre of mass of a 28 × 28 image, in pixel indices (13.5 is the centre). */
export function centreOfMass(image: ArrayLike<number>): { x: number; y: number } {
  let mass = 0;
  let x = 0;
  let y = 0;
  for (let k = 0; k < image.length; k++) {
    mass += image[k];
    x += image[k] * (k % MNIST_SIDE);
    y += image[k] * Math.floor(k / MNIST_SIDE);
  }
  return mass > 0 ? { x: x / mass, y: y / mass } : { x: Number.NaN, y: Number.NaN };
}

export interface TestDigits {
  n: number;
  /** The class of each test digit. */
  labels: Uint8Array;
  /** n × 784 bytes, 0 paper … 255 ink (views of the file's bytes, not copies). */
  pixels: Uint8Array;
}

/**
 * The test digits of a digits file (see src/lib/data/digits.ts for the format), read without
 * converting the training digits: the page needs only these, and only as bytes.
 */
export function testDigits(bytes: Uint8Array): TestDigits {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < DIGITS_HEADER_BYTES || magic !== 'NLDG') {
    throw new RangeError('digits: not a digits file (no NLDG header)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ntrain = view.getUint32(8, true);
  const ntest = view.getUint32(12, true);
  const size = view.getUint32(16, true) * view.getUint32(20, true);
  if (size !== MNIST_SIDE * MNIST_SIDE) throw new RangeError(`digits: images of ${size} pixels`);
  const n = ntrain + ntest;
  if (bytes.length !== DIGITS_HEADER_BYTES + n * (1 + size)) {
    throw new RangeError(`digits: ${bytes.length} bytes do not hold ${n} images`);
  }
  const labelsAt = DIGITS_HEADER_BYTES + ntrain;
  const pixelsAt = DIGITS_HEADER_BYTES + n + ntrain * size;
  return {
    n: ntest,
    labels: bytes.subarray(labelsAt, labelsAt + ntest),
    pixels: bytes.subarray(pixelsAt, pixelsAt + ntest * size),
  };
}

/** Test digit i as the network's input: 784 values, byte / 255. */
export function testImage(digits: TestDigits, i: number): Float64Array {
  const size = MNIST_SIDE * MNIST_SIDE;
  if (!(Number.isInteger(i) && i >= 0 && i < digits.n)) {
    throw new RangeError(`test digit ${i} is not 0..${digits.n - 1}`);
  }
  return Float64Array.from(digits.pixels.subarray(i * size, (i + 1) * size), (b) => b / 255);
}

/** byte / 255 for every byte, looked up rather than divided. */
const SCALE = Float64Array.from({ length: 256 }, (_, b) => b / 255);

/**
 * Every test digit as one input batch (n × 784, byte / 255). A plain loop over a table:
 * Float64Array.from with a callback took about 40 ms for the 784,000 pixels in Chromium.
 */
export function testBatch(digits: TestDigits): Float64Array {
  const { pixels } = digits;
  const out = new Float64Array(pixels.length);
  for (let k = 0; k < pixels.length; k++) out[k] = SCALE[pixels[k]];
  return out;
}
