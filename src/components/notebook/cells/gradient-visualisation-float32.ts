// Where the sigmoid's gradient becomes exactly 0 in float32 and in float64 when it is
// computed, as autograd does, from the output s = σ(x) as s·(1 − s). Math.fround rounds
// each step to float32, as a GPU computing in single precision would.
import { activations } from 'nonlinear';

const sigmoid = activations.sigmoid;
const f32 = Math.fround;

/** The smallest x (to 0.01) from which the output rounds to exactly 1. */
function roundsToOne(precision: 'float32' | 'float64'): number {
  const round = precision === 'float32' ? f32 : (v: number) => v;
  for (let x = 0; x < 100; x += 0.01) {
    if (round(sigmoid.f(x)) === 1) return Number(x.toFixed(2));
  }
  return Number.NaN;
}
print(`σ(x) rounds to 1 in float32 from x ≈ ${roundsToOne('float32')}`);
print(`σ(x) rounds to 1 in float64 from x ≈ ${roundsToOne('float64')}`);

table(
  [5, 10, 15, 16, 17, 17.5, 20, 30, 40].map((x) => {
    const s32 = f32(sigmoid.f(x));
    const s64 = sigmoid.f(x);
    return {
      x,
      'σ(x) in float32': s32,
      "σ' as s(1−s), float32": Number(f32(s32 * f32(1 - s32)).toPrecision(3)),
      "σ' as s(1−s), float64": Number((s64 * (1 - s64)).toPrecision(3)),
      "true σ'(x)": Number(sigmoid.df(x).toPrecision(3)),
    };
  }),
);
