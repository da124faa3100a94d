import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveDecimal, isValueOfType, parseDataType } from '@hive-batch/core';
import { dataTypeArbitrary, valueArbitrary } from '@hive-batch/test-utils';

const T = parseDataType;

describe('isValueOfType', () => {
  it.each<[unknown, string, boolean]>([
    [null, 'int', true],
    [undefined, 'int', false],
    [127, 'tinyint', true],
    [128, 'tinyint', false],
    [1.5, 'int', false],
    [-0, 'int', false],
    [2147483647, 'int', true],
    [1n, 'int', false],
    [1n, 'bigint', true],
    [2n ** 63n, 'bigint', false],
    [1, 'bigint', false],
    [Math.fround(1.1), 'float', true],
    [1.1, 'float', false],
    [NaN, 'float', true],
    [1.1, 'double', true],
    [new HiveDecimal('12.34'), 'decimal(4,2)', true],
    [new HiveDecimal('12.345'), 'decimal(5,2)', false],
    [new HiveDecimal('123.4'), 'decimal(4,2)', false],
    [12.34, 'decimal(4,2)', false],
    ['abc', 'string', true],
    ['abc', 'varchar(3)', true],
    ['abcd', 'varchar(3)', false],
    ['😀😀', 'varchar(2)', true],
    ['ab ', 'char(3)', true],
    ['ab', 'char(3)', false],
    [true, 'boolean', true],
    [0, 'boolean', false],
    [18000, 'date', true],
    [1.5, 'date', false],
    [0n, 'timestamp', true],
    [0, 'timestamp', false],
    [new Uint8Array([1]), 'binary', true],
    ['x', 'binary', false],
    [[1, null, 3], 'array<int>', true],
    [[1, 'x'], 'array<int>', false],
    [new Map([['a', 1]]), 'map<string,int>', true],
    [new Map([[null, 1]]), 'map<string,int>', false],
    [{ a: 1 }, 'map<string,int>', false],
    [{ a: 1, B: 'x' }, 'struct<a:int,B:string>', true],
    [{ a: 1 }, 'struct<a:int,b:string>', false],
    [{ a: 1, b: null, c: 2 }, 'struct<a:int,b:string>', false],
    [[1, 'x'], 'struct<a:int,b:string>', false],
    [null, 'void', true],
    [0, 'void', false],
  ])('%o is a %s: %s', (v, t, expected) => {
    expect(isValueOfType(v, T(t))).toBe(expected);
  });

  it('accepts every generated value of its type', () => {
    fc.assert(
      fc.property(
        dataTypeArbitrary({ maxDepth: 2 }).chain((t) =>
          fc.tuple(fc.constant(t), valueArbitrary(t, { maxLength: 3 })),
        ),
        ([t, v]) => {
          expect(isValueOfType(v, t)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  }, 30_000);
});
