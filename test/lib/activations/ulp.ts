// Distance in units in the last place between two float64 values, for accuracy tests.

const view = new DataView(new ArrayBuffer(8));

/** The float64 bit pattern as an integer ordered like the numbers (+0 and −0 both map to 0). */
function ordinal(x: number): bigint {
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

/**
 * How many float64 values lie between a and b, plus one: 0 when they are equal (+0 and −0
 * count as equal), 1 for neighbours (the largest finite double and Infinity are neighbours;
 * so are −5e−324, ±0 and 5e−324). Two NaNs are 0 apart; a NaN and a number are Infinity apart.
 */
export function ulps(a: number, b: number): number {
  const nanA = Number.isNaN(a);
  const nanB = Number.isNaN(b);
  if (nanA || nanB) return nanA && nanB ? 0 : Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}
