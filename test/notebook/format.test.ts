import { describe, expect, it } from 'vitest';
import { formatNumber, formatPrinted, formatValue } from '../../src/lib/notebook/format.ts';

describe('formatValue', () => {
  it('prints numbers with every digit and the sign of zero', () => {
    expect(formatNumber(-7.619853024160525e-23)).toBe('-7.619853024160525e-23');
    expect(formatValue(-0)).toBe('-0');
    expect(formatValue(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatValue(Number.NaN)).toBe('NaN');
    expect(formatValue(10n)).toBe('10n');
  });

  it('prints primitives and functions', () => {
    expect(formatValue('a"b')).toBe('"a\\"b"');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(Symbol('s'))).toBe('Symbol(s)');
    expect(formatValue(function named() {})).toBe('[Function: named]');
    expect(formatValue(class K {})).toBe('[class K]');
    expect(formatValue([() => 1][0])).toBe('[Function (anonymous)]');
  });

  it('prints arrays, typed arrays, maps, sets and objects', () => {
    expect(formatValue([1, 'a', [2]])).toBe('[ 1, "a", [ 2 ] ]');
    expect(formatValue(new Float64Array([1, 2.5]))).toBe('Float64Array(2) [ 1, 2.5 ]');
    expect(formatValue(new Map([['a', 1]]))).toBe('Map(1) { "a" => 1 }');
    expect(formatValue(new Set([1, 2]))).toBe('Set(2) { 1, 2 }');
    expect(formatValue({ a: 1, 'b-c': 2, [Symbol.for('s')]: 3 })).toBe(
      '{ a: 1, "b-c": 2, [Symbol(s)]: 3 }',
    );
    expect(formatValue([])).toBe('[]');
    // biome-ignore lint/suspicious/noSparseArray: a hole is what is being printed
    expect(formatValue([1, , 3])).toBe('[ 1, <empty>, 3 ]');
    expect(formatValue(Object.create(null))).toBe('[Object: null prototype] {}');
    class Point {
      x = 1;
    }
    expect(formatValue(new Point())).toBe('Point { x: 1 }');
    expect(
      formatValue({
        get g() {
          return 1;
        },
      }),
    ).toBe('{ g: [Getter] }');
  });

  it('prints dates, regular expressions, errors and promises', () => {
    expect(formatValue(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(formatValue(new Date(Number.NaN))).toBe('Invalid Date');
    expect(formatValue(/a+/g)).toBe('/a+/g');
    expect(formatValue(new RangeError('r'))).toBe('RangeError: r');
    expect(formatValue(Promise.resolve(1))).toBe('Promise { <pending> }');
  });

  it('stays bounded: depth, item count, cycles', () => {
    expect(formatValue({ a: { b: { c: { d: 1 } } } })).toBe('{ a: { b: { c: [Object] } } }');
    expect(formatValue([[[[1]]]])).toBe('[ [ [ [Array] ] ] ]');
    const cyclic: Record<string, unknown> = { name: 'c' };
    cyclic.self = cyclic;
    expect(formatValue(cyclic)).toBe('{ name: "c", self: [Circular] }');
    const long = formatValue(Array.from({ length: 150 }, (_, i) => i));
    expect(long).toContain('... 50 more items');
    expect(long.split('\n').length).toBeGreaterThan(3);
    expect(formatValue(new Float64Array(101))).toContain('... 1 more item');
    expect(
      formatValue(new Map(Array.from({ length: 3 }, (_, i) => [i, i])), { maxItems: 2 }),
    ).toContain('... 1 more item');
    expect(formatValue(new Set([1, 2, 3]), { maxItems: 2 })).toContain('... 1 more item');
    expect(formatValue({ a: 1, b: 2, c: 3 }, { maxItems: 2 })).toContain('... 1 more item');
  });

  it('breaks long objects over lines', () => {
    const text = formatValue({ alpha: 'x'.repeat(40), beta: 'y'.repeat(40) });
    expect(text).toBe(`{\n  alpha: "${'x'.repeat(40)}",\n  beta: "${'y'.repeat(40)}"\n}`);
  });

  it('never throws on odd objects', () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error('no');
        },
      },
    );
    expect(formatValue(hostile)).toBe('[Uninspectable]');
  });
});

describe('formatPrinted', () => {
  it('prints strings raw and other values formatted, separated by spaces', () => {
    expect(formatPrinted(['x =', 1, [2]])).toBe('x = 1 [ 2 ]');
  });
});
