// Exact rational arithmetic on doubles (BigInt), to check results that must be correctly
// rounded: a double is m·2^e exactly, and a rational num/den is rounded to the nearest
// double, ties to even.

const view = new DataView(new ArrayBuffer(8));

/** x = m·2^e exactly, m a (signed) integer. */
export function decompose(x: number): { m: bigint; e: bigint } {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const mantissa = bits & 0xfffffffffffffn;
  if (exponent === 0) return { m: sign * mantissa, e: -1074n };
  return { m: sign * (mantissa | (1n << 52n)), e: BigInt(exponent - 1075) };
}

/** An exact rational n/d (d > 0). */
export interface Rational {
  n: bigint;
  d: bigint;
}

export function rational(x: number): Rational {
  const { m, e } = decompose(x);
  return e >= 0n ? { n: m << e, d: 1n } : { n: m, d: 1n << -e };
}

export function add(a: Rational, b: Rational): Rational {
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

export function mul(a: Rational, b: Rational): Rational {
  return { n: a.n * b.n, d: a.d * b.d };
}

/** The double nearest n/d (ties to even), for a result in the normal or subnormal range. */
export function round({ n, d }: Rational): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  let num = negative ? -n : n;
  let den = d;
  // Scale so that 2^52 ≤ num/den < 2^53, counting the binary exponent k.
  let k = BigInt(num.toString(2).length - den.toString(2).length) - 53n;
  if (k < -1074n) k = -1074n;
  const scaled = (k: bigint): [bigint, bigint] => (k >= 0n ? [num, den << k] : [num << -k, den]);
  for (;;) {
    const [a, b] = scaled(k);
    const q = a / b;
    if (q >= 1n << 53n) k++;
    else if (q < 1n << 52n && k > -1074n) k--;
    else break;
  }
  [num, den] = scaled(k);
  let q = num / den;
  const r = num - q * den;
  if (2n * r > den || (2n * r === den && (q & 1n) === 1n)) q++;
  const value = Number(q) * 2 ** Number(k);
  return negative ? -value : value;
}

/** Whether a + b (doubles) equals s + t exactly. */
export function sumIsExact(a: number, b: number, s: number, t: number): boolean {
  const left = add(rational(a), rational(b));
  const right = add(rational(s), rational(t));
  return left.n * right.d === right.n * left.d;
}

/** Whether a·b (doubles) equals p + t exactly. */
export function productIsExact(a: number, b: number, p: number, t: number): boolean {
  const left = mul(rational(a), rational(b));
  const right = add(rational(p), rational(t));
  return left.n * right.d === right.n * left.d;
}
