// Along a line, how many linear pieces does a random ReLU network have?
// Same total number of neurons, spread over 1, 2 or 4 layers.
import { random } from 'nonlinear';

// A random network with one input: weights N(0, 2/fan-in) (He), biases N(0, 0.5²),
// the scale the LinearRegions figure above uses.
function network(widths: number[], seed: number) {
  const draw = random.randomNormal(random.seeded(seed));
  let fanIn = 1;
  return widths.map((n) => {
    const w = Array.from({ length: n * fanIn }, () => draw() * Math.sqrt(2 / fanIn));
    const b = Array.from({ length: n }, () => 0.5 * draw());
    const layer = { w, b, fanIn, n };
    fanIn = n;
    return layer;
  });
}

// Count the pieces on [−2, 2]: changes of the on/off pattern of the units between
// neighbouring grid points, plus one. A piece narrower than the grid step (0.001) is missed.
function pieces(layers: ReturnType<typeof network>): number {
  const { max } = Math;
  const total = layers.reduce((s, l) => s + l.n, 0);
  const widest = Math.max(...layers.map((l) => l.n));
  let previous = new Uint8Array(total);
  let current = new Uint8Array(total);
  let a = new Float64Array(widest);
  let next = new Float64Array(widest);
  let count = 0;
  for (let k = 0; k <= 4000; k++) {
    a[0] = -2 + k / 1000;
    let unit = 0;
    for (const { w, b, fanIn, n } of layers) {
      for (let j = 0; j < n; j++) {
        let z = b[j];
        for (let i = 0; i < fanIn; i++) z += w[j * fanIn + i] * a[i];
        current[unit++] = z > 0 ? 1 : 0;
        next[j] = max(z, 0);
      }
      [a, next] = [next, a];
    }
    if (k === 0 || current.some((bit, u) => bit !== previous[u])) count++;
    [previous, current] = [current, previous];
  }
  return count;
}

const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
const rows = [];
for (const neurons of [16, 32, 64]) {
  for (const depth of [1, 2, 4]) {
    const widths = Array(depth).fill(neurons / depth);
    const counts = seeds.map((s) => pieces(network(widths, s)));
    rows.push({
      neurons,
      layers: widths.join(' × '),
      'pieces (mean of 8)': counts.reduce((s, c) => s + c, 0) / counts.length,
      'ceiling ∏(nₗ + 1)': widths.reduce((p, n) => p * (n + 1), 1),
    });
  }
}
table(rows);
