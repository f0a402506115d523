// Values at the places where textbook formulas and popular libraries fail. Expected values
// are correctly rounded (mpmath, scripts/reference/activations.py); `near` allows 4 ulps.

import { describe, expect, it } from 'vitest';
import { activations } from '../../../src/lib/activations/index.ts';
import { ulps } from './ulp.ts';

const { gelu, silu, mish, softplus, sigmoid, tanh, selu, elu, celu } = activations;
const inf = Number.POSITIVE_INFINITY;

function near(got: number, want: number, max = 4): void {
  expect(ulps(got, want), `got ${got}, want ${want}`).toBeLessThanOrEqual(max);
}

const isMinusZero = (v: number) => Object.is(v, -0);

describe('exponential units near 0', () => {
  it('elu.f(−1e−20) is −1e−20, not 0 (exp(x) − 1 rounds to 0; expm1 does not)', () => {
    expect(elu.f(-1e-20)).toBe(-1e-20);
    expect(Math.exp(-1e-20) - 1).toBe(0);
    expect(elu.with({ alpha: 0.5 }).f(-1e-20)).toBe(-5e-21);
    near(elu.f(-2), -0.8646647167633873);
    near(elu.with({ alpha: 2 }).f(-1000), -2);
  });

  it('celu.f(−1e−20) is −1e−20 for α = 1 and α = 2', () => {
    expect(celu.f(-1e-20)).toBe(-1e-20);
    expect(celu.with({ alpha: 2 }).f(-1e-20)).toBe(-1e-20);
    near(celu.with({ alpha: 0.5 }).f(-3), -0.4987606239116668);
    near(celu.with({ alpha: 0.5 }).df(-3), 0.0024787521766663585);
  });

  it('selu.f(−1e−8) is −1.7580993320568802e−8 (λα correctly rounded, then expm1)', () => {
    near(selu.f(-1e-8), -1.7580993320568802e-8, 1);
    near(selu.f(-1e-20), -1.7580993408473768e-20, 1);
    near(selu.df(-1e-8), 1.7580993232663835, 1);
    near(selu.f(2), 2.101401974710961, 1);
    near(selu.f(-1000), -1.7580993408473768, 0);
    // λα from the two rounded constants is one ulp low.
    expect(1.0507009873554805 * 1.6732632423543772).toBe(1.7580993408473766);
  });
});

describe('sigmoid and tanh in the tails', () => {
  it('sigmoid.f(−745) is 5e−324 and sigmoid.f(−750) is 0, never NaN', () => {
    expect(sigmoid.f(-745)).toBe(5e-324);
    expect(sigmoid.f(-750)).toBe(0);
    near(sigmoid.f(-40), 4.248354255291589e-18);
    near(sigmoid.f(37), 0.9999999999999999);
    expect(sigmoid.f(40)).toBe(1);
  });

  it('sigmoid.f never steps down from one double to the next (e^x/(1 + e^x) does, near 1)', () => {
    const view = new Float64Array(1);
    const bits = new BigInt64Array(view.buffer);
    const ratio = (u: number) => Math.exp(u) / (1 + Math.exp(u));
    let down = 0;
    let ratioDown = 0;
    for (const start of [-745.2, -708.001, -40, -3, 0.5, 17.3, 30, 36.7, 37.4]) {
      view[0] = start;
      for (let i = 0; i < 20000; i++) {
        const x = view[0];
        bits[0] += x < 0 ? -1n : 1n; // the next double up (no zero crossing in these walks)
        if (sigmoid.f(view[0]) < sigmoid.f(x)) down++;
        if (ratio(view[0]) < ratio(x)) ratioDown++;
      }
    }
    expect(down).toBe(0);
    expect(ratioDown).toBeGreaterThan(0);
  });

  it('sigmoid.df(40) is 4.2e−18, where σ(1 − σ) gives 0', () => {
    near(sigmoid.df(40), 4.248354255291589e-18);
    near(sigmoid.df(-40), 4.248354255291589e-18);
    near(sigmoid.df(37), 8.533047625744065e-17);
    near(sigmoid.df(0.5), 0.2350037122015945);
  });

  it('tanh.df(20) is 1.7e−17, where 1 − tanh² gives 0', () => {
    near(tanh.df(20), 1.6993417021166355e-17);
    expect(1 - Math.tanh(20) ** 2).toBe(0);
    near(tanh.df(0.5), 0.7864477329659274);
    near(tanh.df(1e-8), 0.9999999999999999);
    expect(tanh.df(400) >= 0 && tanh.df(400) < 1e-300).toBe(true);
  });

  it('tanh.f(±800) is ±1 and tanh.df(±800) is 0, not NaN (e^800 overflows)', () => {
    expect(tanh.f(-800)).toBe(-1);
    expect(tanh.f(710)).toBe(1);
    expect(tanh.df(-800)).toBe(0);
    expect(isMinusZero(tanh.f(-0))).toBe(true);
  });

  it('softsign.df(1e155) is 1e−310, not 0 (1/(1 + |x|)² overflows first)', () => {
    near(activations.softsign.df(1e155), 1e-310);
    expect(activations.softsign.f(1e300)).toBe(1);
    expect(activations.softsign.f(-inf)).toBe(-1);
    expect(activations.softsign.f(-3)).toBe(-0.75);
    expect(activations.softsign.df(-3)).toBe(0.0625);
  });

  it('logSigmoid.f(50) is −1.9e−22 and logSigmoid.f(800) is −0', () => {
    const ls = activations['log-sigmoid'];
    near(ls.f(50), -1.9287498479639178e-22);
    expect(isMinusZero(ls.f(800))).toBe(true);
    expect(isMinusZero(ls.f(inf))).toBe(true);
    expect(ls.f(-800)).toBe(-800);
    expect(ls.f(-inf)).toBe(-inf);
    near(ls.f(2), -0.1269280110429725);
    near(ls.df(2), 0.11920292202211756);
    near(ls.df(50), 1.9287498479639178e-22);
  });
});

describe('softplus', () => {
  it('softplus.f(20.5) is 20.500000001250154: no threshold switch (PyTorch returns 20.5)', () => {
    near(softplus.f(20.5), 20.500000001250154, 1);
    near(softplus.f(20), 20.000000002061153, 1);
    near(softplus.df(20.5), 0.9999999987498471, 1);
  });

  it('softplus.f(−745) is 5e−324 and softplus.f(−40) is 4.2e−18, not 0', () => {
    expect(softplus.f(-745)).toBe(5e-324);
    near(softplus.f(-40), 4.248354255291589e-18, 1);
    expect(Math.log(1 + Math.exp(-40))).toBe(0);
    expect(softplus.f(-inf)).toBe(0);
    expect(softplus.f(inf)).toBe(inf);
  });

  it('softplus.with({ beta: 2 }).f(1e308) is 1e308, not ∞ (β·x overflows)', () => {
    expect(softplus.with({ beta: 2 }).f(1e308)).toBe(1e308);
    expect(softplus.with({ beta: 2 }).df(1e308)).toBe(1);
  });

  it('softplus.with({ beta: 0.5 }).f(−1400) is 1.97e−304 (e^βx/β with e^βx subnormal)', () => {
    near(softplus.with({ beta: 0.5 }).f(-1400), 1.971935308751954e-304, 1);
    near(softplus.with({ beta: 0.5 }).df(-1400), 9.85967654375977e-305, 1);
  });
});

describe('gelu', () => {
  it('gelu.f(−10) is −7.6e−23, not 0 (½x(1 + erf(x/√2)) is 0 below x ≈ −8.3)', () => {
    near(gelu.f(-10), -7.619853024160526e-23);
    near(gelu.df(-10), -7.618400096464814e-22);
    near(gelu.f(-8.5), -8.05760459887282e-17);
    near(gelu.df(-8.5), -6.846504938697085e-16);
  });

  it('gelu.f(−30) is −1.47e−196: the rounding of x/√2 is corrected', () => {
    near(gelu.f(-30), -1.472014178144456e-196);
    near(gelu.df(-30), -4.416031690708495e-195);
    near(gelu.f(-35), -3.937187472653422e-267);
    near(gelu.df(-35), -1.378013786291136e-265);
  });

  it('gelu.f(−38) is −1.1e−314 (subnormal) and gelu.f(−40) is −0', () => {
    near(gelu.f(-38), -1.096462777e-314);
    near(gelu.df(-38), -4.1665545693e-313);
    near(gelu.f(-37.9), -4.87685527557e-313);
    near(gelu.df(-37.9), -1.848326363996e-311);
    expect(isMinusZero(gelu.f(-40))).toBe(true);
    expect(isMinusZero(gelu.f(-inf))).toBe(true);
    expect(gelu.df(-50)).toBe(0);
  });

  it('gelu.f(3) and gelu.f(−1.5), and gelu.f(1e−300) is 5e−301', () => {
    near(gelu.f(3), 2.99595030590511);
    near(gelu.df(3), 1.011945647204184);
    near(gelu.f(-1.5), -0.1002108019032871);
    near(gelu.df(-1.5), -0.12746919222997952);
    expect(gelu.f(1e-300)).toBe(5e-301);
    expect(gelu.f(inf)).toBe(inf);
    expect(gelu.df(inf)).toBe(1);
    expect(gelu.f(Number.NaN)).toBeNaN();
    expect(gelu.df(Number.NaN)).toBeNaN();
  });

  it('gelu.df(−0.7517915246935645) is −6.5e−18 with its sign (Taylor series at the root)', () => {
    // The double nearest the minimum of gelu; f′ there is f″(x0)·(x − x0) ≈ 0.43149·(−1.5e−17).
    const x0 = -0.7517915246935645;
    const want = 0.4314939923140469 * -1.4956759177009883e-17;
    expect(ulps(gelu.df(x0), want)).toBeLessThanOrEqual(4);
  });
});

describe('gelu-tanh', () => {
  const g = activations['gelu-tanh'];
  it('geluTanh.f(−20) is −3.4e−261, not 0 (½x(1 + tanh u) cancels to 0)', () => {
    near(g.f(-20), -3.3754509563109348e-261);
    near(g.df(-20), -2.9424328724944744e-259);
    near(g.f(-10), -1.2040923482098036e-37);
    near(g.df(-10), -2.757638063854026e-36);
    near(g.f(-3), -0.0036373920817730178);
    near(g.df(-3), -0.011584166630969723);
    near(g.f(1e-8), 5.000000039894228e-9);
    near(g.df(1e-8), 0.5000000079788456);
  });

  it('geluTanh.df(−0.7524614220710162) is 1.5e−17 with its sign (Taylor series at the root)', () => {
    const want = 0.43040009102485854 * 3.473691681308185e-17;
    expect(ulps(g.df(-0.7524614220710162), want)).toBeLessThanOrEqual(4);
  });

  it('geluTanh.f(−21.2) is subnormal, geluTanh.f(−inf) is −0', () => {
    near(g.f(-21.2), -2.32720197528103e-309);
    near(g.df(-21.2), -2.2750197115406732e-307);
    expect(isMinusZero(g.f(-inf))).toBe(true);
    expect(g.f(1e200)).toBe(1e200);
    expect(g.df(1e200)).toBe(1);
    expect(g.df(-1e200) === 0).toBe(true);
  });
});

describe('silu, swish and mish', () => {
  it('silu.f(−700) is −6.9e−302 and silu.f(−720) is −1.5e−310 (x/(1 + e^−x) is −0)', () => {
    near(silu.f(-700), -6.90177358063184e-302);
    near(silu.df(-700), -6.891913904088079e-302);
    near(silu.f(-720), -1.46320617774547e-310);
    near(silu.df(-720), -1.46117394694305e-310);
    near(silu.f(-745), -2.105e-321);
    near(silu.df(-745), -2.1e-321);
    expect(isMinusZero(-720 / (1 + Math.exp(720)))).toBe(true);
    near(silu.f(5), 4.966535745378576);
    near(silu.f(-1), -0.2689414213699951);
    near(silu.df(-1), 0.07232948812851327);
  });

  it('swish.with({ beta: 0 }) is x/2, and swish.with({ beta: 2 }).f(−400) is −0', () => {
    const half = activations.swish.with({ beta: 0 });
    expect(half.f(3)).toBe(1.5);
    expect(half.f(-inf)).toBe(-inf);
    expect(half.df(inf)).toBe(0.5);
    expect(isMinusZero(activations.swish.with({ beta: 2 }).f(-400))).toBe(true);
    near(activations.swish.with({ beta: 0.5 }).f(-3), -0.547276571419069);
    near(activations.swish.with({ beta: 0.5 }).df(-3), -0.041294154299142946);
  });

  it('mish.f(−50) is −9.6e−21 and mish.f(−720) is −1.5e−310', () => {
    near(mish.f(-50), -9.643749239819589e-21);
    near(mish.df(-50), -9.450874255023197e-21);
    near(mish.f(-720), -1.46320617774547e-310);
    near(mish.df(-720), -1.46117394694305e-310);
    near(mish.f(-1), -0.3034014613741089);
    near(mish.df(-1), 0.05921675587739495);
    near(mish.df(-2.25), -0.11252390292835687);
    expect(mish.f(800)).toBe(800);
    expect(mish.df(800)).toBe(1);
    expect(mish.f(30)).toBe(30);
    expect(isMinusZero(mish.f(-inf))).toBe(true);
  });

  it('the roots of silu′ and mish′ keep their sign (Taylor series at the root)', () => {
    const s0 = -1.2784645427610737;
    expect(ulps(silu.df(s0), 0.2178117057198001 * 1.0946994183093437e-16)).toBeLessThanOrEqual(4);
    const m0 = -1.1924312145154952;
    expect(ulps(mish.df(m0), 0.2669479140495345 * 4.8484829848031044e-17)).toBeLessThanOrEqual(4);
  });
});

describe('limits and NaN', () => {
  it('every entry maps NaN to NaN, in f and in f′', () => {
    for (const a of Object.values(activations)) {
      expect(a.f(Number.NaN), a.id).toBeNaN();
      expect(a.df(Number.NaN), a.id).toBeNaN();
    }
  });

  it('every entry is finite or its limit at ±∞, never NaN there', () => {
    for (const a of Object.values(activations)) {
      for (const x of [inf, -inf, 1e308, -1e308]) {
        expect(Number.isNaN(a.f(x)), `${a.id}.f(${x})`).toBe(false);
        expect(Number.isNaN(a.df(x)), `${a.id}.df(${x})`).toBe(false);
      }
    }
    expect(activations.relu.f(-inf)).toBe(0);
    expect(activations.relu6.f(inf)).toBe(6);
    expect(activations['hard-sigmoid'].f(inf)).toBe(1);
    expect(activations['hard-tanh'].f(-inf)).toBe(-1);
    expect(activations.elu.f(-inf)).toBe(-1);
    expect(activations.identity.f(-inf)).toBe(-inf);
  });

  it('hardSwish.f(1.7e308) is 1.7e308, not ∞ (x·relu6(x + 3) overflows)', () => {
    const hs = activations['hard-swish'];
    expect(hs.f(1.7e308)).toBe(1.7e308);
    expect(hs.f(inf)).toBe(inf);
    expect(hs.f(-inf) === 0).toBe(true);
    expect(hs.f(-1.5)).toBe(-0.375);
    near(hs.f(2.5), 2.2916666666666665, 1);
  });
});
