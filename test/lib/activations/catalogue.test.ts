import { describe, expect, it } from 'vitest';
import {
  activationIds,
  activations,
  catalogue,
  isActivationId,
  isVectorId,
  vectorIds,
  vectors,
} from '../../../src/lib/activations/index.ts';

const families = ['linear', 'sigmoidal', 'rectifier', 'exponential', 'smooth', 'hard', 'vector'];

describe('the catalogue', () => {
  it('activationIds lists the 22 scalar functions in catalogue order', () => {
    expect(activationIds).toEqual([
      'identity',
      'sigmoid',
      'tanh',
      'softsign',
      'hard-sigmoid',
      'hard-tanh',
      'log-sigmoid',
      'relu',
      'leaky-relu',
      'prelu',
      'rrelu',
      'relu6',
      'elu',
      'celu',
      'selu',
      'softplus',
      'gelu',
      'gelu-tanh',
      'silu',
      'swish',
      'mish',
      'hard-swish',
    ]);
  });

  it('activations[id].id is id for every id, and there is no other key', () => {
    expect(Object.keys(activations).sort()).toEqual([...activationIds].sort());
    for (const id of activationIds) {
      expect(activations[id].id).toBe(id);
      expect(activations[id].kind).toBe('scalar');
    }
  });

  it('vectors holds softmax, log-softmax and maxout, and catalogue lists scalars then vectors', () => {
    expect(vectorIds).toEqual(['softmax', 'log-softmax', 'maxout']);
    for (const id of vectorIds) expect(vectors[id].kind).toBe('vector');
    expect(catalogue.map((e) => e.id)).toEqual([...activationIds, ...vectorIds]);
  });

  it('isActivationId(s) knows the scalar ids, isVectorId(s) the vector ids', () => {
    expect(isActivationId('gelu')).toBe(true);
    expect(isActivationId('softmax')).toBe(false);
    expect(isActivationId('GELU')).toBe(false);
    expect(isVectorId('softmax')).toBe(true);
    expect(isVectorId('relu')).toBe(false);
  });

  it('activations.relu is frozen, with its parameters and metadata: assigning throws', () => {
    expect(Object.isFrozen(activations.relu)).toBe(true);
    expect(() => {
      (activations.relu as { id: string }).id = 'x';
    }).toThrow(TypeError);
    const alpha = activations.elu.params[0] as { default: number };
    expect(() => {
      alpha.default = 2;
    }).toThrow(TypeError);
    expect(Object.isFrozen(activations.gelu.citation?.authors)).toBe(true);
    expect(Object.isFrozen(activations.elu.with({ alpha: 2 }).values)).toBe(true);
  });

  it('parameter names, defaults and slider ranges are as DESIGN.md §2 says', () => {
    const names = Object.fromEntries(
      activationIds.map((id) => [id, activations[id].params.map((p) => p.name)]),
    );
    expect(names).toMatchObject({
      'hard-tanh': ['min', 'max'],
      'leaky-relu': ['alpha'],
      prelu: ['alpha'],
      rrelu: ['lower', 'upper'],
      elu: ['alpha'],
      celu: ['alpha'],
      softplus: ['beta'],
      swish: ['beta'],
      relu: [],
      gelu: [],
    });
    expect(activations['leaky-relu'].values).toEqual({ alpha: 0.01 });
    expect(activations.prelu.values).toEqual({ alpha: 0.25 });
    expect(activations.prelu.params[0].learnable).toBe(true);
    expect(activations.rrelu.values).toEqual({ lower: 1 / 8, upper: 1 / 3 });
    expect(activations['hard-tanh'].values).toEqual({ min: -1, max: 1 });
    for (const id of ['elu', 'celu']) expect(activations[id].values).toEqual({ alpha: 1 });
    for (const id of ['softplus', 'swish']) expect(activations[id].values).toEqual({ beta: 1 });
    for (const id of activationIds) {
      for (const p of activations[id].params) {
        expect(p.min).toBeLessThanOrEqual(p.default);
        expect(p.default).toBeLessThanOrEqual(p.max);
        expect(p.step).toBeGreaterThan(0);
        expect(p.tex.length).toBeGreaterThan(0);
      }
    }
  });

  it('every entry has KaTeX for f and f′, a family, a year, and a citation or a reason for none', () => {
    for (const id of activationIds) {
      const a = activations[id];
      expect(a.name.length).toBeGreaterThan(0);
      expect(a.tex.f.length).toBeGreaterThan(0);
      expect(a.tex.df.length).toBeGreaterThan(0);
      expect(families).toContain(a.family);
      expect(Number.isInteger(a.year) && a.year >= 1950 && a.year <= 2025).toBe(true);
      if (a.citation === null) {
        expect(a.notes ?? '').not.toBe('');
      } else {
        expect(a.citation.authors.length).toBeGreaterThan(0);
        expect(a.citation.title.length).toBeGreaterThan(0);
        expect(a.citation.venue.length).toBeGreaterThan(0);
        expect(a.citation.year).toBeGreaterThanOrEqual(a.year - 1);
      }
      const d = a.defaults;
      expect(Boolean(d.pytorch || d.keras || d.note)).toBe(true);
    }
  });

  it('every function with a kink (C⁰) states its derivative convention at the kink in notes', () => {
    for (const id of activationIds) {
      const a = activations[id];
      if (a.properties.smoothness === 'C0') expect(a.notes).toMatch(/f′(\(.+\))? (=|follows)/);
    }
  });

  it('leaky-relu cites the three framework defaults 0.01, 0.3 and 0.2', () => {
    const d = activations['leaky-relu'].defaults;
    expect(d.pytorch).toContain('0.01');
    expect(d.keras).toContain('0.3');
    expect(d.note).toContain('negative_slope=0.2');
  });
});

describe('activation.with(values)', () => {
  it('leakyRelu.with({ alpha: 0.2 }).f(−1) is −0.2 and leaves the original alone', () => {
    const leaky = activations['leaky-relu'];
    const other = leaky.with({ alpha: 0.2 });
    expect(other.f(-1)).toBe(-0.2);
    expect(other.df(-1)).toBe(0.2);
    expect(other.values).toEqual({ alpha: 0.2 });
    expect(leaky.f(-1)).toBe(-0.01);
    expect(leaky.values).toEqual({ alpha: 0.01 });
    expect(other.id).toBe('leaky-relu');
    expect(other.with({}).f(-1)).toBe(-0.2);
  });

  it('with() recomputes the properties: leakyRelu.with({ alpha: 0 }) is sparse', () => {
    const zero = activations['leaky-relu'].with({ alpha: 0 });
    expect(zero.properties.sparse).toBe(true);
    expect(zero.properties.monotonic).toBe('weak');
    expect(zero.f(-3) === 0).toBe(true);
    expect(zero.f(Number.NEGATIVE_INFINITY) === 0).toBe(true);
    expect(activations.elu.with({ alpha: 2 }).properties.smoothness).toBe('C0');
    expect(activations.elu.properties.smoothness).toBe('C1');
    expect(activations['hard-tanh'].with({ min: -2, max: 3 }).properties.range).toEqual({
      lo: { value: -2, closed: true },
      hi: { value: 3, closed: true },
    });
  });

  it('with({ beta: 1 }) on leaky-relu throws a RangeError naming the parameters', () => {
    expect(() => activations['leaky-relu'].with({ beta: 1 })).toThrow(RangeError);
    expect(() => activations['leaky-relu'].with({ beta: 1 })).toThrow(
      'leaky-relu has no parameter "beta" (its parameters: alpha)',
    );
    expect(() => activations.relu.with({ alpha: 1 })).toThrow('(its parameters: none)');
  });

  it('with() rejects out-of-range and non-numeric values with a RangeError', () => {
    expect(() => activations.elu.with({ alpha: 100 })).toThrow(
      'elu: alpha must be a number in [0.1, 3], got 100',
    );
    expect(() => activations.softplus.with({ beta: Number.NaN })).toThrow(RangeError);
    expect(() => activations.swish.with({ beta: -1 })).toThrow(RangeError);
  });

  it('hardTanh.with({ min: 0, max: 0 }) and rrelu.with({ lower: 0.5, upper: 0.4 }) throw', () => {
    expect(() => activations['hard-tanh'].with({ min: 0, max: 0 })).toThrow(
      'hard-tanh: min must be less than max',
    );
    expect(() => activations.rrelu.with({ lower: 0.5, upper: 0.4 })).toThrow(
      'rrelu: lower must not exceed upper',
    );
    expect(activations.rrelu.with({ lower: 0.5, upper: 0.5 }).f(-2)).toBe(-1);
  });
});
