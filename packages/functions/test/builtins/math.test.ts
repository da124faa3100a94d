import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { HiveDecimal, formatDataType } from '@hive-batch/core';
import type { HiveDecimalValue } from '@hive-batch/core';
import { resolve, run } from './harness';

const dec = (s: string): HiveDecimalValue => new HiveDecimal(s);

describe('round and bround', () => {
  test.each([
    [2.675, 2, 2.68], // HALF_UP on the shortest decimal form; the binary value is 2.67499999…
    [1.005, 2, 1.01],
    [-2.5, 0, -3],
    [2.5, 0, 3],
    [0.125, 2, 0.13],
    [1234.5678, -2, 1200],
    [12.3456, 1, 12.3],
    [1e300, 2, 1e300],
    [Number.NaN, 2, Number.NaN],
    [Number.POSITIVE_INFINITY, 0, Number.POSITIVE_INFINITY],
  ])('round(%s, %s) = %s', (x, d, expected) => {
    expect(run('round', ['double', 'int'], [x, d])).toBe(expected);
  });

  test.each([
    [2.5, 0, 2],
    [3.5, 0, 4],
    [12.25, 1, 12.2],
    [12.35, 1, 12.4],
    [-2.5, 0, -2],
  ])('bround(%s, %s) = %s', (x, d, expected) => {
    expect(run('bround', ['double', 'int'], [x, d])).toBe(expected);
  });

  test('round without scale, on integers and floats', () => {
    expect(run('round', ['double'], [2.5])).toBe(3);
    expect(run('round', ['int', 'int'], [1250, -2])).toBe(1300);
    expect(run('round', ['int', 'int'], [-1250, -2])).toBe(-1300);
    expect(run('round', ['bigint', 'int'], [15n, -1])).toBe(20n);
    expect(run('round', ['int', 'int'], [7, 2])).toBe(7);
    // The float is widened to double first: 1.15f is 1.149999976158142, which rounds down.
    expect(run('round', ['float', 'int'], [Math.fround(1.15), 1])).toBe(Math.fround(1.1));
    expect(run('round', ['float', 'int'], [Math.fround(1.25), 1])).toBe(Math.fround(1.3));
    expect(run('round', ['string', 'int'], ['2.675', 2])).toBe(2.68);
    expect(run('round', ['double', 'int'], [null, 2])).toBeNull();
  });

  test('result types', () => {
    const t = (types: string[], c: unknown[]): string =>
      formatDataType(resolve('round', types, c).resultType);
    expect(t(['double', 'int'], [undefined, 2])).toBe('double');
    expect(t(['int', 'int'], [undefined, -1])).toBe('int');
    expect(t(['string'], [])).toBe('double');
    expect(t(['decimal(10,3)', 'int'], [undefined, 2])).toBe('decimal(10,2)');
    expect(t(['decimal(10,3)', 'int'], [undefined, 5])).toBe('decimal(10,3)');
    expect(t(['decimal(10,3)', 'int'], [undefined, -1])).toBe('decimal(8,0)');
    expect(t(['decimal(38,10)'], [])).toBe('decimal(29,0)');
  });

  test('a NULL scale gives NULL with the scale-0 type', () => {
    expect(run('round', ['double', 'void'], [2.5, null])).toBeNull();
    expect(formatDataType(resolve('round', ['decimal(5,2)', 'void'], [undefined, null]).resultType)).toBe(
      'decimal(4,0)',
    );
  });

  test('the scale must be an integer constant', () => {
    expect(() => resolve('round', ['double', 'int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
    expect(() => resolve('round', ['double', 'double'], [undefined, 1.5])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
    expect(() => resolve('round', ['boolean'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });

  test('decimal rounding is HALF_UP and can carry into a new integer digit', () => {
    expect((run('round', ['decimal(5,2)', 'int'], [dec('999.95'), 1]) as HiveDecimalValue).toFixed()).toBe(
      '1000',
    );
    expect((run('round', ['decimal(5,2)', 'int'], [dec('-0.05'), 1]) as HiveDecimalValue).toFixed()).toBe(
      '-0.1',
    );
    expect((run('round', ['decimal(5,2)', 'int'], [dec('155.55'), -1]) as HiveDecimalValue).toFixed()).toBe(
      '160',
    );
    expect((run('bround', ['decimal(5,2)', 'int'], [dec('0.25'), 1]) as HiveDecimalValue).toFixed()).toBe(
      '0.2',
    );
  });

  test('round on doubles equals HALF_UP of the shortest decimal string (decimal.js reference)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
        fc.integer({ min: 0, max: 10 }),
        (x, d) => {
          // `+ 0`: Java's BigDecimal has no negative zero.
          const reference =
            new HiveDecimal(String(x)).toDecimalPlaces(d, HiveDecimal.ROUND_HALF_UP).toNumber() + 0;
          const ev = resolve('round', ['double', 'int'], [undefined, d]);
          expect(ev.evaluate([x, d])).toBe(reference);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('floor, ceil, abs, sign', () => {
  test.each([
    ['floor', 'double', -0.1, -1n],
    ['floor', 'double', 5, 5n],
    ['ceil', 'double', -0.1, 0n],
    ['ceiling', 'double', 1.2, 2n],
    ['floor', 'int', 7, 7n],
    ['floor', 'double', 1e30, 9223372036854775807n],
    ['floor', 'double', Number.NaN, 0n],
    ['abs', 'int', -5, 5],
    ['abs', 'int', -2147483648, -2147483648],
    ['abs', 'bigint', -5n, 5n],
    ['abs', 'double', -1.5, 1.5],
    ['abs', 'string', '-2', 2],
    ['sign', 'double', -3.5, -1],
    ['sign', 'int', 0, 0],
    ['sign', 'bigint', 40n, 1],
  ] as const)('%s(%s %s) = %s', (name, type, x, expected) => {
    expect(run(name, [type], [x])).toBe(expected);
  });

  test('decimal forms keep exact values', () => {
    expect((run('floor', ['decimal(5,2)'], [dec('-1.25')]) as HiveDecimalValue).toFixed()).toBe('-2');
    expect((run('ceil', ['decimal(5,2)'], [dec('1.25')]) as HiveDecimalValue).toFixed()).toBe('2');
    expect(formatDataType(resolve('ceil', ['decimal(5,2)']).resultType)).toBe('decimal(4,0)');
    expect((run('abs', ['decimal(5,2)'], [dec('-1.25')]) as HiveDecimalValue).toFixed()).toBe('1.25');
    expect(run('sign', ['decimal(5,2)'], [dec('-1.25')])).toBe(-1);
    expect(resolve('sign', ['decimal(5,2)']).resultType.kind).toBe('int');
    expect(resolve('floor', ['double']).resultType.kind).toBe('bigint');
  });
});

describe('powers and logarithms', () => {
  test.each([
    ['power', [2, 3], 8],
    ['pow', [2, -1], 0.5],
    ['sqrt', [4], 2],
    ['sqrt', [-1], null],
    ['exp', [0], 1],
    ['ln', [1], 0],
    ['ln', [0], null],
    ['log', [13, 13], 1],
    ['log', [-2, 8], null],
    ['log', [Math.E], 1],
    ['log10', [1000], 3],
    ['log10', [-1], null],
    ['log2', [8], Math.log(8) / Math.log(2)],
    ['log2', [0], null],
  ] as const)('%s(%j) = %s', (name, args, expected) => {
    expect(
      run(
        name,
        args.map(() => 'double'),
        args,
      ),
    ).toBe(expected);
  });

  test('pi and e are constants', () => {
    expect(run('pi', [], [])).toBe(Math.PI);
    expect(run('e', [], [])).toBe(Math.E);
    expect(() => resolve('pi', ['int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });
});
