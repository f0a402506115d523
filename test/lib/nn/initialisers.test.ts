import { describe, expect, it } from 'vitest';
import { type InitScheme, initialise, initSchemes } from '../../../src/lib/nn/initialisers.ts';
import { seeded } from '../../../src/lib/random/index.ts';

function init(id: InitScheme, fanIn: number, fanOut: number, seed = 1) {
  const weight = new Float64Array(fanIn * fanOut);
  const bias = new Float64Array(fanOut);
  initialise(id, weight, bias, seeded(seed));
  return { weight, bias };
}

function std(a: Float64Array): number {
  const mean = a.reduce((s, v) => s + v, 0) / a.length;
  return Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length);
}

describe('initialise(scheme, weight, bias, source)', () => {
  const cases: [InitScheme, number][] = [
    ['glorot-uniform', Math.sqrt(2 / (200 + 100))],
    ['glorot-normal', Math.sqrt(2 / (200 + 100))],
    ['he-uniform', Math.sqrt(2 / 200)],
    ['he-normal', Math.sqrt(2 / 200)],
    ['lecun-normal', Math.sqrt(1 / 200)],
    ['playground', Math.sqrt(1 / 12)],
    // U[−a, a] has variance a²/3: with a = 1/√n, 1/(3n).
    ['standard', Math.sqrt(1 / (3 * 200))],
  ];
  for (const [id, sigma] of cases) {
    it(`initialise('${id}') draws weights with standard deviation ${sigma.toFixed(4)}`, () => {
      const { weight } = init(id, 200, 100);
      expect(std(weight) / sigma).toBeCloseTo(1, 1);
    });
  }

  it("initialise('he-uniform') stays within ±sqrt(6 / fanIn)", () => {
    const { weight } = init('he-uniform', 50, 40);
    expect(Math.max(...weight.map(Math.abs))).toBeLessThan(Math.sqrt(6 / 50));
    expect(Math.max(...weight.map(Math.abs))).toBeGreaterThan(0.95 * Math.sqrt(6 / 50));
  });

  it("initialise('standard') stays within ±1/√fanIn, with biases 0 (Glorot & Bengio's eq. 1)", () => {
    const { weight, bias } = init('standard', 64, 40);
    expect(Math.max(...weight.map(Math.abs))).toBeLessThan(1 / 8);
    expect(Math.max(...weight.map(Math.abs))).toBeGreaterThan(0.95 / 8);
    expect(bias.every((b) => b === 0)).toBe(true);
  });

  it("initialise('playground') draws from [−0.5, 0.5) with biases 0.1", () => {
    const { weight, bias } = init('playground', 8, 8);
    expect(weight.every((w) => w >= -0.5 && w < 0.5)).toBe(true);
    expect(Array.from(bias)).toEqual(new Array(8).fill(0.1));
  });

  it("initialise('zeros') zeroes everything", () => {
    const { weight, bias } = init('zeros', 3, 2);
    expect([...weight, ...bias].every((v) => v === 0)).toBe(true);
  });

  it('initialise(scheme) is the same for the same seed and differs for another', () => {
    for (const id of initSchemes.filter((s) => s !== 'zeros')) {
      expect(init(id, 4, 3, 5).weight).toEqual(init(id, 4, 3, 5).weight);
      expect(init(id, 4, 3, 5).weight).not.toEqual(init(id, 4, 3, 6).weight);
    }
  });

  it('initialise(unknown) throws with the known names', () => {
    expect(() => init('orthogonal' as InitScheme, 2, 2)).toThrow(/glorot-uniform/);
  });
});
