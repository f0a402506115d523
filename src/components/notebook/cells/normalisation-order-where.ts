// BatchNorm before or after ReLU: what the next layer receives. One batch of 256 points
// through a dense layer of 64 units (He-normal weights), then either BN → ReLU or
// ReLU → BN. The statistics of the result, pooled over all units and points.
import { activations, nn, random } from 'nonlinear';

const batch = 256;
const width = 64;
const source = random.seeded(1);
const normal = random.randomNormal(source);
// Inputs: standard normal, 16 features.
const x = Float64Array.from({ length: batch * 16 }, () => normal());
const dense = new nn.Dense(16, width);
nn.initialise('he-normal', dense.weight, dense.bias, source);
const z = dense.forward(x, true).slice();

const relu = (v: Float64Array) => v.map((t) => activations.relu.f(t));
const bn = (v: Float64Array) => new nn.BatchNorm(width).forward(v, true).slice();

function stats(name: string, v: Float64Array) {
  let sum = 0;
  let sumSq = 0;
  let zeros = 0;
  let negative = 0;
  for (const t of v) {
    sum += t;
    sumSq += t * t;
    if (t === 0) zeros++;
    if (t < 0) negative++;
  }
  const mean = sum / v.length;
  return {
    order: name,
    mean: Number(mean.toFixed(3)) + 0,
    std: Number(Math.sqrt(sumSq / v.length - mean * mean).toFixed(3)),
    'exact zeros': `${((100 * zeros) / v.length).toFixed(1)}%`,
    negative: `${((100 * negative) / v.length).toFixed(1)}%`,
    min: Number(Math.min(...v).toFixed(3)),
  };
}

table([
  stats('Linear (no norm)', z),
  stats('Linear → ReLU', relu(z)),
  stats('Linear → BN → ReLU', relu(bn(z))),
  stats('Linear → ReLU → BN', bn(relu(z))),
]);
