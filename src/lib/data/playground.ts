// TensorFlow Playground's data sets (src/dataset.ts of tensorflow/playground, Apache-2.0),
// with the same formulas, the same order of random draws per point and the same noise, and
// a seeded source in place of Math.random. Classification labels are +1 and −1; `noise` is
// Playground's slider value divided by 100 (0 to 0.5).

import { randomNormal, randomUniform, type Source } from '../random/index.ts';
import type { Point2D } from './dataset.ts';

function dist(ax: number, ay: number, bx: number, by: number): number {
  return Math.hypot(ax - bx, ay - by);
}

/** Two spirals, r = 5i/(n/2), t = 1.75·2π·i/(n/2) + Δ, Δ = 0 (+1) and π (−1). */
export function spiral(n: number, noise: number, source: Source): Point2D[] {
  const u = randomUniform(source, -1, 1);
  const points: Point2D[] = [];
  const half = n / 2;
  for (const [deltaT, label] of [
    [0, 1],
    [Math.PI, -1],
  ]) {
    for (let i = 0; i < half; i++) {
      const r = (i / half) * 5;
      const t = ((1.75 * i) / half) * 2 * Math.PI + deltaT;
      const x = r * Math.sin(t) + u() * noise;
      const y = r * Math.cos(t) + u() * noise;
      points.push({ x, y, label });
    }
  }
  return points;
}

/** A disc of radius 2.5 (+1) inside a ring from 3.5 to 5 (−1); noise can flip labels. */
export function circle(n: number, noise: number, source: Source): Point2D[] {
  const radius = 5;
  const points: Point2D[] = [];
  const u = randomUniform(source, -radius, radius);
  const ring = (lo: number, hi: number) => {
    const r0 = randomUniform(source, lo, hi);
    const angle0 = randomUniform(source, 0, 2 * Math.PI);
    for (let i = 0; i < n / 2; i++) {
      const r = r0();
      const angle = angle0();
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      const noiseX = u() * noise;
      const noiseY = u() * noise;
      const label = dist(x + noiseX, y + noiseY, 0, 0) < radius * 0.5 ? 1 : -1;
      points.push({ x, y, label });
    }
  };
  ring(0, radius * 0.5);
  ring(radius * 0.7, radius);
  return points;
}

/** Four quadrants, +1 where x·y ≥ 0, with points kept 0.3 away from the axes. */
export function xor(n: number, noise: number, source: Source): Point2D[] {
  const u = randomUniform(source, -5, 5);
  const padding = 0.3;
  const points: Point2D[] = [];
  for (let i = 0; i < n; i++) {
    let x = u();
    x += x > 0 ? padding : -padding;
    let y = u();
    y += y > 0 ? padding : -padding;
    const noiseX = u() * noise;
    const noiseY = u() * noise;
    const label = (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1;
    points.push({ x, y, label });
  }
  return points;
}

/** Two Gaussians at (2, 2) (+1) and (−2, −2) (−1), variance 0.5 + 7·noise. */
export function gauss(n: number, noise: number, source: Source): Point2D[] {
  // Playground: d3.scale.linear().domain([0, .5]).range([0.5, 4]).
  const variance = 0.5 + noise * 7;
  const normal = randomNormal(source, 0, Math.sqrt(variance));
  const points: Point2D[] = [];
  for (const [c, label] of [
    [2, 1],
    [-2, -1],
  ]) {
    for (let i = 0; i < n / 2; i++) points.push({ x: c + normal(), y: c + normal(), label });
  }
  return points;
}

/** Regression: target (x + y)/10 on the square [−6, 6)², noise added to the inputs. */
export function regPlane(n: number, noise: number, source: Source): Point2D[] {
  return regression(n, noise, source, (x, y) => (x + y) / 10);
}

const bumps = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];

/** Regression: six signed bumps, each 1 − d/2 clamped to [0, 1]; the largest |value| wins. */
export function regGauss(n: number, noise: number, source: Source): Point2D[] {
  return regression(n, noise, source, (x, y) => {
    let label = 0;
    for (const [cx, cy, sign] of bumps) {
      const value = sign * Math.min(1, Math.max(0, 1 - dist(x, y, cx, cy) / 2));
      if (Math.abs(value) > Math.abs(label)) label = value;
    }
    return label;
  });
}

function regression(
  n: number,
  noise: number,
  source: Source,
  target: (x: number, y: number) => number,
): Point2D[] {
  const radius = 6;
  const u = randomUniform(source, -radius, radius);
  const points: Point2D[] = [];
  for (let i = 0; i < n; i++) {
    const x = u();
    const y = u();
    const noiseX = u() * noise;
    const noiseY = u() * noise;
    points.push({ x, y, label: target(x + noiseX, y + noiseY) });
  }
  return points;
}
