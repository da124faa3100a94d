import { describe, expect, test } from 'vitest';
import { HiveDecimal } from '@hive-batch/core';
import { run } from './harness';

// Functions that return NULL as soon as any argument is NULL, with one valid call each.
const STRICT: readonly (readonly [string, readonly string[], readonly unknown[]])[] = [
  ['+', ['int', 'int'], [1, 2]],
  ['-', ['decimal(5,2)', 'int'], [new HiveDecimal('1.5'), 2]],
  ['*', ['double', 'double'], [1.5, 2]],
  ['/', ['int', 'int'], [1, 2]],
  ['%', ['bigint', 'bigint'], [7n, 2n]],
  ['div', ['int', 'int'], [7, 2]],
  ['pmod', ['int', 'int'], [7, 2]],
  ['negative', ['int'], [1]],
  ['=', ['int', 'int'], [1, 1]],
  ['<', ['string', 'int'], ['1', 2]],
  ['not', ['boolean'], [true]],
  ['like', ['string', 'string'], ['a', 'a']],
  ['rlike', ['string', 'string'], ['a', 'a']],
  ['&', ['int', 'int'], [1, 3]],
  ['~', ['int'], [1]],
  ['substr', ['string', 'int', 'int'], ['abc', 1, 2]],
  ['concat', ['string', 'string'], ['a', 'b']],
  ['lower', ['string'], ['A']],
  ['upper', ['string'], ['a']],
  ['length', ['string'], ['a']],
  ['trim', ['string'], [' a ']],
  ['ltrim', ['string'], [' a ']],
  ['rtrim', ['string'], [' a ']],
  ['lpad', ['string', 'int', 'string'], ['a', 3, 'x']],
  ['rpad', ['string', 'int', 'string'], ['a', 3, 'x']],
  ['reverse', ['string'], ['ab']],
  ['repeat', ['string', 'int'], ['a', 2]],
  ['space', ['int'], [2]],
  ['split', ['string', 'string'], ['a,b', ',']],
  ['regexp_replace', ['string', 'string', 'string'], ['a', 'a', 'b']],
  ['regexp_extract', ['string', 'string', 'int'], ['a1', '(\\d)', 1]],
  ['instr', ['string', 'string'], ['ab', 'b']],
  ['locate', ['string', 'string', 'int'], ['b', 'ab', 1]],
  ['ascii', ['string'], ['a']],
  ['initcap', ['string'], ['a']],
  ['sentences', ['string'], ['a b.']],
  ['round', ['double', 'int'], [1.25, 1]],
  ['bround', ['double'], [1.5]],
  ['floor', ['double'], [1.5]],
  ['ceil', ['decimal(5,2)'], [new HiveDecimal('1.5')]],
  ['abs', ['int'], [-1]],
  ['sign', ['double'], [-1]],
  ['power', ['double', 'double'], [2, 2]],
  ['sqrt', ['double'], [4]],
  ['exp', ['double'], [1]],
  ['ln', ['double'], [1]],
  ['log', ['double', 'double'], [2, 8]],
  ['log10', ['double'], [10]],
  ['log2', ['double'], [2]],
  ['sort_array', ['array<int>'], [[2, 1]]],
  ['to_date', ['string'], ['2020-01-01']],
  ['year', ['string'], ['2020-01-01']],
  ['month', ['date'], [0]],
  ['day', ['date'], [0]],
  ['datediff', ['string', 'string'], ['2020-01-01', '2020-01-02']],
  ['date_add', ['string', 'int'], ['2020-01-01', 1]],
  ['date_sub', ['string', 'int'], ['2020-01-01', 1]],
  ['int', ['string'], ['1']],
  ['double', ['int'], [1]],
];

describe('strict functions return NULL when any argument is NULL', () => {
  test.each(STRICT)('%s', (name, types, args) => {
    expect(run(name, types, args)).not.toBeNull();
    for (let i = 0; i < args.length; i++) {
      const withNull = args.map((a, j) => (j === i ? null : a));
      expect(run(name, types, withNull)).toBeNull();
    }
  });
});

// And the functions Hive defines to answer something other than NULL.
describe('NULL-tolerant functions', () => {
  test.each([
    ['isnull', ['int'], [null], true],
    ['isnotnull', ['int'], [null], false],
    ['<=>', ['int', 'int'], [null, null], true],
    ['size', ['array<int>'], [null], -1],
    ['array_contains', ['array<int>', 'int'], [null, 1], false],
    ['concat_ws', ['string', 'string', 'string'], [',', null, 'b'], 'b'],
    ['coalesce', ['int', 'int'], [null, 2], 2],
    ['nvl', ['int', 'int'], [null, 2], 2],
    ['and', ['boolean', 'boolean'], [null, false], false],
    ['or', ['boolean', 'boolean'], [null, true], true],
    ['if', ['boolean', 'int', 'int'], [null, 1, 2], 2],
    ['array', ['int'], [null], [null]],
    ['struct', ['int'], [null], { col1: null }],
  ] as const)('%s', (name, types, args, expected) => {
    expect(run(name, types, args)).toEqual(expected);
  });
});
