// Figure: a small random network on the square [−1, 1]², coloured by linear region. With ReLU,
// the on/off pattern of every unit is found at each pixel of a grid; each distinct pattern is
// one region (on it the network is a single affine map), coloured so neighbours differ, and
// counted. With tanh (same weights) there are no linear pieces: the colour shows the output.
// Pure: state in, Plot options out; the raster is a PNG data URL drawn by Plot's image mark.

import * as Plot from '@observablehq/plot';
import { randomNormal, seeded } from '../../lib/random/index.ts';
import { palettePng } from './linear-regions-png.ts';
import { type LinearRegionsState, lrActivationLabel, lrLimits } from './linear-regions-state.ts';

export * from './linear-regions-state.ts';

/** Pixels per side of the grid the regions are found on. */
export const lrGrid = 160;
/** Weights are N(0, gain²/fan-in) (He's scale for ReLU); biases N(0, biasScale²). */
export const lrGain = Math.SQRT2;
export const lrBiasScale = 0.5;

/**
 * Ten mid-tone colours (Observable's "observable10") that read on white and on near-black;
 * regions are coloured from it so that neighbours differ.
 */
export const lrRegionPalette: readonly (readonly [number, number, number])[] = [
  [0x42, 0x69, 0xd0],
  [0xef, 0xb1, 0x18],
  [0xff, 0x72, 0x5c],
  [0x6c, 0xc5, 0xb0],
  [0x3c, 0xa9, 0x51],
  [0xff, 0x8a, 0xb7],
  [0xa4, 0x63, 0xf2],
  [0x97, 0xbb, 0xf5],
  [0x9c, 0x6b, 0x4e],
  [0x94, 0x98, 0xa0],
];

/** Viridis at nine stops, interpolated to 256 colours for the tanh output map. */
const viridisStops = [
  [0x44, 0x01, 0x54],
  [0x47, 0x2d, 0x7b],
  [0x3b, 0x52, 0x8b],
  [0x2c, 0x72, 0x8e],
  [0x21, 0x91, 0x8c],
  [0x28, 0xae, 0x80],
  [0x5e, 0xc9, 0x62],
  [0xad, 0xdc, 0x30],
  [0xfd, 0xe7, 0x25],
];
export const lrOutputPalette: readonly (readonly [number, number, number])[] = Array.from(
  { length: 256 },
  (_, i) => {
    const t = (i / 255) * (viridisStops.length - 1);
    const k = Math.min(viridisStops.length - 2, Math.floor(t));
    const f = t - k;
    const [a, b] = [viridisStops[k], viridisStops[k + 1]];
    return [0, 1, 2].map((c) => Math.round(a[c] + f * (b[c] - a[c]))) as [number, number, number];
  },
);

export interface LrNetwork {
  /** Per hidden layer: weights (units × fan-in, row-major) and biases. */
  layers: { w: Float64Array; b: Float64Array; fanIn: number }[];
  readout: { w: Float64Array; b: number };
}

/**
 * The network for `state`. Weights for the largest network are drawn once per seed, in a fixed
 * order, and smaller networks use the top-left block of each matrix: adding a unit or a layer
 * keeps the others' directions, so the reader sees regions split rather than reshuffle.
 */
export function lrNetwork({ units, layers, seed }: LinearRegionsState): LrNetwork {
  const draw = randomNormal(seeded(seed));
  const max = lrLimits.units.max;
  const full = Array.from({ length: lrLimits.layers.max }, (_, l) => {
    const fanIn = l === 0 ? 2 : max;
    const w = Float64Array.from({ length: max * fanIn }, draw);
    const b = Float64Array.from({ length: max }, draw);
    return { w, b, fanIn };
  });
  const readW = Float64Array.from({ length: max }, draw);
  const readB = draw();
  const out: LrNetwork['layers'] = [];
  for (let l = 0; l < layers; l++) {
    const src = full[l];
    const fanIn = l === 0 ? 2 : units;
    const scale = lrGain / Math.sqrt(fanIn);
    const w = new Float64Array(units * fanIn);
    for (let j = 0; j < units; j++) {
      for (let i = 0; i < fanIn; i++) w[j * fanIn + i] = scale * src.w[j * src.fanIn + i];
    }
    out.push({ w, b: src.b.map((v) => lrBiasScale * v).slice(0, units), fanIn });
  }
  const scale = 1 / Math.sqrt(units);
  return {
    layers: out,
    readout: { w: readW.slice(0, units).map((v) => scale * v), b: lrBiasScale * readB },
  };
}

export interface LrReluData {
  activation: 'relu';
  grid: number;
  /** Region id per pixel, row-major from the top-left corner (x₁ = −1, x₂ = 1). */
  ids: Int32Array;
  /** Number of distinct activation patterns seen on the grid. */
  count: number;
  /** Palette index per region, neighbours different where ten colours allow. */
  colours: Uint8Array;
}

export interface LrTanhData {
  activation: 'tanh';
  grid: number;
  /** Network output per pixel. */
  output: Float64Array;
  min: number;
  max: number;
}

export type LrData = LrReluData | LrTanhData;

/** Centre of pixel k of `grid` along an axis from −1 to 1. */
const centre = (k: number, grid: number) => -1 + (2 * k + 1) / grid;

/** Pixels per side of the tanh output map: it is smooth, so a coarser grid drawn smoothed will do. */
export const lrTanhGrid = 80;

/**
 * Runs the network's hidden layers on every pixel centre of a `grid` × `grid` raster (row-major
 * from the top-left corner, x₁ = −1, x₂ = 1), layer by layer over flat typed arrays.
 */
function hiddenLayers(
  net: LrNetwork,
  grid: number,
  units: number,
  f: (z: number) => number,
): Float64Array {
  const pixels = grid * grid;
  const n = units;
  let h = new Float64Array(pixels * n);
  let z = new Float64Array(pixels * n);
  const first = net.layers[0];
  for (let p = 0; p < pixels; p++) {
    const x1 = centre(p % grid, grid);
    const x2 = -centre(Math.floor(p / grid), grid);
    const base = p * n;
    for (let j = 0; j < n; j++)
      z[base + j] = first.b[j] + first.w[2 * j] * x1 + first.w[2 * j + 1] * x2;
  }
  for (let l = 0; ; l++) {
    for (let k = 0; k < z.length; k++) z[k] = f(z[k]);
    const swap = h;
    h = z;
    z = swap;
    if (l + 1 === net.layers.length) return h;
    const { w, b } = net.layers[l + 1];
    for (let p = 0; p < pixels; p++) {
      const base = p * n;
      for (let j = 0; j < n; j++) {
        let s = b[j];
        const row = j * n;
        for (let i = 0; i < n; i++) s += w[row + i] * h[base + i];
        z[base + j] = s;
      }
    }
  }
}

/**
 * A function that finds the ReLU on/off pattern at pixel k (once; later calls return at once),
 * writing it into `low` (layers 1-3) and `high` (layer 4).
 */
function reluPatterns(
  net: LrNetwork,
  grid: number,
  n: number,
  low: Float64Array,
  high: Float64Array,
): (k: number) => void {
  const done = new Uint8Array(grid * grid);
  const depth = net.layers.length;
  const w0 = net.layers[0].w;
  const b0 = net.layers[0].b;
  // Deeper layers' weights and biases in one flat array each, layer after layer.
  const w = new Float64Array(Math.max(0, depth - 1) * n * n);
  const b = new Float64Array(Math.max(0, depth - 1) * n);
  for (let l = 1; l < depth; l++) {
    w.set(net.layers[l].w, (l - 1) * n * n);
    b.set(net.layers[l].b, (l - 1) * n);
  }
  const h = new Float64Array(n);
  const z = new Float64Array(n);
  return (k) => {
    if (done[k]) return;
    done[k] = 1;
    const x1 = centre(k % grid, grid);
    const x2 = -centre(Math.floor(k / grid), grid);
    let bits = 0;
    for (let j = 0; j < n; j++) {
      const s = b0[j] + w0[2 * j] * x1 + w0[2 * j + 1] * x2;
      h[j] = Math.max(s, 0);
      if (s > 0) bits |= 1 << j;
    }
    let lo = bits;
    let hi = 0;
    for (let l = 1; l < depth; l++) {
      const wBase = (l - 1) * n * n;
      const bBase = (l - 1) * n;
      bits = 0;
      for (let j = 0; j < n; j++) {
        let s = b[bBase + j];
        const row = wBase + j * n;
        for (let i = 0; i < n; i++) s += w[row + i] * h[i];
        z[j] = s;
        if (s > 0) bits |= 1 << j;
      }
      for (let j = 0; j < n; j++) h[j] = Math.max(z[j], 0);
      if (l < 3) lo += bits * (l === 1 ? 65536 : 4294967296);
      else hi = bits;
    }
    low[k] = lo;
    high[k] = hi;
  };
}

/** Finds the regions (ReLU) or the output map (tanh) on a `grid` × `grid` raster. */
export function linearRegionsData(state: LinearRegionsState, grid?: number): LrData {
  const net = lrNetwork(state);
  const n = state.units;
  if (state.activation === 'tanh') {
    const g = grid ?? lrTanhGrid;
    const h = hiddenLayers(net, g, n, Math.tanh);
    const output = new Float64Array(g * g);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < output.length; p++) {
      let y = net.readout.b;
      for (let i = 0; i < n; i++) y += net.readout.w[i] * h[p * n + i];
      output[p] = y;
      if (y < min) min = y;
      if (y > max) max = y;
    }
    return { activation: 'tanh', grid: g, output, min, max };
  }
  const g = grid ?? lrGrid;
  const pixels = g * g;
  // Each layer's on/off pattern is a number below 2¹⁶. Layers 1-3 pack exactly into `low`
  // (below 2⁴⁸) and layer 4 into `high`, so equal keys mean equal patterns: no hashing.
  const low = new Float64Array(pixels);
  const high = new Float64Array(pixels);
  const pattern = reluPatterns(net, g, n, low, high);
  // Regions are convex (on one pattern every layer is affine in the input, and the pattern is
  // a set of linear inequalities), so when a block's four corner pixels share a pattern every
  // pixel inside has it too: only blocks that a boundary crosses are evaluated pixel by pixel.
  const fill = (r0: number, c0: number, r1: number, c1: number) => {
    const corners = [r0 * g + c0, r0 * g + c1, r1 * g + c0, r1 * g + c1];
    for (const k of corners) pattern(k);
    const same = corners.every((k) => low[k] === low[corners[0]] && high[k] === high[corners[0]]);
    if (same) {
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          low[r * g + c] = low[corners[0]];
          high[r * g + c] = high[corners[0]];
        }
      }
    } else if (r1 - r0 <= 2 && c1 - c0 <= 2) {
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) pattern(r * g + c);
    } else {
      const rm = (r0 + r1) >> 1;
      const cm = (c0 + c1) >> 1;
      fill(r0, c0, rm, cm);
      if (cm + 1 <= c1) fill(r0, cm + 1, rm, c1);
      if (rm + 1 <= r1) fill(rm + 1, c0, r1, cm);
      if (rm + 1 <= r1 && cm + 1 <= c1) fill(rm + 1, cm + 1, r1, c1);
    }
  };
  const block = 16;
  for (let r = 0; r < g; r += block) {
    for (let c = 0; c < g; c += block)
      fill(r, c, Math.min(g, r + block) - 1, Math.min(g, c + block) - 1);
  }
  const ids = new Int32Array(pixels);
  const lows = new Map<number, number>();
  const patterns = new Map<number, number>();
  let lastLow = -1;
  let lastHigh = -1;
  let lastId = -1;
  for (let p = 0; p < pixels; p++) {
    // Neighbouring pixels mostly share a pattern: reuse the last id before any lookup.
    if (low[p] !== lastLow || high[p] !== lastHigh) {
      lastLow = low[p];
      lastHigh = high[p];
      let a = lows.get(lastLow);
      if (a === undefined) {
        a = lows.size;
        lows.set(lastLow, a);
      }
      const key = a * 65536 + lastHigh;
      let id = patterns.get(key);
      if (id === undefined) {
        id = patterns.size;
        patterns.set(key, id);
      }
      lastId = id;
    }
    ids[p] = lastId;
  }
  const count = patterns.size;
  return { activation: 'relu', grid: g, ids, count, colours: colourRegions(ids, g, count) };
}

/**
 * Greedy colouring: regions in order of first appearance take the first palette colour, counting
 * on from id mod palette size (so all ten get used), that no already-coloured neighbour on the
 * grid has; if all ten are taken, id mod palette size.
 */
export function colourRegions(ids: Int32Array, grid: number, count: number): Uint8Array {
  const neighbours: Set<number>[] = Array.from({ length: count }, () => new Set<number>());
  for (let r = 0; r < grid; r++) {
    for (let c = 0; c < grid; c++) {
      const a = ids[r * grid + c];
      if (c + 1 < grid) {
        const b = ids[r * grid + c + 1];
        if (a !== b) {
          neighbours[a].add(b);
          neighbours[b].add(a);
        }
      }
      if (r + 1 < grid) {
        const b = ids[(r + 1) * grid + c];
        if (a !== b) {
          neighbours[a].add(b);
          neighbours[b].add(a);
        }
      }
    }
  }
  const size = lrRegionPalette.length;
  const colours = new Uint8Array(count).fill(255);
  for (let id = 0; id < count; id++) {
    const used = new Set<number>();
    for (const other of neighbours[id]) if (colours[other] !== 255) used.add(colours[other]);
    let pick = id % size;
    for (let k = 0; k < size; k++) {
      const candidate = (id + k) % size;
      if (!used.has(candidate)) {
        pick = candidate;
        break;
      }
    }
    colours[id] = pick;
  }
  return colours;
}

/** The raster as a PNG data URL: region colours for ReLU, the output on viridis for tanh. */
export function linearRegionsImage(data: LrData): string {
  const { grid } = data;
  const indices = new Uint8Array(grid * grid);
  if (data.activation === 'relu') {
    for (let p = 0; p < indices.length; p++) indices[p] = data.colours[data.ids[p]];
    return palettePng(indices, grid, grid, lrRegionPalette);
  }
  const span = data.max - data.min || 1;
  for (let p = 0; p < indices.length; p++) {
    indices[p] = Math.round((255 * (data.output[p] - data.min)) / span);
  }
  return palettePng(indices, grid, grid, lrOutputPalette);
}

/** The most regions n lines can cut the whole plane into: 1 + n + n(n − 1)/2. */
export const maxRegionsOfLines = (n: number) => 1 + n + (n * (n - 1)) / 2;

function network(state: LinearRegionsState) {
  const { units, layers } = state;
  return `${layers} hidden layer${layers === 1 ? '' : 's'} of ${units} ${lrActivationLabel[state.activation]} unit${units === 1 ? '' : 's'}`;
}

/** What the figure shows, in numbers, for the caption and screen readers. */
export function describeLinearRegions(
  state: LinearRegionsState,
  data: LrData = linearRegionsData(state),
): string {
  if (data.activation === 'tanh') {
    return (
      `A random network on the square [−1, 1]² with ${network(state)}. With tanh nothing is ` +
      `piecewise linear: the output changes smoothly everywhere, so there are no linear regions ` +
      `to count. Colour shows the output, from dark purple (lowest, ${fmt(data.min)}) to yellow ` +
      `(highest, ${fmt(data.max)}).`
    );
  }
  const relus = state.units * state.layers;
  const regions = `${data.count} linear region${data.count === 1 ? '' : 's'}`;
  let text =
    `A random network on the square [−1, 1]² with ${network(state)} cuts it into ${regions}: ` +
    `the distinct on/off patterns of its ${relus} ReLU${relus === 1 ? '' : 's'}, counted on a ` +
    `${data.grid} × ${data.grid} grid, so regions smaller than a grid cell may be missed. On each ` +
    `region the network is one affine function.`;
  if (state.layers === 1) {
    const n = state.units;
    text += ` One layer's ${n} unit${n === 1 ? ' is a straight line, which cuts' : `s are ${n} straight lines, which cut`} the whole plane into at most ${maxRegionsOfLines(n)} regions.`;
  }
  return text;
}

function fmt(v: number) {
  const s = Math.abs(v).toFixed(2);
  return v < 0 && s !== '0.00' ? `−${s}` : s;
}

/** Plot options for the figure; `grid` is lower in tests to keep the snapshot small. */
export function linearRegionsFigure(
  state: LinearRegionsState,
  width = 640,
  grid = lrGrid,
): Plot.PlotOptions {
  const data = linearRegionsData(state, grid);
  const margin = { top: 10, right: 10, bottom: 42, left: 44 };
  const side = Math.max(160, Math.min(400, width - margin.left - margin.right));
  return {
    width: side + margin.left + margin.right,
    height: side + margin.top + margin.bottom,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    style: { fontSize: '13px', background: 'transparent' },
    ariaLabel:
      data.activation === 'relu'
        ? `Linear regions of a random ReLU network on the square: ${data.count} regions`
        : 'Output of a random tanh network on the square',
    ariaDescription: describeLinearRegions(state, data),
    x: { label: 'x₁', labelAnchor: 'center', labelOffset: 36, domain: [-1, 1], ticks: 5 },
    y: { label: 'x₂', labelAnchor: 'center', domain: [-1, 1], ticks: 5 },
    marks: [
      Plot.image([{ x: 0, y: 0 }], {
        x: 'x',
        y: 'y',
        width: side,
        height: side,
        src: linearRegionsImage(data),
        preserveAspectRatio: 'none',
        // Regions have sharp edges; the tanh map is smooth, so let the browser smooth it.
        imageRendering: data.activation === 'relu' ? 'pixelated' : 'auto',
        className: 'nl-regions',
        ariaHidden: 'true',
      }),
      Plot.frame({ stroke: 'var(--nl-axis)', ariaHidden: 'true' }),
    ],
  };
}
