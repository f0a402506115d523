// A tiny PNG writer for the linear-regions raster: 8-bit palette images, stored (uncompressed)
// deflate blocks. Pure TypeScript, so the same picture is made at build time in Node and live
// in the browser, with no canvas.

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG (and zlib, gzip) define it. */
export function crc32(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Adler-32, zlib's checksum of the uncompressed data. */
export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A zlib stream of `data` in stored blocks (no compression). */
export function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(2 + data.length + 5 * blocks + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let o = 2;
  for (let k = 0; k < blocks; k++) {
    const start = k * 65535;
    const len = Math.min(65535, data.length - start);
    out[o++] = k === blocks - 1 ? 1 : 0;
    out[o++] = len & 0xff;
    out[o++] = len >>> 8;
    out[o++] = ~len & 0xff;
    out[o++] = (~len >>> 8) & 0xff;
    out.set(data.subarray(start, start + len), o);
    o += len;
  }
  const adler = adler32(data);
  out[o++] = adler >>> 24;
  out[o++] = (adler >>> 16) & 0xff;
  out[o++] = (adler >>> 8) & 0xff;
  out[o++] = adler & 0xff;
  return out;
}

/**
 * A PNG of `width` × `height` palette indices (row-major, top row first) as a data URL.
 * `palette` holds [r, g, b] triples, at most 256.
 */
export function palettePng(
  indices: Uint8Array,
  width: number,
  height: number,
  palette: readonly (readonly [number, number, number])[],
): string {
  if (indices.length !== width * height) {
    throw new RangeError(`palettePng: ${indices.length} indices for ${width} × ${height} pixels`);
  }
  if (palette.length < 1 || palette.length > 256) {
    throw new RangeError(`palettePng: palette needs 1 to 256 colours, got ${palette.length}`);
  }
  // Each row starts with filter type 0 (none).
  const raw = new Uint8Array(height * (width + 1));
  for (let r = 0; r < height; r++) {
    raw.set(indices.subarray(r * width, (r + 1) * width), r * (width + 1) + 1);
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 3, 0, 0, 0], 8); // bit depth 8, colour type 3 (palette)
  const plte = Uint8Array.from(palette.flat());
  const chunks = [
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', new Uint8Array(0)),
  ];
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  const png = new Uint8Array(8 + chunks.reduce((s, c) => s + c.length, 0));
  png.set(signature);
  let o = 8;
  for (const c of chunks) {
    png.set(c, o);
    o += c.length;
  }
  return `data:image/png;base64,${base64(png)}`;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return btoa(binary);
}
