// ReLU and GELU on [-4, 2]: GELU dips below zero for negative x, ReLU is exactly 0 there.
import { activations } from 'nonlinear';

const xs = Array.from({ length: 241 }, (_, i) => -4 + i / 40);
const rows = xs.flatMap((x) => [
  { x, y: activations.relu.f(x), fn: 'ReLU' },
  { x, y: activations.gelu.f(x), fn: 'GELU' },
]);
plot({
  ariaLabel: 'ReLU and GELU from -4 to 2',
  height: 260,
  y: { grid: true, label: 'f(x)' },
  color: {
    legend: true,
    domain: ['ReLU', 'GELU'],
    range: ['var(--nl-series-2)', 'var(--nl-series-1)'],
  },
  marks: [
    Plot.ruleY([0], { stroke: 'var(--nl-axis)' }),
    Plot.line(rows, { x: 'x', y: 'y', stroke: 'fn', strokeWidth: 2 }),
  ],
});
