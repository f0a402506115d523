import { describe, expect, it } from 'vitest';
import { Dense } from '../../../src/lib/nn/dense.ts';
import { gradCheck, normals } from './gradcheck.ts';

function dense(inputs: number, outputs: number, seed = 1): Dense {
  const layer = new Dense(inputs, outputs);
  layer.weight.set(normals(inputs * outputs, seed));
  layer.bias.set(normals(outputs, seed + 1));
  return layer;
}

describe('Dense', () => {
  it('dense.forward(X) computes X·Wᵀ + b row by row', () => {
    const layer = new Dense(2, 3);
    layer.weight.set([1, 2, 3, 4, 5, 6]);
    layer.bias.set([0.5, -1, 2]);
    const y = layer.forward(Float64Array.of(1, -1, 2, 0.5), false);
    expect(Array.from(y)).toEqual([
      1 - 2 + 0.5,
      3 - 4 - 1,
      5 - 6 + 2,
      2 + 1 + 0.5,
      6 + 2 - 1,
      10 + 3 + 2,
    ]);
  });

  it('dense.backward(dY) matches finite differences', () => {
    const layer = dense(3, 4);
    expect(gradCheck(layer, normals(5 * 3, 7)).max).toBeLessThan(1e-6);
  });

  it('dense.forward and backward skip zero inputs and gradients without changing any result', () => {
    // Sparse rows as a ReLU gives them, an odd batch so that one row is left unpaired.
    const layer = dense(4, 3);
    const x = normals(7 * 4, 8).map((v, i) => (i % 3 === 0 || v < -0.5 ? 0 : v));
    const dy = normals(7 * 3, 9).map((v, i) => (i % 2 === 0 ? 0 : v));
    const y = layer.forward(x, true).slice();
    layer.backward(dy);
    for (let r = 0; r < 7; r++) {
      for (let o = 0; o < 3; o++) {
        let s = layer.bias[o];
        for (let i = 0; i < 4; i++) s += layer.weight[o * 4 + i] * x[r * 4 + i];
        expect(y[r * 3 + o]).toBe(s);
      }
      for (let i = 0; i < 4; i++) {
        let s = 0;
        for (let o = 0; o < 3; o++) s += dy[r * 3 + o] * layer.weight[o * 4 + i];
        expect(layer.dx[r * 4 + i]).toBe(s);
      }
    }
    for (let o = 0; o < 3; o++) {
      for (let i = 0; i < 4; i++) {
        let s = 0;
        for (let r = 0; r < 7; r++) s += dy[r * 3 + o] * x[r * 4 + i];
        expect(layer.weightGrad[o * 4 + i]).toBe(s);
      }
    }
  });

  it('a dense layer with inputGradient = false leaves dX empty', () => {
    const layer = dense(2, 2);
    layer.inputGradient = false;
    layer.forward(normals(4, 1), true);
    expect(layer.backward(normals(4, 2)).length).toBe(0);
    expect(layer.weightGrad.some((g) => g !== 0)).toBe(true);
  });

  it('dense.backward(dY) accumulates gradients until they are zeroed', () => {
    const layer = dense(2, 2);
    const x = normals(6, 3);
    const dy = normals(6, 4);
    layer.forward(x, true);
    layer.backward(dy);
    const once = layer.weightGrad.slice();
    layer.backward(dy);
    expect(Array.from(layer.weightGrad)).toEqual(Array.from(once, (g) => g + g));
    for (const p of layer.params()) p.grad.fill(0);
    expect(layer.weightGrad.every((g) => g === 0)).toBe(true);
  });

  it('dense.forward(X) takes a partial batch and then a full one again', () => {
    const layer = dense(2, 1);
    const full = layer.forward(normals(8, 5), false).slice();
    layer.forward(normals(2, 6), false);
    expect(layer.forward(normals(8, 5), false)).toEqual(full);
    expect(layer.y.length).toBe(4);
  });

  it('dense.forward(X) rejects a batch that is not a whole number of rows', () => {
    expect(() => new Dense(3, 1).forward(new Float64Array(4), false)).toThrow(/multiple of 3/);
  });

  it('dense.params() names weight and bias as PyTorch does, decaying only the weight', () => {
    expect(new Dense(2, 2).params().map((p) => [p.name, p.decay])).toEqual([
      ['weight', true],
      ['bias', false],
    ]);
    expect(new Dense(2, 2).buffers()).toEqual([]);
  });
});
