// Deeper layers: iterate the kernel, and compare with one wide random ReLU network.
import { random } from 'nonlinear';

// With He weights (variance 2/fan-in) and no biases, a layer maps the correlation ρ of two
// inputs' pre-activations to (sin θ + (π − θ) cos θ) / π, where cos θ = ρ.
const nextRho = (rho: number) => {
  const theta = Math.acos(Math.min(1, Math.max(-1, rho)));
  return (Math.sin(theta) + (Math.PI - theta) * Math.cos(theta)) / Math.PI;
};

// The correlation of two inputs' pre-activations, layer by layer, in one random network
// with `width` ReLU units per layer, He-normal weights and no biases.
function networkCorrelations(x: number[], y: number[], width: number, depth: number) {
  const { sqrt, max } = Math;
  const draw = random.randomNormal(random.seeded(11));
  let a = Float64Array.from(x);
  let b = Float64Array.from(y);
  const out: number[] = [];
  for (let l = 0; l < depth; l++) {
    const fanIn = a.length;
    const scale = sqrt(2 / fanIn);
    const za = new Float64Array(width);
    const zb = new Float64Array(width);
    for (let j = 0; j < width; j++) {
      for (let i = 0; i < fanIn; i++) {
        const w = draw() * scale;
        za[j] += w * a[i];
        zb[j] += w * b[i];
      }
    }
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let j = 0; j < width; j++) {
      ab += za[j] * zb[j];
      aa += za[j] * za[j];
      bb += zb[j] * zb[j];
    }
    out.push(ab / sqrt(aa * bb));
    a = za.map((v) => max(v, 0));
    b = zb.map((v) => max(v, 0));
  }
  return out;
}

// Two orthogonal inputs: correlation 0 at the first layer.
const measured = networkCorrelations([1, 0], [0, 1], 1000, 8);
let rho = 0;
table(
  measured.map((r, l) => {
    if (l > 0) rho = nextRho(rho);
    return {
      layer: l + 1,
      'kernel: correlation': Number(rho.toFixed(3)),
      'network of width 1,000': Number(r.toFixed(3)),
    };
  }),
);
