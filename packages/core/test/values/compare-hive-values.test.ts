import { describe, expect, it } from 'vitest';
import {
  arrayType,
  compareHiveValues,
  compareJavaDoubles,
  hiveValueComparator,
  structType,
} from '@hive-batch/core';

describe('compareHiveValues', () => {
  it('puts NULL first, at the top and inside arrays and structs', () => {
    expect(compareHiveValues(null, 1, { kind: 'int' })).toBeLessThan(0);
    expect(compareHiveValues(1, null, { kind: 'int' })).toBeGreaterThan(0);
    expect(compareHiveValues(null, null, { kind: 'int' })).toBe(0);
    const arr = arrayType({ kind: 'int' });
    expect(compareHiveValues([null], [0], arr)).toBeLessThan(0);
    expect(hiveValueComparator(arr, true)([null], [0])).toBeGreaterThan(0);
  });

  it('orders doubles as Java Double.compare but with -0.0 == 0.0', () => {
    const t = { kind: 'double' } as const;
    expect(compareHiveValues(NaN, Infinity, t)).toBeGreaterThan(0);
    expect(compareHiveValues(NaN, NaN, t)).toBe(0);
    expect(compareHiveValues(-0, 0, t)).toBe(0);
  });

  it('compareJavaDoubles is Double.compare: -0.0 before 0.0, NaN last and equal to itself', () => {
    const ordered = [-Infinity, -1.5, -0, 0, 5e-324, 2, Infinity, NaN];
    ordered.forEach((a, i) =>
      ordered.forEach((b, j) => expect(Math.sign(compareJavaDoubles(a, b))).toBe(Math.sign(i - j))),
    );
    expect(Float64Array.from([NaN, 0, -0, -1]).sort((a, b) => compareJavaDoubles(a, b))).toEqual(
      Float64Array.from([-1, -0, 0, NaN]),
    );
  });

  it('orders string by UTF-8 bytes, varchar by UTF-16 code units and char without trailing spaces', () => {
    // U+FF61 is below U+1F600 in UTF-8 but above its surrogate pair in UTF-16.
    expect(compareHiveValues('\uff61', '\u{1f600}', { kind: 'string' })).toBeLessThan(0);
    expect(compareHiveValues('\uff61', '\u{1f600}', { kind: 'varchar', length: 10 })).toBeGreaterThan(0);
    expect(compareHiveValues('a  ', 'a', { kind: 'char', length: 3 })).toBe(0);
  });

  it('compares structs field by field and rejects maps', () => {
    const t = structType([
      { name: 'a', type: { kind: 'int' } },
      { name: 'b', type: { kind: 'string' } },
    ]);
    expect(compareHiveValues({ a: 1, b: 'z' }, { a: 2, b: 'a' }, t)).toBeLessThan(0);
    expect(compareHiveValues([1, 'b'], [1, 'a'], t)).toBeGreaterThan(0);
    expect(() =>
      compareHiveValues(new Map(), new Map(), { kind: 'map', key: { kind: 'int' }, value: { kind: 'int' } }),
    ).toThrow();
  });
});
