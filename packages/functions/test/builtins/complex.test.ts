import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { HiveDecimal, formatDataType } from '@hive-batch/core';
import { resolve, run } from './harness';

describe('constructors', () => {
  test('array takes the common element type', () => {
    expect(run('array', ['int', 'int', 'void'], [1, 2, null])).toEqual([1, 2, null]);
    expect(formatDataType(resolve('array', ['int', 'bigint']).resultType)).toBe('array<bigint>');
    expect(formatDataType(resolve('array', ['int', 'double']).resultType)).toBe('array<double>');
    expect(formatDataType(resolve('array', []).resultType)).toBe('array<string>');
    expect(run('array', ['int', 'string'], [1, 'a'])).toEqual(['1', 'a']);
  });

  test('map pairs keys and values; a later key wins', () => {
    const m = run('map', ['string', 'int', 'string', 'int'], ['a', 1, 'a', 2]) as Map<string, number>;
    expect([...m.entries()]).toEqual([['a', 2]]);
    expect(formatDataType(resolve('map', ['string', 'decimal(10,1)']).resultType)).toBe(
      'map<string,decimal(10,1)>',
    );
    expect(() => resolve('map', ['string'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });

  test('struct names fields col1, col2 …; named_struct takes constant names', () => {
    expect(run('struct', ['string', 'int'], ['a', 1])).toEqual({ col1: 'a', col2: 1 });
    expect(formatDataType(resolve('struct', ['string', 'int']).resultType)).toBe(
      'struct<col1:string,col2:int>',
    );
    expect(run('named_struct', ['string', 'int', 'string', 'date'], ['amount', 5, 'date', 16000])).toEqual({
      amount: 5,
      date: 16000,
    });
    expect(() => resolve('named_struct', ['string', 'int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
    expect(() => resolve('named_struct', ['string'], ['a'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });
});

describe('sort_array', () => {
  test('primitives ascending with NULLs first', () => {
    expect(run('sort_array', ['array<string>'], [['b', 'd', null, 'c', 'a']])).toEqual([
      null,
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(run('sort_array', ['array<double>'], [[Number.NaN, 1, -0, -Infinity]])).toEqual([
      -Infinity,
      -0,
      1,
      Number.NaN,
    ]);
    expect(run('sort_array', ['array<int>'], [null])).toBeNull();
    expect(() => resolve('sort_array', ['int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });

  // udaf_collect_set_2.q.out, customer 2: sort_array(collect_list(struct(c.name, o.d, o.amount))).
  test('structs compare field by field (corpus: udaf_collect_set_2)', () => {
    const row = (d: string, a: number): object => ({ col1: 'John', col2: Date.parse(d) / 86400000, col3: a });
    const expected = [row('2013-08-10', 126.57), row('2014-06-25', 3.65), row('2015-01-15', 27.45)];
    const shuffled = [expected[2], expected[0], expected[1]];
    expect(run('sort_array', ['array<struct<col1:varchar(10),col2:date,col3:double>>'], [shuffled])).toEqual(
      expected,
    );
  });

  // udaf_collect_set_2.q.out: sort_array(collect_set(map("sub", o.sub))) orders maps by size, then by the
  // entries in key order ("beef" < "chocolate"), and sort_array(collect_list(map("amount", amount))) by value.
  test('maps compare by size, then sorted entries (corpus: udaf_collect_set_2)', () => {
    const m = (entries: [string, number][]): Map<string, Map<string, number>> =>
      new Map([['sub', new Map(entries)]]);
    const customer2 = [
      m([['"milk"', 27.45]]),
      m([
        ['"yogurt"', 126.57],
        ['"beef"', 210.57],
      ]),
      m([
        ['"chocolate"', 3.65],
        ['"water"', 420.36],
      ]),
    ];
    const customer3 = [
      m([
        ['"apple"', 30.5],
        ['"orange"', 41.35],
      ]),
      m([
        ['"icecream"', 210.03],
        ['"banana"', 100.56],
        ['"coffee', 500.0],
      ]),
    ];
    const t = ['array<map<string,map<string,double>>>'];
    expect(run('sort_array', t, [[customer2[2], customer2[1], customer2[0]]])).toEqual(customer2);
    expect(run('sort_array', t, [[customer3[1], customer3[0]]])).toEqual(customer3);
    const amount = (x: string): Map<string, unknown> => new Map([['amount', new HiveDecimal(x)]]);
    const sorted = run(
      'sort_array',
      ['array<map<string,decimal(10,1)>>'],
      [[amount('126.6'), amount('3.7'), amount('27.5')]],
    ) as Map<string, unknown>[];
    expect(sorted.map((x) => String(x.get('amount')))).toEqual(['3.7', '27.5', '126.6']);
  });

  test('the result is a sorted permutation of the input', () => {
    const ev = resolve('sort_array', ['array<int>']);
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer(), { nil: null })), (xs) => {
        const out = ev.evaluate([xs]) as (number | null)[];
        expect([...out].sort()).toEqual([...xs].sort());
        for (let i = 1; i < out.length; i++) {
          const a = out[i - 1];
          const b = out[i];
          expect(a == null || (b != null && a <= b)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('size, array_contains, map_keys, map_values', () => {
  test('size is -1 for NULL', () => {
    expect(run('size', ['array<int>'], [[1, 2]])).toBe(2);
    expect(run('size', ['map<int,int>'], [new Map([[1, 2]])])).toBe(1);
    expect(run('size', ['array<int>'], [null])).toBe(-1);
    expect(() => resolve('size', ['string'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });

  test('array_contains is FALSE, never NULL, for NULL inputs', () => {
    expect(run('array_contains', ['array<int>', 'int'], [[1, 2, 3], 2])).toBe(true);
    expect(run('array_contains', ['array<int>', 'int'], [[1, null], 3])).toBe(false);
    expect(run('array_contains', ['array<int>', 'int'], [null, 3])).toBe(false);
    expect(run('array_contains', ['array<int>', 'void'], [[1], null])).toBe(false);
    expect(run('array_contains', ['array<string>', 'string'], [['a'], 'a'])).toBe(true);
    // Hive requires the value to have exactly the element type: no wrap-around through a cast.
    expect(() => resolve('array_contains', ['array<int>', 'bigint'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
    expect(() => resolve('array_contains', ['int', 'int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });

  test('map_keys and map_values keep insertion order; NULL gives an empty array', () => {
    const m = new Map<string, number>([
      ['b', 1],
      ['a', 2],
    ]);
    expect(run('map_keys', ['map<string,int>'], [m])).toEqual(['b', 'a']);
    expect(run('map_values', ['map<string,int>'], [m])).toEqual([1, 2]);
    expect(run('map_values', ['map<string,int>'], [null])).toEqual([]);
    expect(formatDataType(resolve('map_values', ['map<string,map<string,double>>']).resultType)).toBe(
      'array<map<string,double>>',
    );
    expect(() => resolve('map_keys', ['array<int>'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });
});
