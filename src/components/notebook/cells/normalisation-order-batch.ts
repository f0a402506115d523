// BatchNorm and LayerNorm on the same sample in two different batches. BatchNorm's output
// for a sample depends on the other samples in its batch (in training mode); LayerNorm's
// does not. In evaluation mode BatchNorm uses its running statistics instead.
import { nn, random } from 'nonlinear';

const width = 4;
const source = random.seeded(2);
const normal = random.randomNormal(source);
const sample = [1.5, -0.5, 0.25, 2];
// Two batches of 8 rows whose first row is the same sample; the rest differ.
const batch = (shift: number) => {
  const rows = Float64Array.from({ length: 8 * width }, () => shift + normal());
  rows.set(sample, 0);
  return rows;
};
const a = batch(0);
const b = batch(3);
const firstRow = (v: Float64Array) =>
  Array.from(v.subarray(0, width), (t) => Number(t.toFixed(3))).join(', ');

table([
  {
    layer: 'BatchNorm, batch A',
    'output for the sample': firstRow(new nn.BatchNorm(width).forward(a, true)),
  },
  {
    layer: 'BatchNorm, batch B',
    'output for the sample': firstRow(new nn.BatchNorm(width).forward(b, true)),
  },
  {
    layer: 'LayerNorm, batch A',
    'output for the sample': firstRow(new nn.LayerNorm(width).forward(a, true)),
  },
  {
    layer: 'LayerNorm, batch B',
    'output for the sample': firstRow(new nn.LayerNorm(width).forward(b, true)),
  },
]);
