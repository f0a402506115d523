import { describe, expect, it } from 'vitest';
import { activationIds, activations } from '../../../src/lib/activations/index.ts';
import { ActivationLayer } from '../../../src/lib/nn/activation-layer.ts';
import { type Source, seeded } from '../../../src/lib/random/index.ts';
import { gradCheck, normals } from './gradcheck.ts';

/** Inputs at least 0.05 away from every kink of the catalogue (0, ±1, ±3, 6). */
function smoothInputs(n: number, seed: number): Float64Array {
  const kinks = [0, 1, -1, 3, -3, 6];
  return normals(n, seed, 2.5).map((x) => {
    for (const k of kinks) if (Math.abs(x - k) < 0.05) return k + 0.1;
    return x;
  });
}

function replay(seed: number) {
  let s = seeded(seed);
  const source: Source = () => s();
  return { source, rewind: () => (s = seeded(seed)) };
}

describe('ActivationLayer', () => {
  for (const id of activationIds) {
    for (const training of [false, true]) {
      it(`new ActivationLayer(activations['${id}']).backward(dY) matches finite differences (training: ${training})`, () => {
        const { source, rewind } = replay(5);
        const layer = new ActivationLayer(activations[id], 4, { source });
        const result = gradCheck(layer, smoothInputs(4 * 6, 17), { training, before: rewind });
        expect(result.max).toBeLessThan(1e-6);
      });
    }
  }

  it('activationLayer.backward(dY) agrees with the catalogue’s df where it reads the output instead', () => {
    for (const id of ['tanh', 'sigmoid', 'relu', 'identity']) {
      const f = activations[id];
      const layer = new ActivationLayer(f, 3);
      const x = smoothInputs(30, 3);
      layer.forward(x, true);
      const dx = layer.backward(new Float64Array(30).fill(1));
      x.forEach((v, i) => {
        expect(Math.abs(dx[i] - f.df(v))).toBeLessThanOrEqual(
          4e-16 * Math.max(1, Math.abs(f.df(v))),
        );
      });
    }
  });

  it('a shared PReLU slope is one learnable parameter named weight, as nn.PReLU() has', () => {
    const layer = new ActivationLayer(activations.prelu, 3);
    expect(layer.params().map((p) => [p.name, p.value.length, p.decay])).toEqual([
      ['weight', 1, false],
    ]);
    expect(layer.params()[0].value[0]).toBe(0.25);
    expect(gradCheck(layer, smoothInputs(12, 4)).max).toBeLessThan(1e-6);
  });

  it('PReLU with perUnit learns one slope per unit', () => {
    const layer = new ActivationLayer(activations.prelu.with({ alpha: 0.1 }), 3, { perUnit: true });
    layer.params()[0].value.set([0.1, -0.2, 0.3]);
    expect(gradCheck(layer, smoothInputs(12, 5)).max).toBeLessThan(1e-6);
    const y = layer.forward(Float64Array.of(-1, -1, -1, 2, 2, 2), false);
    expect(Array.from(y)).toEqual([-0.1, 0.2, -0.3, 2, 2, 2]);
  });

  it('RReLU samples a slope in [lower, upper] per negative element in training and uses (l + u)/2 in evaluation', () => {
    const f = activations.rrelu;
    const layer = new ActivationLayer(f, 50, { source: seeded(1) });
    const x = new Float64Array(500).fill(-1);
    const slopes = Array.from(layer.forward(x, true), (v) => -v);
    expect(Math.min(...slopes)).toBeGreaterThanOrEqual(f.values.lower);
    expect(Math.max(...slopes)).toBeLessThanOrEqual(f.values.upper);
    expect(new Set(slopes).size).toBeGreaterThan(400);
    expect(layer.forward(x, false)[0]).toBeCloseTo(-(f.values.lower + f.values.upper) / 2, 15);
    expect(layer.forward(Float64Array.of(...new Array(50).fill(2)), true)[0]).toBe(2);
  });

  it('two RReLU layers keep their own slopes until their backward', () => {
    const a = new ActivationLayer(activations.rrelu, 2, { source: seeded(1) });
    const b = new ActivationLayer(activations.rrelu, 2, { source: seeded(2) });
    const x = Float64Array.of(-1, -2);
    const ya = a.forward(x, true).slice();
    b.forward(x, true);
    expect(Array.from(a.backward(Float64Array.of(1, 1)))).toEqual([-ya[0], -ya[1] / 2]);
  });

  it('new ActivationLayer(rrelu) without a source throws', () => {
    expect(() => new ActivationLayer(activations.rrelu, 2)).toThrow(/source/);
  });

  it('activationLayer.localGradient(out) gives f′ at every element', () => {
    for (const id of ['tanh', 'gelu', 'prelu']) {
      const f = activations[id];
      const layer = new ActivationLayer(f, 2);
      const x = smoothInputs(6, 8);
      layer.forward(x, true);
      const out = new Float64Array(6);
      layer.localGradient(out);
      x.forEach((v, i) => {
        expect(out[i]).toBeCloseTo(f.df(v), 14);
      });
      expect(layer.params().every((p) => p.grad.every((g) => g === 0))).toBe(true);
    }
    const rrelu = new ActivationLayer(activations.rrelu, 2, { source: seeded(3) });
    const y = rrelu.forward(Float64Array.of(-1, 1), true);
    const out = new Float64Array(2);
    rrelu.localGradient(out);
    expect(Array.from(out)).toEqual([-y[0], 1]);
    expect(rrelu.buffers()).toEqual([]);
  });
});
