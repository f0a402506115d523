// Questions whose answers are properties of functions are checked against the kernel, so a
// question cannot drift from the catalogue it teaches.

import { describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../src/components/quiz/bank.ts';
import { activations } from '../../src/lib/activations/index.ts';
import { loadBank } from './load.ts';

const bank = loadBank();
const grid = Array.from({ length: 4001 }, (_, i) => -20 + i / 100);

const predicates: Record<string, (id: string) => boolean> = {
  'hidden-sparse-outputs': (id) => activations[id].properties.sparse,
  'hidden-zero-centred': (id) => activations[id].properties.zeroCentred,
  'hidden-non-monotonic': (id) => activations[id].properties.monotonic === 'none',
  'sym-negative-gradient': (id) =>
    grid.filter((x) => x < 0).every((x) => activations[id].df(x) !== 0),
};

describe('property questions agree with the kernel', () => {
  for (const [qid, holds] of Object.entries(predicates)) {
    it(qid, () => {
      const q = bank.byId.get(qid) as Extract<BankQuestion, { kind: 'multiple' }>;
      for (const o of q.options) {
        expect(holds(o.activation as string), `${o.activation}`).toBe(o.correct);
      }
    });
  }
});

describe('numbers in the questions', () => {
  const a = activations;
  it('GELU at −1, and its minimum', () => {
    expect(a.gelu.f(-1)).toBeCloseTo(-0.1587, 4);
    expect(a.gelu.df(-1)).toBeCloseTo(-0.0833, 4);
    expect(Math.min(...grid.map(a.gelu.f))).toBeCloseTo(-0.17, 2);
  });

  it('the derivative that rises above 1 is SiLU’s, to about 1.0998', () => {
    const max = (id: string) => Math.max(...grid.map((x) => activations[id].df(x)));
    expect(max('silu')).toBeCloseTo(1.0998, 4);
    expect(max('tanh')).toBeLessThanOrEqual(1);
    expect(max('relu')).toBeLessThanOrEqual(1);
    expect(max('sigmoid')).toBeCloseTo(0.25, 10);
  });

  it('hard sigmoid slope 1/6, hard-swish minimum −0.375, tanh(4) within 0.001 of 1, softsign(5) = 5/6', () => {
    expect(a['hard-sigmoid'].df(0.5)).toBeCloseTo(1 / 6, 12);
    expect(a['hard-swish'].f(-1.5)).toBeCloseTo(-0.375, 12);
    expect(Math.abs(a['hard-swish'].f(-3.5))).toBe(0);
    expect(1 - a.tanh.f(4)).toBeLessThan(0.001);
    expect(a.softsign.f(5)).toBeCloseTo(5 / 6, 12);
  });

  it('two-class softmax is a sigmoid of the difference; the ratio of sigmoids is not', () => {
    const s = 1 / (1 + Math.exp(-(1 - 0)));
    expect(Math.exp(1) / (Math.exp(1) + Math.exp(0))).toBeCloseTo(s, 12);
    const ratio = a.sigmoid.f(1) / (a.sigmoid.f(1) + a.sigmoid.f(0));
    expect(ratio).toBeCloseTo(0.594, 3);
    expect(s).toBeCloseTo(0.731, 3);
  });

  it('(1/4)^10 ≈ 9.5e-7, and N(0,1) weights with fan-in 512 multiply a ReLU layer’s variance by 256', () => {
    expect(0.25 ** 10).toBeCloseTo(9.5e-7, 8);
    expect(Math.sqrt((512 * 1) / 2)).toBe(16);
  });
});
