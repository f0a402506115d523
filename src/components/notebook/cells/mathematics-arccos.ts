// The arc-cosine kernel of ReLU (Cho and Saul 2009) against a Monte Carlo estimate.
import { activations, random } from 'nonlinear';

// Closed form of E[ReLU(w·x) ReLU(w·y)] for w ~ N(0, I) and unit vectors x, y at angle θ.
const arcCosine = (theta: number) =>
  (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta)) / (2 * Math.PI);

// Monte Carlo: the mean of ReLU(w·x)·ReLU(w·y) over m random w, that is, the inner product
// of the features of one wide random ReLU layer, divided by its width m.
function monteCarlo(theta: number, m: number, seed: number) {
  const relu = activations.relu.f;
  const draw = random.randomNormal(random.seeded(seed));
  const [c, s] = [Math.cos(theta), Math.sin(theta)];
  let sum = 0;
  let sumSq = 0;
  for (let k = 0; k < m; k++) {
    const w1 = draw();
    const w2 = draw();
    const v = relu(w1) * relu(w1 * c + w2 * s); // x = (1, 0), y = (cos θ, sin θ)
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / m;
  return { mean, standardError: Math.sqrt((sumSq / m - mean * mean) / m) };
}

const m = 50_000;
const rows = [0, 30, 60, 90, 120, 150, 180].map((degrees) => {
  const theta = (degrees * Math.PI) / 180;
  return { degrees, exact: arcCosine(theta), ...monteCarlo(theta, m, 3) };
});

const curve = Array.from({ length: 181 }, (_, d) => ({
  degrees: d,
  k: arcCosine((d * Math.PI) / 180),
}));
plot({
  ariaLabel:
    'The arc-cosine kernel against the angle between the inputs, with Monte Carlo estimates',
  height: 240,
  x: { label: 'angle θ between x and y (degrees)', ticks: [0, 30, 60, 90, 120, 150, 180] },
  y: { label: 'E[ReLU(w·x) ReLU(w·y)]', grid: true },
  marks: [
    Plot.line(curve, { x: 'degrees', y: 'k', stroke: 'var(--nl-series-1)', strokeWidth: 2 }),
    Plot.dot(rows, { x: 'degrees', y: 'mean', r: 4, fill: 'var(--nl-series-2)' }),
  ],
});

table(
  rows.map(({ degrees, exact, mean, standardError }) => ({
    'angle θ': `${degrees}°`,
    'closed form': Number(exact.toFixed(4)),
    'Monte Carlo': Number(mean.toFixed(4)),
    difference: Number((mean - exact).toFixed(4)) + 0,
    'standard error': Number(standardError.toFixed(4)),
  })),
);
