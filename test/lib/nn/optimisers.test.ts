import { describe, expect, it } from 'vitest';
import type { ParamRef } from '../../../src/lib/nn/layer.ts';
import { adam, optimiser, sgd } from '../../../src/lib/nn/optimisers.ts';

function param(values: number[], grads: number[], decay = true): ParamRef {
  return { name: 'w', value: Float64Array.from(values), grad: Float64Array.from(grads), decay };
}

describe('optimisers', () => {
  it('sgd({learningRate}).step(params) moves against the gradient', () => {
    const p = param([1, -2], [0.5, -1]);
    sgd({ learningRate: 0.1 }).step([p]);
    expect(Array.from(p.value)).toEqual([1 - 0.1 * 0.5, -2 + 0.1]);
  });

  it('sgd({momentum}) follows PyTorch: the buffer starts at the first gradient', () => {
    const p = param([0], [1]);
    const opt = sgd({ learningRate: 0.1, momentum: 0.9 });
    opt.step([p]); // buf = 1
    opt.step([p]); // buf = 0.9 + 1
    expect(p.value[0]).toBeCloseTo(-0.1 * 1 - 0.1 * 1.9, 15);
    opt.reset();
    opt.step([p]); // buf = 1 again
    expect(p.value[0]).toBeCloseTo(-0.29 - 0.1, 15);
  });

  it('sgd({nesterov}) steps by g + μ·buf and needs momentum', () => {
    const p = param([0], [1]);
    const opt = sgd({ learningRate: 1, momentum: 0.5, nesterov: true });
    opt.step([p]); // buf = 1, d = 1 + 0.5
    opt.step([p]); // buf = 1.5, d = 1 + 0.75
    expect(p.value[0]).toBe(-1.5 - 1.75);
    expect(() => sgd({ learningRate: 1, nesterov: true })).toThrow(/momentum/);
  });

  it('sgd({dampening}) damps every gradient after the first', () => {
    const p = param([0], [1]);
    const opt = sgd({ learningRate: 1, momentum: 0.5, dampening: 0.5 });
    opt.step([p]);
    opt.step([p]);
    expect(p.value[0]).toBe(-1 - (0.5 + 0.5));
  });

  it('sgd({l2, l1}) regularises weights and not biases', () => {
    const w = param([2, -2], [0, 0]);
    const b = param([2], [0], false);
    sgd({ learningRate: 0.5, l2: 0.1, l1: 0.01 }).step([w, b]);
    expect(Array.from(w.value)).toEqual([2 - 0.5 * (0.2 + 0.01), -2 - 0.5 * (-0.2 - 0.01)]);
    expect(b.value[0]).toBe(2);
  });

  it('adam().step(params) matches Kingma and Ba’s algorithm with PyTorch’s epsilon placement', () => {
    const grads = [0.3, -1.2, 0.05, 2, -0.7];
    const p = param([0.5], [0]);
    const opt = adam({ learningRate: 0.01 });
    let w = 0.5;
    let m = 0;
    let v = 0;
    grads.forEach((g, k) => {
      p.grad[0] = g;
      opt.step([p]);
      const t = k + 1;
      m = 0.9 * m + 0.1 * g;
      v = 0.999 * v + 0.001 * g * g;
      const mHat = m / (1 - 0.9 ** t);
      const vHat = v / (1 - 0.999 ** t);
      w -= (0.01 * mHat) / (Math.sqrt(vHat) + 1e-8);
      expect(p.value[0]).toBeCloseTo(w, 14);
    });
  });

  it('adam().step moves each weight by about the learning rate on the first step', () => {
    const p = param([0, 0], [1e-3, -50]);
    adam({ learningRate: 0.1 }).step([p]);
    expect(p.value[0]).toBeCloseTo(-0.1, 5);
    expect(p.value[1]).toBeCloseTo(0.1, 10);
  });

  it('adam({l2}) adds λw to the gradient (PyTorch’s weight_decay), and reset() restarts', () => {
    const a = param([1], [0]);
    const b = param([1], [0.1]);
    const withDecay = adam({ learningRate: 0.01, l2: 0.1 });
    withDecay.step([a]);
    adam({ learningRate: 0.01 }).step([b]);
    expect(a.value[0]).toBe(b.value[0]);
    withDecay.reset();
    withDecay.step([a]);
    expect(a.value[0]).toBeCloseTo(b.value[0] - 0.01, 6);
  });

  it('step(params) returns the index of the first parameter it left non-finite, or -1', () => {
    const fine = () => [param([1, 2], [0.1, 0.2]), param([3], [0.3], false)];
    const broken = () => [
      param([1, 2], [0.1, 0.2]),
      param([3, 4], [0.1, Number.POSITIVE_INFINITY], false),
      param([5], [Number.NaN]),
    ];
    for (const make of [
      () => sgd({ learningRate: 0.1 }),
      () => sgd({ learningRate: 0.1, momentum: 0.9 }),
      () => sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true }),
      () => adam({ learningRate: 0.1 }),
      () => sgd({ learningRate: 0.1, l2: 0.01 }),
    ]) {
      expect(make().step(fine())).toBe(-1);
      expect(make().step(broken())).toBe(1);
    }
    // A huge step overflows finite weights: caught in the same pass.
    expect(sgd({ learningRate: 1e308 }).step([param([1], [1e10])])).toBe(0);
  });

  it('optimiser(config) builds either kind', () => {
    expect(optimiser({ type: 'sgd', learningRate: 0.1 }).type).toBe('sgd');
    expect(optimiser({ type: 'adam' }).learningRate).toBe(0.001);
  });
});
