import { describe, expect, it } from 'vitest';
import { ulps } from './ulp.ts';

describe('ulps(a, b)', () => {
  it('is 0 for equal numbers, including +0 and −0', () => {
    expect(ulps(1, 1)).toBe(0);
    expect(ulps(0, -0)).toBe(0);
    expect(ulps(-0, 0)).toBe(0);
    expect(ulps(Infinity, Infinity)).toBe(0);
  });
  it('is 1 for neighbours on either side of a power of two', () => {
    expect(ulps(1, 1 + Number.EPSILON)).toBe(1);
    expect(ulps(1, 1 - Number.EPSILON / 2)).toBe(1);
    expect(ulps(-1, -1 - Number.EPSILON)).toBe(1);
    expect(ulps(2 ** 1023 * (2 - Number.EPSILON), Infinity)).toBe(1);
  });
  it('counts subnormals and crosses zero', () => {
    expect(ulps(0, 5e-324)).toBe(1);
    expect(ulps(-5e-324, 5e-324)).toBe(2);
    expect(ulps(-0, 3 * 5e-324)).toBe(3);
    expect(ulps(2.2250738585072014e-308, 2.225073858507201e-308)).toBe(1);
  });
  it('is symmetric and counts many ulps exactly', () => {
    expect(ulps(1, 2)).toBe(2 ** 52);
    expect(ulps(2, 1)).toBe(2 ** 52);
    expect(ulps(1, 1 + 10 * Number.EPSILON)).toBe(10);
    expect(ulps(-1, 1)).toBe(2 * 0x3ff0000000000000);
  });
  it('treats NaN as equal only to NaN', () => {
    expect(ulps(Number.NaN, Number.NaN)).toBe(0);
    expect(ulps(Number.NaN, 1)).toBe(Infinity);
    expect(ulps(0, Number.NaN)).toBe(Infinity);
  });
});
