import { inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import {
  checkLinearRegionsProps,
  colourRegions,
  describeLinearRegions,
  formatLinearRegionsState,
  type LinearRegionsState,
  linearRegionsData,
  linearRegionsFigure,
  linearRegionsImage,
  lrDefaults,
  lrNetwork,
  lrOutputPalette,
  lrRegionPalette,
  maxRegionsOfLines,
  parseLinearRegionsState,
} from '../../src/components/figures/linear-regions.ts';
import {
  adler32,
  crc32,
  palettePng,
  zlibStored,
} from '../../src/components/figures/linear-regions-png.ts';
import { renderToString } from '../../src/components/figures/render.ts';
import { normaliseSvg } from './snapshot.ts';

// Whole-grid sweeps over many networks are slow on a busy machine; they are not timed tests.
vi.setConfig({ testTimeout: 30_000 });

const relu = (state: Partial<LinearRegionsState>, grid?: number) => {
  const data = linearRegionsData({ ...lrDefaults, ...state }, grid);
  if (data.activation !== 'relu') throw new Error('expected ReLU data');
  return data;
};

/** The pattern of every ReLU at one point, straight from the weights: an independent oracle. */
function patternAt(net: ReturnType<typeof lrNetwork>, x1: number, x2: number): string {
  let h = [x1, x2];
  let bits = '';
  for (const { w, b, fanIn } of net.layers) {
    h = Array.from(b, (bj, j) => {
      let s = bj;
      for (let i = 0; i < fanIn; i++) s += w[j * fanIn + i] * h[i];
      bits += s > 0 ? '1' : '0';
      return Math.max(0, s);
    });
  }
  return bits;
}

describe('linearRegionsData(state)', () => {
  it('gives two pixels the same id exactly when their ReLU patterns agree', () => {
    for (const [units, layers] of [
      [5, 1],
      [6, 2],
      [16, 4],
    ]) {
      const state = { ...lrDefaults, units, layers };
      const grid = 40;
      const { ids, count } = relu(state, grid);
      const seen = new Map<string, number>();
      const net = lrNetwork(state);
      for (let p = 0; p < grid * grid; p++) {
        const x1 = -1 + (2 * (p % grid) + 1) / grid;
        const x2 = 1 - (2 * Math.floor(p / grid) + 1) / grid;
        const key = patternAt(net, x1, x2);
        if (!seen.has(key)) seen.set(key, ids[p]);
        expect(ids[p]).toBe(seen.get(key));
      }
      expect(count).toBe(seen.size);
      expect(new Set(ids).size).toBe(count);
    }
  });

  it('never counts more regions than one layer of lines allows', () => {
    for (let units = 1; units <= 16; units++) {
      for (const seed of [1, 2, 3]) {
        const { count } = relu({ units, layers: 1, seed });
        expect(count).toBeGreaterThanOrEqual(1);
        expect(count).toBeLessThanOrEqual(maxRegionsOfLines(units));
      }
    }
    expect(maxRegionsOfLines(1)).toBe(2);
    expect(maxRegionsOfLines(3)).toBe(7);
    expect(maxRegionsOfLines(16)).toBe(137);
  });

  it('counts more regions as units and layers are added', () => {
    const counts = [2, 6, 12, 16].map((units) => relu({ units, layers: 2 }).count);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThan(counts[i - 1]);
    expect(relu({ units: 8, layers: 4 }).count).toBeGreaterThan(
      relu({ units: 8, layers: 1 }).count,
    );
  });

  it('keeps the first layer when units are added: its lines only gain company', () => {
    const small = lrNetwork({ ...lrDefaults, units: 3 });
    const big = lrNetwork({ ...lrDefaults, units: 9 });
    expect(Array.from(big.layers[0].w.slice(0, 6))).toEqual(Array.from(small.layers[0].w));
    expect(Array.from(big.layers[0].b.slice(0, 3))).toEqual(Array.from(small.layers[0].b));
    expect(lrNetwork({ ...lrDefaults, seed: 2 }).layers[0].w).not.toEqual(small.layers[0].w);
  });

  it('colours neighbouring regions differently', () => {
    const { ids, colours, grid } = relu({ units: 10, layers: 3 });
    let clashes = 0;
    for (let r = 0; r < grid; r++) {
      for (let c = 0; c + 1 < grid; c++) {
        const a = ids[r * grid + c];
        const b = ids[r * grid + c + 1];
        if (a !== b && colours[a] === colours[b]) clashes++;
      }
    }
    expect(clashes).toBe(0);
    expect(Math.max(...colours)).toBeLessThan(lrRegionPalette.length);
  });

  it('falls back to id mod palette size when ten colours are all taken', () => {
    // Regions 0-9 in a row along the top, region 10 below touching all ten.
    const grid = 11;
    const ids = new Int32Array(grid * grid).fill(10);
    for (let k = 0; k < 10; k++) ids[k] = k;
    const colours = colourRegions(ids, grid, 11);
    expect(Array.from(colours.slice(0, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(colours[10]).toBe(0);
  });

  it('maps the smooth tanh output with the same weights', () => {
    const data = linearRegionsData({ ...lrDefaults, activation: 'tanh' }, 20);
    if (data.activation !== 'tanh') throw new Error('expected tanh data');
    expect(data.output).toHaveLength(400);
    expect(data.min).toBeLessThan(data.max);
    expect(Math.min(...data.output)).toBe(data.min);
    expect(linearRegionsData({ ...lrDefaults, activation: 'tanh' }).grid).toBe(80);
    expect(relu({}).grid).toBe(160);
  });
});

describe('palettePng(indices, width, height, palette)', () => {
  it('writes a valid PNG whose pixels read back', () => {
    const url = palettePng(new Uint8Array([0, 1, 1, 0, 2, 2]), 3, 2, [
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
    ]);
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(url.slice(22), 'base64');
    expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(3);
    expect(png.readUInt32BE(20)).toBe(2);
    // Every chunk's CRC holds; IDAT inflates to the filtered rows.
    let o = 8;
    let idat = Buffer.alloc(0);
    while (o < png.length) {
      const len = png.readUInt32BE(o);
      const type = png.toString('latin1', o + 4, o + 8);
      expect(png.readUInt32BE(o + 8 + len)).toBe(crc32(png, o + 4, o + 8 + len));
      if (type === 'IDAT') idat = png.subarray(o + 8, o + 8 + len);
      o += 12 + len;
    }
    expect(Array.from(inflateSync(idat))).toEqual([0, 0, 1, 1, 0, 0, 2, 2]);
  });

  it('splits long data into stored blocks zlib can read', () => {
    const data = Uint8Array.from({ length: 140000 }, (_, i) => (i * 7) % 251);
    expect(Buffer.compare(inflateSync(zlibStored(data)), Buffer.from(data))).toBe(0);
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('rejects a mismatched size or palette', () => {
    expect(() => palettePng(new Uint8Array(3), 2, 2, [[0, 0, 0]])).toThrow(/3 indices/);
    expect(() => palettePng(new Uint8Array(4), 2, 2, [])).toThrow(/1 to 256/);
  });

  it('has 256 output colours from dark purple to yellow', () => {
    expect(lrOutputPalette).toHaveLength(256);
    expect(lrOutputPalette[0]).toEqual([0x44, 0x01, 0x54]);
    expect(lrOutputPalette[255]).toEqual([0xfd, 0xe7, 0x25]);
    const flat = linearRegionsImage({
      activation: 'tanh',
      grid: 2,
      output: new Float64Array(4).fill(0.3),
      min: 0.3,
      max: 0.3,
    });
    expect(flat.startsWith('data:image/png;base64,')).toBe(true);
  });
});

describe('describeLinearRegions(state)', () => {
  it('gives the count, the grid caveat and the one-layer bound', () => {
    const { count } = relu({ units: 6, layers: 1 });
    const text = describeLinearRegions({ ...lrDefaults, units: 6, layers: 1 });
    expect(text).toContain(`1 hidden layer of 6 ReLU units cuts it into ${count} linear regions`);
    expect(text).toContain(
      'counted on a 160 × 160 grid, so regions smaller than a grid cell may be missed',
    );
    expect(text).toContain('6 straight lines, which cut the whole plane into at most 22 regions');
    const one = describeLinearRegions({ ...lrDefaults, units: 1, layers: 1 });
    expect(one).toContain('1 hidden layer of 1 ReLU unit cuts it into 2 linear regions');
    expect(one).toContain('its 1 ReLU,');
    expect(one).toContain(
      "One layer's 1 unit is a straight line, which cuts the whole plane into at most 2 regions.",
    );
    expect(describeLinearRegions(lrDefaults)).not.toContain('straight lines');
  });
  it('says there are no linear pieces with tanh and gives the output range', () => {
    const text = describeLinearRegions({ ...lrDefaults, activation: 'tanh' });
    expect(text).toContain('2 hidden layers of 6 tanh units');
    expect(text).toContain('no linear regions');
    expect(text).toMatch(/lowest, −?\d\.\d\d\) to yellow \(highest, −?\d\.\d\d\)/);
  });
});

describe('parseLinearRegionsState(params)', () => {
  it('round-trips a formatted state', () => {
    const state = { activation: 'tanh' as const, units: 13, layers: 4, seed: 9 };
    const params = new URLSearchParams(formatLinearRegionsState(state, 'lr-'));
    expect(parseLinearRegionsState(params, 'lr-')).toEqual({ state, problems: [] });
  });
  it('clamps and explains bad values instead of failing', () => {
    const { state, problems } = parseLinearRegionsState(
      new URLSearchParams('act=gelu&units=40&layers=0&seed=x'),
    );
    expect(state).toEqual({ ...lrDefaults, units: 16, layers: 1 });
    expect(problems).toEqual([
      'Unknown activation "gelu"; showing ReLU.',
      'Units per layer must be a whole number from 1 to 16; showing 16.',
      'Layers must be a whole number from 1 to 4; showing 1.',
      'Seed must be a whole number ≥ 0; showing seed 1.',
    ]);
    expect(parseLinearRegionsState(new URLSearchParams('units=abc')).state.units).toBe(6);
    expect(parseLinearRegionsState(new URLSearchParams('units=2.4')).state.units).toBe(2);
  });
});

describe('checkLinearRegionsProps(state)', () => {
  it('accepts good props and names the first bad one', () => {
    expect(checkLinearRegionsProps(lrDefaults)).toBeUndefined();
    const bad = (p: object) =>
      checkLinearRegionsProps({ ...lrDefaults, ...p } as LinearRegionsState);
    expect(bad({ activation: 'sigmoid' })).toMatch(/activation must be one of relu, tanh/);
    expect(bad({ units: 17 })).toMatch(/units must be a whole number from 1 to 16/);
    expect(bad({ layers: 1.5 })).toMatch(/layers must be/);
    expect(bad({ seed: -1 })).toMatch(/seed/);
  });
});

describe('linearRegionsFigure(state)', () => {
  // A coarse grid keeps the embedded PNG, and so the committed SVG, small.
  const states = [
    ['relu-6x2', lrDefaults],
    ['relu-3x1', { ...lrDefaults, units: 3, layers: 1 }],
    ['tanh-6x2', { ...lrDefaults, activation: 'tanh' }],
  ] as const;
  for (const [name, state] of states) {
    it(`renders ${name} on a 24 × 24 grid as the committed SVG`, async () => {
      const svg = renderToString(linearRegionsFigure(state, 640, 24));
      await expect(normaliseSvg(svg)).toMatchFileSnapshot(`../output/linear-regions-${name}.svg`);
    });
  }
  it('labels the figure and sizes it to the width', () => {
    const svg = renderToString(linearRegionsFigure(lrDefaults, 300, 24));
    expect(svg).toMatch(
      /aria-label="Linear regions of a random ReLU network on the square: \d+ regions"/,
    );
    expect(svg).toContain('width="300"');
    expect(svg).toContain('image-rendering="pixelated"');
    const tanh = renderToString(
      linearRegionsFigure({ ...lrDefaults, activation: 'tanh' }, 640, 24),
    );
    expect(tanh).toContain('aria-label="Output of a random tanh network on the square"');
  });
});
