// Two interleaving half circles, scikit-learn's make_moons: the outer moon (cos t, sin t)
// and the inner (1 − cos t, 1/2 − sin t) for t evenly spaced on [0, π], with Gaussian noise
// of standard deviation `noise` on both coordinates. Labels: outer −1, inner +1
// (scikit-learn's classes 0 and 1). `scale` multiplies the points, so that 3 spreads them
// over Playground's square.

import { randomNormal, type Source } from '../random/index.ts';
import type { Point2D } from './dataset.ts';

export function moons(n: number, noise: number, source: Source, scale = 3): Point2D[] {
  const outer = Math.floor(n / 2);
  const inner = n - outer;
  const normal = randomNormal(source, 0, noise);
  const points: Point2D[] = [];
  const step = (count: number) => (count > 1 ? Math.PI / (count - 1) : 0);
  for (let i = 0; i < outer; i++) {
    const t = i * step(outer);
    points.push({ x: Math.cos(t), y: Math.sin(t), label: -1 });
  }
  for (let i = 0; i < inner; i++) {
    const t = i * step(inner);
    points.push({ x: 1 - Math.cos(t), y: 0.5 - Math.sin(t), label: 1 });
  }
  // Centred on the origin before scaling (scikit-learn leaves it at (0.5, 0.25)).
  for (const p of points) {
    p.x = scale * (p.x - 0.5 + (noise > 0 ? normal() : 0));
    p.y = scale * (p.y - 0.25 + (noise > 0 ? normal() : 0));
  }
  return points;
}
