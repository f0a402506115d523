import { describe, expect, it } from 'vitest';
import { activations } from '../../../src/lib/activations/index.ts';
import { ActivationLayer } from '../../../src/lib/nn/activation-layer.ts';
import { BatchNorm } from '../../../src/lib/nn/batch-norm.ts';
import { Dense } from '../../../src/lib/nn/dense.ts';
import { LayerNorm } from '../../../src/lib/nn/layer-norm.ts';
import { type NormPlacement, Residual } from '../../../src/lib/nn/residual.ts';
import { Sequential } from '../../../src/lib/nn/sequential.ts';
import { gradCheck, normals } from './gradcheck.ts';

function branch(width: number, seed: number): Sequential {
  const a = new Dense(width, width + 2);
  const b = new Dense(width + 2, width);
  a.weight.set(normals(a.weight.length, seed));
  a.bias.set(normals(a.bias.length, seed + 1));
  b.weight.set(normals(b.weight.length, seed + 2));
  return new Sequential([a, new ActivationLayer(activations.tanh, width + 2), b]);
}

describe('Residual', () => {
  for (const placement of ['pre', 'post', 'none'] as NormPlacement[]) {
    for (const norm of ['layer', 'batch'] as const) {
      if (placement === 'none' && norm === 'batch') continue;
      it(`residual(${placement}-norm, ${norm} norm).backward(dY) matches finite differences`, () => {
        const layerNorm =
          placement === 'none' ? null : norm === 'layer' ? new LayerNorm(3) : new BatchNorm(3);
        const block = new Residual(branch(3, 4), placement, layerNorm);
        const result = gradCheck(block, normals(5 * 3, 9));
        expect(result.max).toBeLessThan(1e-6);
      });
    }
  }

  it('residual(pre).forward(X) is X + F(norm(X)) and residual(post) is norm(X + F(X))', () => {
    const f = branch(2, 1);
    const x = normals(4, 2);
    const pre = new Residual(f, 'pre', new LayerNorm(2)).forward(x, false).slice();
    const n = new LayerNorm(2).forward(x, false).slice();
    const fx = f.forward(n, false);
    expect(Array.from(pre)).toEqual(Array.from(x, (v, i) => v + fx[i]));
    const post = new Residual(f, 'post', new LayerNorm(2)).forward(x, false).slice();
    const fx2 = f.forward(x, false);
    const sum = Float64Array.from(x, (v, i) => v + fx2[i]);
    expect(Array.from(post)).toEqual(Array.from(new LayerNorm(2).forward(sum, false)));
  });

  it('residual names its parameters branch.* and norm.*', () => {
    const block = new Residual(branch(2, 1), 'post', new BatchNorm(2));
    expect(block.params().map((p) => p.name)).toEqual([
      'branch.0.weight',
      'branch.0.bias',
      'branch.2.weight',
      'branch.2.bias',
      'norm.weight',
      'norm.bias',
    ]);
    expect(block.buffers().map((b) => b.name)).toContain('norm.running_mean');
    expect(new Residual(branch(2, 1), 'none', null).buffers()).toEqual([]);
  });

  it('new Residual rejects a branch that changes the width, or a norm that does not match', () => {
    const widening = new Sequential([new Dense(2, 3)]);
    expect(() => new Residual(widening, 'none', null)).toThrow(/equal widths/);
    expect(() => new Residual(branch(2, 1), 'pre', null)).toThrow(/disagree/);
    expect(() => new Residual(branch(2, 1), 'pre', new LayerNorm(3))).toThrow(/width 3/);
  });

  it('new Sequential rejects layers whose widths do not chain, or no layers', () => {
    expect(() => new Sequential([new Dense(2, 3), new Dense(2, 1)])).toThrow(/takes 2 inputs/);
    expect(() => new Sequential([])).toThrow(/at least one/);
  });
});
