import { describe, expect, it } from 'vitest';
import {
  functionExplorerCatalogue as catalogue,
  functionExplorerDefaults as defaults,
  describeFunctionExplorer,
  describeReadout,
  finiteDifferenceStep,
  fmt,
  formatFunctionExplorerState,
  functionExplorerData,
  functionExplorerFigure,
  functionExplorerReadout,
  intervalsWhere,
  isFunctionExplorerKey,
  largestMagnitude,
  parseFunctionExplorerState,
  resolveFunction,
  secondDerivative,
  texSymbol,
  validateFunctionExplorerProps,
} from '../../src/components/figures/function-explorer.ts';
import { renderToString } from '../../src/components/figures/render.ts';
import { snapToStep } from '../../src/components/figures/slider.ts';
import { activationIds, activations } from '../../src/lib/activations/index.ts';
import { normaliseSvg } from './snapshot.ts';

const state = (s: Partial<typeof defaults> = {}) => ({ ...defaults, ...s });
const grid = (n: number, h: number) =>
  Float64Array.from({ length: n }, (_, i) => -h + (2 * h * i) / (n - 1));

describe('functionExplorerCatalogue', () => {
  it('lists every scalar function with its parameter ranges and symbols', () => {
    expect(catalogue.map((f) => f.id)).toEqual([...activationIds]);
    const elu = catalogue.find((f) => f.id === 'elu');
    expect(elu?.params).toEqual([
      { name: 'alpha', symbol: 'α', default: 1, min: 0.1, max: 3, step: 0.1 },
    ]);
    expect(catalogue.find((f) => f.id === 'softplus')?.params[0].symbol).toBe('β');
    expect(catalogue.find((f) => f.id === 'rrelu')?.params.map((p) => p.symbol)).toEqual([
      'l',
      'u',
    ]);
  });
  it('texSymbol leaves unknown commands and plain letters alone', () => {
    expect(texSymbol('\\alpha')).toBe('α');
    expect(texSymbol('a')).toBe('a');
    expect(texSymbol('\\omega')).toBe('\\omega');
  });
});

describe('fmt(v)', () => {
  it('writes 3 significant digits, true minus signs and powers of ten', () => {
    expect(fmt(0.7310585786)).toBe('0.731');
    expect(fmt(-2.699)).toBe('−2.7');
    expect(fmt(4.7323552e-4)).toBe('4.73 × 10⁻⁴');
    expect(fmt(-1.5e7)).toBe('−1.50 × 10⁷');
    expect(fmt(0)).toBe('0');
    expect(fmt(Number.NaN)).toBe('undefined');
    expect(fmt(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(fmt(Number.NEGATIVE_INFINITY)).toBe('−∞');
    expect(fmt(1.23456, 4)).toBe('1.235');
  });
});

describe('snapToStep(v, p)', () => {
  it('rounds to the grid and clamps, without float noise', () => {
    const p = { min: 0.1, max: 3, step: 0.1 };
    expect(snapToStep(0.3000001, p)).toBe(0.3);
    expect(snapToStep(9, p)).toBe(3);
    expect(snapToStep(-1, p)).toBe(0.1);
    expect(snapToStep(1.234, { min: -5, max: 5, step: 0.05 })).toBe(1.25);
  });
});

describe('secondDerivative(fn, x)', () => {
  it('matches the exact f″ of tanh and sigmoid', () => {
    for (const x of [-3, -0.5, 0, 0.7, 2]) {
      const t = Math.tanh(x);
      expect(secondDerivative(activations.tanh, x)).toBeCloseTo(-2 * t * (1 - t * t), 7);
      const s = 1 / (1 + Math.exp(-x));
      expect(secondDerivative(activations.sigmoid, x)).toBeCloseTo(s * (1 - s) * (1 - 2 * s), 7);
    }
  });
  it('is NaN where f′ jumps and 0 on straight pieces', () => {
    expect(secondDerivative(activations.relu, 0)).toBeNaN();
    expect(secondDerivative(activations.relu, finiteDifferenceStep / 2)).toBeNaN();
    expect(secondDerivative(activations.relu, 1)).toBe(0);
    expect(secondDerivative(activations['hard-sigmoid'], 3)).toBeNaN();
  });
});

describe('intervalsWhere(x, test)', () => {
  it('finds the ends by bisection and snaps 0', () => {
    const x = grid(601, 5);
    const sat = intervalsWhere(x, (v) => Math.abs(activations.sigmoid.df(v)) < 0.01);
    // σ′(x) = 0.01 where σ(x) = (1 + √0.96)/2, i.e. |x| = ln(σ/(1 − σ)).
    const s = (1 + Math.sqrt(0.96)) / 2;
    const edge = Math.log(s / (1 - s));
    expect(sat).toHaveLength(2);
    expect(sat[0].lo).toBe(-5);
    expect(sat[0].hi).toBeCloseTo(-edge, 9);
    expect(sat[1].lo).toBeCloseTo(edge, 9);
    expect(sat[1].hi).toBe(5);
    expect(intervalsWhere(x, (v) => activations.relu.df(v) === 0)).toEqual([{ lo: -5, hi: 0 }]);
    expect(intervalsWhere(x, () => false)).toEqual([]);
    expect(intervalsWhere(x, () => true)).toEqual([{ lo: -5, hi: 5 }]);
  });
});

describe('largestMagnitude(x, g)', () => {
  it('finds the largest gap between GELU and its tanh approximation', () => {
    const g = (v: number) => activations.gelu.f(v) - activations['gelu-tanh'].f(v);
    const { max, at } = largestMagnitude(grid(601, 5), g);
    expect(max).toBeCloseTo(4.7324e-4, 7);
    expect(Math.abs(at)).toBeCloseTo(2.699, 2);
    // No point of a much finer grid does better.
    let fine = 0;
    for (const v of grid(200001, 5)) fine = Math.max(fine, Math.abs(g(v)));
    expect(max).toBeGreaterThanOrEqual(fine);
  });
  it('keeps the best sample when the peak is at the edge', () => {
    expect(largestMagnitude(grid(11, 1), (v) => v + 1)).toEqual({ max: 2, at: 1 });
  });
});

describe('resolveFunction(state, id)', () => {
  it('applies parameters, and falls back to the defaults when the kernel refuses them', () => {
    const s = state({
      fns: ['elu', 'rrelu'],
      params: { elu: { alpha: 2 }, rrelu: { lower: 0.5, upper: 0.2 } },
    });
    expect(resolveFunction(s, 'elu').fn.f(-1)).toBeCloseTo(2 * Math.expm1(-1), 15);
    const r = resolveFunction(s, 'rrelu');
    expect(r.fn.values).toEqual(activations.rrelu.values);
    expect(r.problem).toMatch(
      /lower must not exceed upper.*drawing RReLU with its default parameters/,
    );
    expect(functionExplorerData(s).problems).toHaveLength(1);
  });
});

describe('functionExplorerData(state)', () => {
  it('samples f and f′ of each function, with 0 on the grid', () => {
    const d = functionExplorerData(state());
    expect(d.x).toHaveLength(301);
    expect(d.x[150]).toBe(0);
    expect(d.series.map((s) => s.id)).toEqual(['sigmoid', 'relu', 'gelu']);
    expect(d.series[0].f[150]).toBe(0.5);
    expect(d.series[1].df[300]).toBe(1);
    expect(d.series[0].d2).toBeUndefined();
    expect(d.diff).toBeUndefined();
  });
  it('computes f″, shading and the difference when asked', () => {
    const d = functionExplorerData(
      state({ fns: ['gelu', 'gelu-tanh', 'relu'], d2: true, shade: true, diff: true }),
    );
    expect(d.series[2].d2?.[150]).toBeNaN();
    expect(d.series[2].flat).toEqual([{ lo: -5, hi: 0 }]);
    expect(d.diff?.label).toBe('GELU − GELU (tanh approximation)');
    expect(d.diff?.max).toBeCloseTo(4.7324e-4, 7);
  });
});

describe('describeFunctionExplorer(state)', () => {
  it('states the functions, parameters, intervals and difference in numbers', () => {
    const text = describeFunctionExplorer(
      state({
        fns: ['sigmoid', 'relu', 'elu'],
        params: { elu: { alpha: 2 } },
        shade: true,
        d2: true,
      }),
    );
    expect(text).toContain(
      'Sigmoid, ReLU and ELU: f, f′ and f″ (finite differences) on x from −5 to 5.',
    );
    expect(text).toContain('ELU with α = 2.');
    expect(text).toContain('Sigmoid: |f′| < 0.01 on [−5, −4.58] and on [4.58, 5].');
    expect(text).toContain('ReLU: |f′| < 0.01 on [−5, 0]; f′ = 0 exactly on [−5, 0].');
    expect(text).toContain('ELU: |f′| ≥ 0.01 everywhere in view.');
    expect(text).toContain('f″ is left out where f′ jumps (ReLU, ELU)');
    expect(describeFunctionExplorer(state({ fns: ['gelu', 'gelu-tanh'], diff: true }))).toContain(
      'GELU − GELU (tanh approximation): largest |difference| in view is 4.73 × 10⁻⁴ at x = ',
    );
    expect(describeFunctionExplorer(state({ fns: ['tanh'], diff: true }))).toContain(
      'Tanh: f and f′ on x from −5 to 5. The difference needs two functions.',
    );
    expect(describeFunctionExplorer(state({ fns: [] }))).toMatch(/^No function chosen/);
    expect(describeFunctionExplorer(state({ fns: ['hard-swish'], shade: true }))).toContain(
      'Hard swish: |f′| < 0.01 on [−5, −3] and on [−1.53, −1.47]; f′ = 0 exactly on [−5, −3] and at x = −1.5.',
    );
  });
});

describe('functionExplorerReadout(state)', () => {
  it('gives f, f′ and f″ at the crosshair', () => {
    const [s] = functionExplorerReadout(state({ fns: ['sigmoid'], x: 0 }));
    expect(s).toMatchObject({
      id: 'sigmoid',
      name: 'Sigmoid',
      colour: 'var(--fx-series-1)',
      f: 0.5,
      df: 0.25,
    });
    expect(s.d2).toBeCloseTo(0, 9);
    expect(describeReadout(state({ fns: ['relu', 'sigmoid'], x: 0.5 }))).toBe(
      'x = 0.5. ReLU: f = 0.5, f′ = 1; Sigmoid: f = 0.622, f′ = 0.235',
    );
    expect(describeReadout(state({ fns: ['tanh'], x: 0, d2: true }))).toBe(
      'x = 0. Tanh: f = 0, f′ = 1, f″ = 0',
    );
  });
});

describe('validateFunctionExplorerProps(props)', () => {
  it('fills defaults and keeps the crosshair inside a narrow range', () => {
    expect(validateFunctionExplorerProps({}, catalogue)).toEqual(defaults);
    expect(validateFunctionExplorerProps({ halfWidth: 0.5 }, catalogue).x).toBe(0.5);
    const s = validateFunctionExplorerProps(
      { fns: ['gelu', 'gelu-tanh'], diff: true, params: {} },
      catalogue,
    );
    expect(s.fns).toEqual(['gelu', 'gelu-tanh']);
    expect(
      validateFunctionExplorerProps({ fns: ['elu'], params: { elu: { alpha: 2 } } }, catalogue)
        .params,
    ).toEqual({
      elu: { alpha: 2 },
    });
  });
  it('throws a clear error for bad props', () => {
    const bad = (p: object) => () => validateFunctionExplorerProps(p, catalogue);
    expect(bad({ fns: ['gelu', 'gleu'] })).toThrow(
      'FunctionExplorer: unknown function id "gleu" in fns; known ids: identity, sigmoid',
    );
    expect(bad({ fns: [] })).toThrow('fns must be an array of 1 to 6 catalogue ids');
    expect(bad({ fns: 'relu' })).toThrow('fns must be an array');
    expect(bad({ fns: ['relu', 'relu'] })).toThrow('fns lists a function twice');
    expect(bad({ fns: ['relu'], params: { elu: { alpha: 1 } } })).toThrow(
      'params.elu: "elu" is not one of the functions in fns',
    );
    expect(bad({ fns: ['elu'], params: { elu: { beta: 1 } } })).toThrow(
      'ELU has no parameter "beta" (its parameters: alpha)',
    );
    expect(bad({ fns: ['elu'], params: { elu: { alpha: 9 } } })).toThrow(
      'params.elu.alpha must be a number in [0.1, 3], got 9',
    );
    expect(bad({ halfWidth: 50 })).toThrow('halfWidth must be a number in [0.5, 20]');
    expect(bad({ x: 7 })).toThrow('x must be a number in');
    expect(bad({ shade: 'yes' })).toThrow('shade must be true or false');
    expect(bad({ fns: ['relu'], diff: true })).toThrow('diff needs at least two functions');
  });
});

describe('parseFunctionExplorerState(params)', () => {
  const parse = (q: string, base = defaults) =>
    parseFunctionExplorerState(new URLSearchParams(q), catalogue, 'fx-', base);
  it('round-trips a formatted state', () => {
    const s = state({
      fns: ['elu', 'softplus', 'relu'],
      params: { elu: { alpha: 2.5 }, softplus: { beta: 3 } },
      halfWidth: 4,
      x: -1.2,
      d2: true,
      shade: true,
      diff: true,
    });
    const q = new URLSearchParams(formatFunctionExplorerState(s, catalogue, 'fx-'));
    expect(q.toString()).toBe(
      'fx-fns=elu%2Csoftplus%2Crelu&fx-elu.alpha=2.5&fx-softplus.beta=3&fx-range=4&fx-x=-1.2&fx-d2=1&fx-shade=1&fx-diff=1',
    );
    expect(parse(q.toString())).toEqual({ state: s, problems: [] });
  });
  it('starts from the preset and keeps its parameters for functions still shown', () => {
    const base = state({ fns: ['elu'], params: { elu: { alpha: 2 } } });
    expect(parse('fx-x=0', base).state).toEqual({ ...base, x: 0 });
    expect(parse('fx-fns=elu,relu', base).state.params).toEqual({ elu: { alpha: 2 } });
    expect(parse('fx-fns=', base).state.fns).toEqual([]);
  });
  it('clamps and explains bad values instead of failing', () => {
    const { state: s, problems } = parse(
      'fx-fns=relu,nope,relu,elu,tanh,gelu,silu,mish,selu&fx-elu.alpha=9&fx-elu.gamma=1&fx-zzz.a=1' +
        '&fx-softplus.beta=2&fx-range=100&fx-x=abc&fx-d2=yes&fx-shade=true&fx-diff=0',
    );
    expect(s.fns).toEqual(['relu', 'elu', 'tanh', 'gelu', 'silu', 'mish']);
    expect(s.params).toEqual({ elu: { alpha: 3 } });
    expect(s.halfWidth).toBe(20);
    expect(s.x).toBe(1);
    expect(s.shade).toBe(true);
    expect(problems).toEqual([
      'Unknown function "nope"; left out.',
      '"relu" was listed twice; shown once.',
      'At most 6 functions; "selu" left out.',
      'ELU α must be from 0.1 to 3; showing 3.',
      'ELU has no parameter "gamma"; ignored.',
      'Unknown function "zzz" in parameter "fx-zzz.a"; ignored.',
      'Softplus is not shown, so "fx-softplus.beta" was ignored.',
      'The x half-width must be from 0.5 to 20; showing 20.',
      'The crosshair x must be a number; showing x = 1.',
      '"fx-d2" must be 1 or 0; Show f″ is off.',
    ]);
  });
  it('explains non-numbers and keeps the crosshair in range', () => {
    const { state: s, problems } = parse('fx-fns=elu&fx-elu.alpha=&fx-range=x&fx-x=-9');
    expect(s.params).toEqual({});
    expect(s.halfWidth).toBe(5);
    expect(s.x).toBe(-5);
    expect(problems).toEqual([
      'ELU α must be a number from 0.1 to 3; showing 1.',
      'The x half-width must be a number from 0.5 to 20; showing 5.',
      'The crosshair x must lie in [-5, 5]; showing x = -5.',
    ]);
  });
  it('ignores other widgets’ keys', () => {
    expect(parse('sl-act=relu&other=1').problems).toEqual([]);
    expect(isFunctionExplorerKey('fx-fns', catalogue, 'fx-')).toBe(true);
    expect(isFunctionExplorerKey('fx-elu.alpha', catalogue, 'fx-')).toBe(true);
    expect(isFunctionExplorerKey('fx-zzz.alpha', catalogue, 'fx-')).toBe(false);
    expect(isFunctionExplorerKey('fx-other', catalogue, 'fx-')).toBe(false);
    expect(isFunctionExplorerKey('sl-act', catalogue, 'fx-')).toBe(false);
  });
});

describe('functionExplorerFigure(state)', () => {
  const snapshots = {
    default: state(),
    'gelu-diff': state({ fns: ['gelu', 'gelu-tanh'], diff: true }),
    'shade-d2': state({
      fns: ['sigmoid', 'relu', 'elu', 'softplus'],
      params: { elu: { alpha: 2 }, softplus: { beta: 3 } },
      halfWidth: 6,
      x: -2,
      d2: true,
      shade: true,
    }),
  };
  for (const [name, s] of Object.entries(snapshots)) {
    it(`renders ${name} as the committed SVGs`, async () => {
      const svg = functionExplorerFigure(s)
        .map((p) => renderToString(p.options))
        .join('\n');
      await expect(normaliseSvg(svg)).toMatchFileSnapshot(
        `../output/function-explorer-${name}.svg`,
      );
    });
  }
  it('has the panels asked for, labelled for screen readers', () => {
    const panels = functionExplorerFigure(snapshots['shade-d2'], 480);
    expect(panels.map((p) => p.key)).toEqual(['f', 'df', 'd2']);
    expect(functionExplorerFigure(snapshots['gelu-diff']).map((p) => p.key)).toEqual([
      'f',
      'df',
      'diff',
    ]);
    const svg = renderToString(panels[0].options);
    expect(svg).toContain('aria-label="f(x) for Sigmoid, ReLU, ELU, Softplus"');
    expect(svg).toContain('aria-description="Sigmoid, ReLU, ELU and Softplus: f, f′ and f″');
    expect(renderToString(functionExplorerFigure(state({ fns: [] }))[0].options)).toContain(
      'aria-label="f(x) for no function"',
    );
  });
});
